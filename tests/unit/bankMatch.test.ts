import { describe, expect, it } from 'vitest'
import { createMatcher, nameWords, namesResemble, type OpenInvoice } from '../../src/main/services/bank/match'

const inv = (
  id: number,
  number: string,
  customerName: string,
  openAmount: number,
  referenceNumber = '',
  currency = 'EUR'
): OpenInvoice => ({
  id,
  number,
  customerName,
  currency,
  referenceNumber,
  openAmount
})
const pay = (p: Partial<{ amount: number; currency: string; referenceNumber: string; remittance: string; debtorName: string }>) => ({
  amount: 1000,
  currency: 'EUR',
  referenceNumber: '',
  remittance: '',
  debtorName: '',
  ...p
})

describe('names resemble', () => {
  it('without case, diacritics, punctuation, word order or legal form', () => {
    expect(nameWords('Kalevipoja Ehitus OÜ')).toEqual(['kalevipoja', 'ehitus'])
    expect(namesResemble('KALEVIPOJA EHITUS OU', 'Kalevipoja Ehitus OÜ')).toBe(true)
    expect(namesResemble('JOE KULMATEHNIKA', 'Jõe Külmatehnika OÜ')).toBe(true)
    expect(namesResemble('Tamm, Jaan', 'Jaan Tamm')).toBe(true)
    expect(namesResemble('AS Saare Hooldus', 'Saare Hooldus')).toBe(true)
    // The shorter name's words all in the longer one: a payer may leave a word out.
    expect(namesResemble('Mets ja Meri', 'Mets ja Meri Haldus AS')).toBe(true)
    expect(namesResemble('Kalevipoja Ehitus', 'Kalevipoja Ehitus ja Remont OÜ')).toBe(true)
  })

  it('not when a word differs, nor for a name of legal forms only or an empty one', () => {
    expect(namesResemble('Mari Tamm', 'Jaan Tamm')).toBe(false)
    expect(namesResemble('Kalevipoja Remont', 'Kalevipoja Ehitus OÜ')).toBe(false)
    expect(namesResemble('OÜ', 'Kalevipoja Ehitus OÜ')).toBe(false)
    expect(namesResemble('', 'Jaan Tamm')).toBe(false)
  })
})

describe('matching a payment to open invoices', () => {
  const open = [
    inv(1, 'INV-000101', 'Kalevipoja Ehitus OÜ', 12400, '1012'),
    inv(2, 'INV-000102', 'Mets ja Meri AS', 50000, '1025'),
    inv(3, 'INV-000103', 'Jõe Külmatehnika OÜ', 31000, '1038'),
    inv(4, 'INV-000104', 'Saare Hooldus OÜ', 8000, '1041'),
    inv(5, 'INV-000105', 'Saare Hooldus OÜ', 8000, '1054'),
    inv(6, 'INV-000106', 'Lõuna Kinnisvara OÜ', 15000, '1067'),
    inv(7, 'INV-000107', 'Dollar Ltd', 8000, '1070', 'USD')
  ]
  const match = createMatcher(open)

  it('by a valid reference number first, whatever the text and the name say', () => {
    expect(match(pay({ referenceNumber: '1012', remittance: 'INV-000102', debtorName: 'Mets ja Meri' }))).toEqual({
      status: 'matched',
      matchedBy: 'reference',
      candidates: [1]
    })
    expect(match(pay({ referenceNumber: '10 12' }))).toMatchObject({ matchedBy: 'reference', candidates: [1] })
  })

  it('an invalid reference number is read as text: it may be an invoice number', () => {
    expect(match(pay({ referenceNumber: '1013' }))).toEqual({ status: 'unmatched', matchedBy: null, candidates: [] })
    expect(match(pay({ referenceNumber: 'INV-000103' }))).toMatchObject({ matchedBy: 'invoiceNumber', candidates: [3] })
  })

  it('by an invoice number in the remittance text, without case and separators', () => {
    for (const remittance of ['Arve INV-000102', 'arve nr inv000102.', 'INV 000102', '(INV-000102)', 'tasun INV-000102, aitäh'])
      expect(match(pay({ remittance })), remittance).toMatchObject({ status: 'matched', matchedBy: 'invoiceNumber', candidates: [2] })
    // A number inside another word or number is not that number.
    expect(match(pay({ remittance: 'INV-0001021' })).status).toBe('unmatched')
  })

  it('several invoice numbers in the text: ambiguous, listing them by number', () => {
    expect(match(pay({ remittance: 'INV-000105 ja INV-000104' }))).toEqual({
      status: 'ambiguous',
      matchedBy: 'invoiceNumber',
      candidates: [4, 5]
    })
  })

  it('by amount and name when nothing else tells', () => {
    expect(match(pay({ amount: 31000, debtorName: 'JOE KULMATEHNIKA' }))).toEqual({
      status: 'matched',
      matchedBy: 'amountAndName',
      candidates: [3]
    })
    // The amount alone, or the name alone, is not enough.
    expect(match(pay({ amount: 31000, debtorName: 'Jaan Tamm' })).status).toBe('unmatched')
    expect(match(pay({ amount: 31001, debtorName: 'Jõe Külmatehnika' })).status).toBe('unmatched')
  })

  it('two open invoices of the same customer and amount: ambiguous', () => {
    expect(match(pay({ amount: 8000, debtorName: 'Saare Hooldus' }))).toEqual({
      status: 'ambiguous',
      matchedBy: 'amountAndName',
      candidates: [4, 5]
    })
  })

  it('only invoices of the payment currency, and only open ones', () => {
    expect(match(pay({ amount: 8000, currency: 'EUR', referenceNumber: '1070' })).status).toBe('unmatched')
    expect(match(pay({ amount: 8000, currency: 'USD', referenceNumber: '1070' }))).toMatchObject({ status: 'matched', candidates: [7] })
    const paid = createMatcher([inv(1, 'INV-000101', 'Kalevipoja Ehitus OÜ', 0, '1012')])
    expect(paid(pay({ referenceNumber: '1012', remittance: 'INV-000101', amount: 0, debtorName: 'Kalevipoja Ehitus' })).status).toBe(
      'unmatched'
    )
  })

  it('a reference number of no open invoice falls through to the next rules', () => {
    expect(match(pay({ referenceNumber: '1083', remittance: 'INV-000106' }))).toMatchObject({ matchedBy: 'invoiceNumber', candidates: [6] })
  })
})
