import { describe, expect, it } from 'vitest'
import { invoiceStatus, isEuMemberState, isReverseCharge, openAmount } from '../../src/shared/domain/billing'

describe('reverse charge', () => {
  const rc = (customerCountry: string, customerVatNumber: string, companyCountry = 'EE') =>
    isReverseCharge({ customerCountry, customerVatNumber, companyCountry })

  it('applies to a business with a VAT number in another EU member state', () => {
    expect(rc('FI', 'FI12345678')).toBe(true)
    expect(rc('de', 'DE123456789')).toBe(true)
    expect(rc('EL', 'EL123456789')).toBe(true)
    expect(rc('EE', 'EE100000000', 'FI')).toBe(true)
  })

  it('does not apply at home, outside the EU, or to a buyer without a VAT number', () => {
    expect(rc('EE', 'EE100000000')).toBe(false)
    expect(rc('FI', '')).toBe(false)
    expect(rc('FI', '   ')).toBe(false)
    expect(rc('NO', 'NO123456789MVA')).toBe(false)
    expect(rc('GB', 'GB123456789')).toBe(false)
    expect(rc('CH', 'CHE-123.456.789')).toBe(false)
    // Greece by either of its codes is the same country.
    expect(rc('GR', 'EL123456789', 'EL')).toBe(false)
  })

  it('knows the 27 member states', () => {
    for (const c of ['EE', 'LV', 'LT', 'SE', 'IE', 'HR', 'EL', 'GR']) expect(isEuMemberState(c), c).toBe(true)
    for (const c of ['GB', 'NO', 'IS', 'UA', '']) expect(isEuMemberState(c), c).toBe(false)
  })
})

describe('invoice status', () => {
  const inv = (paidTotal: number, creditedTotal: number, dueDate = '2026-12-15', grossTotal = 10000) => ({
    kind: 'invoice' as const,
    grossTotal,
    paidTotal,
    creditedTotal,
    dueDate
  })
  const today = '2026-12-15'

  it('goes open → partly paid → paid as payments come in', () => {
    expect(invoiceStatus(inv(0, 0), today)).toBe('open')
    expect(invoiceStatus(inv(4000, 0), today)).toBe('partlyPaid')
    expect(invoiceStatus(inv(10000, 0), today)).toBe('paid')
    expect(invoiceStatus(inv(12000, 0), today)).toBe('paid') // over-paid
  })

  it('is overdue when something is open after the due date (the due date itself is not late)', () => {
    expect(invoiceStatus(inv(0, 0, '2026-12-14'), today)).toBe('overdue')
    expect(invoiceStatus(inv(4000, 0, '2026-12-14'), today)).toBe('overdue')
    expect(invoiceStatus(inv(10000, 0, '2026-12-14'), today)).toBe('paid')
    expect(invoiceStatus(inv(0, 0, '2026-12-15'), today)).toBe('open')
  })

  it('counts credit notes: credited in full is credited, credited and paid together is paid', () => {
    expect(invoiceStatus(inv(0, 10000), today)).toBe('credited')
    expect(invoiceStatus(inv(0, 10000, '2026-01-01'), today)).toBe('credited')
    expect(invoiceStatus(inv(0, 3000), today)).toBe('partlyPaid')
    expect(invoiceStatus(inv(7000, 3000), today)).toBe('paid')
    expect(invoiceStatus(inv(0, 3000, '2026-12-01'), today)).toBe('overdue')
  })

  it('gives a credit note no status, and an invoice of nothing is paid', () => {
    expect(invoiceStatus({ ...inv(0, 0), kind: 'credit', grossTotal: -10000 }, today)).toBeNull()
    expect(invoiceStatus(inv(0, 0, '2026-01-01', 0), today)).toBe('paid')
  })

  it('says what is open', () => {
    expect(openAmount(inv(4000, 1000))).toBe(5000)
    expect(openAmount(inv(12000, 0))).toBe(-2000)
    expect(openAmount({ kind: 'credit', grossTotal: -5000, paidTotal: 0, creditedTotal: 0 })).toBe(0)
  })
})
