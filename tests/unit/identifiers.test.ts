import { describe, expect, it } from 'vitest'
import {
  bicField,
  countryField,
  estonianRegistryCodeField,
  formatIban,
  ibanCheckDigits,
  ibanField,
  ibanProblem,
  isValidBic,
  isValidEstonianRegistryCode,
  isValidIban,
  isValidVatNumber,
  registryCodeCheckDigit,
  vatNumberField,
  vatNumberFitsCountry
} from '../../src/shared/domain/identifiers'

/** The catalogue code of the first issue a field reports for a value. */
const codeOf = (field: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, v: unknown) =>
  field.safeParse(v).error?.issues[0]?.message

describe('IBAN (ISO 13616)', () => {
  it('accepts the registry examples of the EU/EEA and neighbours, with or without spaces, in any case', () => {
    for (const iban of [
      'EE382200221020145685',
      'EE71 7700 7710 0173 5865',
      'DE89370400440532013000',
      'GB82WEST12345698765432',
      'FI2112345600000785',
      'LV80BANK0000435195001',
      'LT121000011101001000',
      'NL91ABNA0417164300',
      'FR1420041010050500013M02606',
      'BE68539007547034',
      'NO9386011117947',
      'AT611904300234573201',
      'CH9300762011623852957',
      'PL61109010140000071219812874',
      'SE4550000000058398257466',
      'MT84MALT011000012345MTLCAST001S',
      'de89 3704 0044 0532 0130 00'
    ]) {
      expect(ibanProblem(iban), iban).toBeNull()
    }
  })

  it('names what is wrong: format, unknown country, length for the country, check digits', () => {
    expect(ibanProblem('')).toBe('format')
    expect(ibanProblem('EE3X2200221020145685')).toBe('format')
    expect(ibanProblem('EE38-2200-2210-2014-5685')).toBe('format')
    expect(ibanProblem('ZZ382200221020145685')).toBe('country')
    expect(ibanProblem('US12345678901234567890')).toBe('country')
    expect(ibanProblem('EE38220022102014568')).toBe('length')
    expect(ibanProblem('DE8937040044053201300')).toBe('length')
    // One digit changed, two digits swapped: mod 97 catches both.
    expect(ibanProblem('EE382200221020145686')).toBe('checksum')
    expect(ibanProblem('EE382200221020154685')).toBe('checksum')
    expect(ibanProblem('DE88370400440532013000')).toBe('checksum')
  })

  it('detects every single-character error of an Estonian IBAN', () => {
    const iban = 'EE382200221020145685'
    for (let i = 2; i < iban.length; i++) {
      for (const d of '0123456789') {
        if (d === iban[i]) continue
        const wrong = iban.slice(0, i) + d + iban.slice(i + 1)
        expect(isValidIban(wrong), wrong).toBe(false)
      }
    }
  })

  it('computes check digits, and prints in groups of four', () => {
    expect(ibanCheckDigits('EE', '2200221020145685')).toBe('38')
    expect(ibanCheckDigits('DE', '370400440532013000')).toBe('89')
    expect(formatIban('EE382200221020145685')).toBe('EE38 2200 2210 2014 5685')
    expect(formatIban('ee38 22002210 20145685')).toBe('EE38 2200 2210 2014 5685')
    expect(formatIban('NO9386011117947')).toBe('NO93 8601 1117 947')
  })

  it('the zod field stores it without spaces, upper case, and answers the catalogue code', () => {
    expect(ibanField.parse(' ee38 2200 2210 2014 5685 ')).toBe('EE382200221020145685')
    expect(codeOf(ibanField, '')).toBe('validation.required')
    expect(codeOf(ibanField, 'EE38 2200 2210 2014 5686')).toBe('validation.ibanChecksum')
    expect(codeOf(ibanField, 'EE38 2200 2210 2014 568')).toBe('validation.ibanLength')
    expect(codeOf(ibanField, 'QQ38 2200 2210 2014 5685')).toBe('validation.ibanCountry')
    expect(codeOf(ibanField, 'not an iban')).toBe('validation.ibanFormat')
  })
})

