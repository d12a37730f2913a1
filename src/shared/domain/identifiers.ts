import { text } from './primitives'

/**
 * Business identifiers printed on invoices and sent in e-invoices: IBAN, BIC, Estonian registry code
 * (registrikood), VAT number (KMKR nr and the other EU member states'), ISO country codes.
 *
 * Stored forms (what the database holds and what the documents and e-invoices read):
 * - IBAN: upper case, no spaces ("EE382200221020145685"); printed in groups of four by `formatIban`.
 * - BIC: upper case, 8 or 11 characters, no spaces.
 * - VAT number: upper case, no spaces, dots or dashes, with its two-letter prefix ("EE101234567", "EL…" for Greece).
 * - Registry code: the 8 digits for Estonia; a foreign company number as typed (trimmed).
 * - Country: ISO 3166-1 alpha-2, upper case.
 * The zod fields below normalise to these forms, so a service never sees anything else.
 */

/** ISO 3166-1 alpha-2 codes in use (and XK, Kosovo, which banks and the IBAN registry use). */
// prettier-ignore
export const COUNTRY_CODES = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ', 'BA', 'BB', 'BD', 'BE',
  'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS', 'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD',
  'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM',
  'DO', 'DZ', 'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF',
  'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM', 'HN', 'HR', 'HT', 'HU',
  'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM', 'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN',
  'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME',
  'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA',
  'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM',
  'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW', 'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI',
  'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK',
  'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI',
  'VN', 'VU', 'WF', 'WS', 'XK', 'YE', 'YT', 'ZA', 'ZM', 'ZW'
] as const
export type CountryCode = (typeof COUNTRY_CODES)[number]
const COUNTRY_SET: ReadonlySet<string> = new Set(COUNTRY_CODES)
export const isCountryCode = (s: string): s is CountryCode => COUNTRY_SET.has(s)

/** The EU member states (2025). Their VAT numbers carry the country code, except Greece's: EL. */
// prettier-ignore
export const EU_COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'
] as const
const EU_SET: ReadonlySet<string> = new Set(EU_COUNTRIES)
export const isEuCountry = (country: string): boolean => EU_SET.has(country)
/** The prefix of a member state's VAT numbers: the country code, EL for Greece. */
export const vatPrefixOf = (country: string): string => (country === 'GR' ? 'EL' : country)
/** VAT prefixes of the EU: the member states', and XI for Northern Ireland's traders in goods. */
const EU_VAT_PREFIXES: ReadonlySet<string> = new Set([...EU_COUNTRIES.map(vatPrefixOf), 'XI'])

/* ---------- IBAN (ISO 13616) ---------- */

/** IBAN length per country, from the SWIFT IBAN registry (every EU/EEA country, and the others it lists). */
// prettier-ignore
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23,
  GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28,
  LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24,
  SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30
}

/** Spaces (as printed and pasted) out, upper case: the stored form. */
export const normalizeIban = (s: string): string => s.replace(/\s+/g, '').toUpperCase()

/** The remainder mod 97 of the IBAN rearranged (first four characters moved to the end, letters as 10–35). */
function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let rest = 0
  for (const ch of rearranged) {
    const v = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48
    // Digit by digit (a letter is two digits) so the number never outgrows a double.
    rest = v >= 10 ? (rest * 100 + v) % 97 : (rest * 10 + v) % 97
  }
  return rest
}

export type IbanProblem = 'format' | 'country' | 'length' | 'checksum'

/** Why an IBAN (any spacing, any case) is not valid, or null when it is. */
export function ibanProblem(value: string): IbanProblem | null {
  const iban = normalizeIban(value)
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(iban)) return 'format'
  const length = IBAN_LENGTHS[iban.slice(0, 2)]
  if (length === undefined) return 'country'
  if (iban.length !== length) return 'length'
  return ibanMod97(iban) === 1 ? null : 'checksum'
}
export const isValidIban = (value: string): boolean => ibanProblem(value) === null

/** The check digits ("kk") an IBAN of this country and account (BBAN) gets. */
export function ibanCheckDigits(country: string, bban: string): string {
  const rest = ibanMod97(`${country}00${bban.toUpperCase()}`)
  return String(98 - rest).padStart(2, '0')
}

/** In groups of four, as printed on invoices: "EE38 2200 2210 2014 5685". */
export const formatIban = (iban: string): string => normalizeIban(iban).replace(/(.{4})(?=.)/g, '$1 ')

