import { describe, expect, it } from 'vitest'
import { participantId, partyEndpoint, splitAddress, unitCode, vatCategory } from '../../src/main/services/einvoice/codes'
import {
  amount,
  percent,
  quantity,
  type UblDocument,
  type UblLine,
  ublTotals,
  ublXml,
  vatBreakdown
} from '../../src/main/services/einvoice/ubl'

describe('e-invoice codes', () => {
  it('map Hooldus units to UN/ECE Recommendation 20, an unknown one to "one"', () => {
    expect(['h', 'H', 'tund', 'pcs', 'tk', 'tk.', 'km', 'm', 'kg', 'l', 'm²', 'päev', 'kuu', 'kWh'].map(unitCode)).toEqual([
      'HUR',
      'HUR',
      'HUR',
      'H87',
      'H87',
      'H87',
      'KMT',
      'MTR',
      'KGM',
      'LTR',
      'MTK',
      'DAY',
      'MON',
      'KWH'
    ])
    expect(unitCode('pakk')).toBe('C62')
    expect(unitCode('')).toBe('C62')
  })

  it('classify VAT: any rate above zero is standard; at 0 % reverse charge, exempt or zero rated', () => {
    expect(vatCategory('S', 2400, false)).toBe('S')
    expect(vatCategory('R9', 900, false)).toBe('S')
    expect(vatCategory('R9', 900, true)).toBe('S')
    expect(vatCategory('Z', 0, false)).toBe('Z')
    expect(vatCategory('AE', 0, false)).toBe('AE')
    expect(vatCategory('Z', 0, true)).toBe('AE')
    expect(vatCategory('E', 0, false)).toBe('E')
  })

  it('address a party by its own participant id, else its Estonian registry code, else its VAT number', () => {
    const p = { einvoiceAddress: '', country: 'EE', registryCode: '12345678', vatNumber: 'EE101234567' }
    expect(partyEndpoint(p)).toEqual({ scheme: '0191', id: '12345678' })
    expect(partyEndpoint({ ...p, einvoiceAddress: '0088:4750000000001' })).toEqual({ scheme: '0088', id: '4750000000001' })
    expect(partyEndpoint({ ...p, registryCode: '' })).toEqual({ scheme: '9931', id: 'EE101234567' })
    expect(partyEndpoint({ ...p, country: 'DE', registryCode: 'HRB 1234', vatNumber: 'DE123456789' })).toEqual({
      scheme: '9930',
      id: 'DE123456789'
    })
    // An operator's own address without a scheme cannot be used as a Peppol endpoint.
    expect(partyEndpoint({ ...p, country: 'SE', einvoiceAddress: 'arved@example.se', vatNumber: 'SE556677889901' })).toBeNull()
    expect(participantId(' 0191:12345678 ')).toEqual({ scheme: '0191', id: '12345678' })
    expect(participantId('191:12345678')).toBeNull()
  })

  it('split an address kept as one text into street, postal code and city when it reads so', () => {
    expect(splitAddress('Pärnu mnt 10, 10148 Tallinn')).toEqual({ street: 'Pärnu mnt 10', postalCode: '10148', city: 'Tallinn' })
    expect(splitAddress('Mannerheimintie 1\nFI-00100 Helsinki')).toEqual({
      street: 'Mannerheimintie 1',
      postalCode: '00100',
      city: 'Helsinki'
    })
    expect(splitAddress('Lossi 3, Kuressaare')).toEqual({ street: 'Lossi 3, Kuressaare', postalCode: '', city: '' })
    expect(splitAddress('')).toEqual({ street: '', postalCode: '', city: '' })
  })
})

const line = (l: Partial<UblLine>): UblLine => ({
  note: '',
  name: 'Work',
  quantity: 1000,
  unitCode: 'HUR',
  unitPrice: 1000,
  net: 1000,
  vat: 240,
  category: 'S',
  rate: 2400,
  ...l
})

const party = {
  endpoint: { scheme: '0191', id: '12345678' },
  name: 'Seller',
  legalName: 'Seller OÜ',
  address: { street: 'Tööstuse 5', postalCode: '10412', city: 'Tallinn', country: 'EE' },
  vatNumber: 'EE101234567',
  registryCode: '12345678',
  registryScheme: '0191',
  phone: '',
  email: ''
}