describe('Estonian registry code (registrikood)', () => {
  it('accepts real companies’ codes', () => {
    // Swedbank AS, AS SEB Pank, AS LHV Pank, Telia Eesti AS, Bolt Technology OÜ, Eesti Energia AS, Elering AS,
    // AS Tallinna Vesi, Coop Pank AS, Luminor Bank AS, Pipedrive OÜ, AS Tallinna Sadam, AS Tallink Grupp.
    for (const code of [
      '10060701',
      '10004252',
      '10539549',
      '10234957',
      '12417834',
      '10421629',
      '11022625',
      '10257326',
      '10237832',
      '11315936',
      '11958539',
      '10137319',
      '10238429'
    ]) {
      expect(isValidEstonianRegistryCode(code), code).toBe(true)
    }
  })

  it('uses weights 3…9 when 1…7 leave 10, and 0 when both do', () => {
    // 1000006: 1·1 + 6·7 = 43 ≡ 10 (mod 11); 1·3 + 6·9 = 57 ≡ 2.
    expect(registryCodeCheckDigit('1000006')).toBe(2)
    expect(isValidEstonianRegistryCode('10000062')).toBe(true)
    // 1000064: 1 + 36 + 28 = 65 ≡ 10; 3 + 48 + 36 = 87 ≡ 10 → 0.
    expect(registryCodeCheckDigit('1000064')).toBe(0)
    expect(isValidEstonianRegistryCode('10000640')).toBe(true)
  })

  it('refuses a wrong check digit, wrong length and non-digits', () => {
    for (const bad of ['10060702', '1006070', '100607011', '1006070A', '', 'EE10060701']) {
      expect(isValidEstonianRegistryCode(bad), bad).toBe(false)
    }
    // Every other last digit of a valid code is refused.
    for (let d = 0; d < 10; d++) if (d !== 1) expect(isValidEstonianRegistryCode(`1006070${d}`)).toBe(false)
    expect(codeOf(estonianRegistryCodeField, '10060702')).toBe('validation.registryCode')
    expect(estonianRegistryCodeField.parse('')).toBe('')
  })
})

describe('VAT numbers', () => {
  it('Estonia: EE and nine digits; other EU states: their prefix and 2–13 letters or digits', () => {
    for (const ok of [
      'EE101234567',
      'FI01120389',
      'LV40003245752',
      'DE129273398',
      'EL094019245',
      'FR40303265045',
      'NL004495445B01',
      'ATU13585627'
    ]) {
      expect(isValidVatNumber(ok), ok).toBe(true)
    }
    for (const bad of ['EE10123456', 'EE1012345678', 'EEA01234567', 'F1234', 'DE1', '12345678', 'DE12345678901234', 'QQ123456789']) {
      expect(isValidVatNumber(bad), bad).toBe(false)
    }
  })

  it('the zod field stores it upper case without separators', () => {
    expect(vatNumberField.parse(' ee 101-234.567 ')).toBe('EE101234567')
    expect(vatNumberField.parse('')).toBe('')
    expect(codeOf(vatNumberField, 'EE12345')).toBe('validation.vatNumber')
  })

  it('an EU customer’s VAT number is of its own country (EL for Greece)', () => {
    expect(vatNumberFitsCountry('FI01120389', 'FI')).toBe(true)
    expect(vatNumberFitsCountry('EL094019245', 'GR')).toBe(true)
    expect(vatNumberFitsCountry('FI01120389', 'EE')).toBe(false)
    expect(vatNumberFitsCountry('', 'DE')).toBe(true)
    expect(vatNumberFitsCountry('NO123456789MVA', 'NO')).toBe(true)
  })
})

describe('BIC and country', () => {
  it('BIC: 8 or 11 characters with a known country', () => {
    for (const ok of ['HABAEE2X', 'EEUHEE2X', 'LHVBEE22', 'DEUTDEFF500', 'habaee2x']) expect(isValidBic(ok), ok).toBe(true)
    for (const bad of ['HABAEE2', 'HABAEE2XX', 'HABAQQ2X', '1ABAEE2X', 'HABAEE2X5000']) expect(isValidBic(bad), bad).toBe(false)
    expect(bicField.parse(' lhvb ee22 ')).toBe('LHVBEE22')
    expect(codeOf(bicField, 'LHVB')).toBe('validation.bic')
  })

  it('country: an ISO 3166-1 alpha-2 code, upper-cased', () => {
    expect(countryField.parse('fi')).toBe('FI')
    expect(countryField.parse(undefined)).toBe('EE')
    expect(codeOf(countryField, 'XX')).toBe('validation.country')
    expect(codeOf(countryField, 'EST')).toBe('validation.country')
  })
})