/* ---------- BIC (ISO 9362) ---------- */

export const normalizeBic = (s: string): string => s.replace(/\s+/g, '').toUpperCase()
/** Bank (4 letters), country (2 letters, a known country), location (2), optional branch (3). */
export function isValidBic(value: string): boolean {
  const bic = normalizeBic(value)
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic) && isCountryCode(bic.slice(4, 6))
}

/* ---------- Estonian registry code (registrikood) ---------- */

/**
 * Eight digits, the last a check digit computed as for Estonian personal codes: the first seven weighted
 * 1…7, remainder mod 11; a remainder of 10 is computed again with weights 3…9, and a second 10 gives 0.
 */
export function registryCodeCheckDigit(first7: string): number {
  const digits = [...first7].map(Number)
  const weighted = (from: number) => digits.reduce((sum, d, i) => sum + d * (from + i), 0) % 11
  const r = weighted(1)
  if (r < 10) return r
  const r2 = weighted(3)
  return r2 < 10 ? r2 : 0
}
export function isValidEstonianRegistryCode(value: string): boolean {
  const code = value.trim()
  return /^\d{8}$/.test(code) && registryCodeCheckDigit(code.slice(0, 7)) === Number(code[7])
}

/* ---------- VAT numbers ---------- */

/** Spaces, dots and dashes out, upper case: the stored form ("ee 101 234 567" → "EE101234567"). */
export const normalizeVatNumber = (s: string): string => s.replace(/[\s.-]+/g, '').toUpperCase()

/**
 * Estonia (KMKR nr): EE and nine digits. Another EU member state: its prefix (EL for Greece, XI for Northern
 * Ireland) and 2–13 letters or digits. Outside the EU: a two-letter prefix and 2–13 letters or digits too, as
 * Norway's, Switzerland's or the UK's are written with one.
 */
export function isValidVatNumber(value: string): boolean {
  const vat = normalizeVatNumber(value)
  if (vat.startsWith('EE')) return /^EE\d{9}$/.test(vat)
  if (!/^[A-Z]{2}[A-Z0-9]{2,13}$/.test(vat)) return false
  return EU_VAT_PREFIXES.has(vat.slice(0, 2)) || isCountryCode(vat.slice(0, 2))
}

/** An EU customer's VAT number must be of its own country (reverse charge is decided by the country). */
export function vatNumberFitsCountry(vatNumber: string, country: string): boolean {
  if (!vatNumber || !isEuCountry(country)) return true
  const prefix = normalizeVatNumber(vatNumber).slice(0, 2)
  return prefix === vatPrefixOf(country) || (country === 'GB' && prefix === 'XI')
}

/* ---------- zod fields (the codes are validation.* catalogue keys) ---------- */

const IBAN_CODES: Record<IbanProblem, string> = {
  format: 'validation.ibanFormat',
  country: 'validation.ibanCountry',
  length: 'validation.ibanLength',
  checksum: 'validation.ibanChecksum'
}

/** A required IBAN, stored without spaces. */
export const ibanField = text()
  .trim()
  .min(1, 'validation.required')
  .max(50)
  .superRefine((s, ctx) => {
    const problem = ibanProblem(s)
    if (problem) ctx.addIssue({ code: 'custom', message: IBAN_CODES[problem] })
  })
  .transform(normalizeIban)

/** An optional BIC ('' for none). */
export const bicField = text()
  .trim()
  .max(20)
  .refine((s) => s === '' || isValidBic(s), 'validation.bic')
  .transform(normalizeBic)
  .default('')

/** An optional VAT number ('' for none), stored upper case without separators. */
export const vatNumberField = text()
  .trim()
  .max(30)
  .refine((s) => s === '' || isValidVatNumber(s), 'validation.vatNumber')
  .transform(normalizeVatNumber)
  .default('')

/** An optional Estonian registry code ('' for none). */
export const estonianRegistryCodeField = text()
  .trim()
  .max(30)
  .refine((s) => s === '' || isValidEstonianRegistryCode(s), 'validation.registryCode')
  .default('')

export const countryField = text()
  .trim()
  .max(2, 'validation.country')
  .transform((s) => s.toUpperCase())
  .refine((s) => COUNTRY_SET.has(s), 'validation.country')
  .default('EE')