const doc = (d: Partial<UblDocument>): UblDocument => ({
  kind: 'invoice',
  number: 'INV-1',
  issueDate: '2026-12-01',
  dueDate: '2026-12-15',
  currency: 'EUR',
  note: '',
  buyerReference: 'C-1',
  salesOrder: '',
  credits: null,
  seller: party,
  buyer: { ...party, name: 'Buyer & Co <AS>', legalName: 'Buyer & Co <AS>' },
  payment: null,
  paymentTerms: 'Net 14',
  prepaid: 0,
  exemptionReasons: { AE: 'Reverse charge', E: 'Exempt' },
  lines: [line({})],
  ...d
})

describe('UBL document', () => {
  it('writes amounts, quantities and rates exactly, without floating point', () => {
    expect([amount(0), amount(5), amount(-5), amount(123456), amount(-100), amount(900719925474099)]).toEqual([
      '0.00',
      '0.05',
      '-0.05',
      '1234.56',
      '-1.00',
      '9007199254740.99'
    ])
    expect([quantity(1500), quantity(2000), quantity(1), quantity(-1250), quantity(0)]).toEqual(['1.5', '2', '0.001', '-1.25', '0'])
    expect([percent(2400), percent(950), percent(0), percent(1325)]).toEqual(['24', '9.5', '0', '13.25'])
  })

  it('sums VAT per category and rate from the lines, standard rates first, and totals from them', () => {
    const d = doc({
      prepaid: 500,
      lines: [
        line({ net: 1000, vat: 240 }),
        line({ net: 333, vat: 30, rate: 900 }),
        line({ net: 2000, vat: 0, rate: 0, category: 'Z' }),
        line({ net: -100, vat: -24 })
      ]
    })
    expect(vatBreakdown(d.lines)).toEqual([
      { category: 'S', rate: 2400, taxable: 900, vat: 216 },
      { category: 'S', rate: 900, taxable: 333, vat: 30 },
      { category: 'Z', rate: 0, taxable: 2000, vat: 0 }
    ])
    expect(ublTotals(d)).toEqual({ lineNet: 3233, vat: 246, gross: 3479, prepaid: 500, payable: 2979 })
  })

  it('escapes text, drops empty elements, and keeps quantity × price equal to the net amount', () => {
    const xml = ublXml(
      doc({
        note: '  ',
        lines: [
          line({ name: 'Bolts "M8" & nuts\u0007', quantity: 2000, unitPrice: -500, net: -1000, vat: -240 }),
          line({ quantity: 35000, unitCode: 'KMT', unitPrice: 50, net: 1000, vat: 240 }),
          line({ quantity: 0, unitPrice: 0, net: 700, vat: 168 })
        ]
      })
    )
    expect(xml).toContain('<cbc:RegistrationName>Buyer &amp; Co &lt;AS&gt;</cbc:RegistrationName>')
    expect(xml).toContain('<cbc:Name>Bolts &quot;M8&quot; &amp; nuts</cbc:Name>')
    expect(xml).not.toMatch(/<cbc:Note\s*\/>|<cbc:Note>\s*<\/cbc:Note>/)
    expect(xml).not.toContain('cac:PaymentMeans')
    // A negative price is stated as a negative quantity of a positive price.
    expect(xml).toContain('<cbc:InvoicedQuantity unitCode="HUR">-2</cbc:InvoicedQuantity>')
    expect(xml).toContain('<cbc:PriceAmount currencyID="EUR">5.00</cbc:PriceAmount>')
    // An amount apart from quantity × price: priced for the whole quantity.
    expect(xml).toMatch(
      /<cbc:PriceAmount currencyID="EUR">10.00<\/cbc:PriceAmount>\s*<cbc:BaseQuantity unitCode="KMT">35<\/cbc:BaseQuantity>/
    )
    // An amount without a quantity: one of it.
    expect(xml).toMatch(/<cbc:InvoicedQuantity unitCode="C62">1<\/cbc:InvoicedQuantity>\s*<cbc:LineExtensionAmount currencyID="EUR">7.00</)
  })

  it('makes a credit note a CreditNote naming the invoice it credits, without a due date', () => {
    const xml = ublXml(doc({ kind: 'credit', number: 'CRN-1', credits: { number: 'INV-1', issueDate: '2026-11-20' } }))
    expect(xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"')
    expect(xml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>')
    expect(xml).toMatch(/<cac:InvoiceDocumentReference>\s*<cbc:ID>INV-1<\/cbc:ID>\s*<cbc:IssueDate>2026-11-20<\/cbc:IssueDate>/)
    expect(xml).toContain('<cbc:CreditedQuantity unitCode="HUR">1</cbc:CreditedQuantity>')
    expect(xml).not.toContain('DueDate')
    expect(xml).not.toContain('InvoiceLine')
  })
})
