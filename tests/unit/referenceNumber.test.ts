import { describe, expect, it } from 'vitest'
import { checkDigit731, invoiceReferenceNumber, isValidReferenceNumber, referenceNumber } from '../../src/shared/domain/referenceNumber'

describe('Estonian reference numbers (7-3-1)', () => {
  it('gives the check digits of published examples', () => {
    // Worked by hand: 123 → 3·7 + 2·3 + 1·1 = 28 → 2.
    expect(referenceNumber('123')).toBe('1232')
    expect(referenceNumber('12345')).toBe('123453')
    expect(referenceNumber('1')).toBe('13')
    expect(checkDigit731('2')).toBe(6)
  })

  it('accepts valid numbers, with the spaces banks print', () => {
    for (const ok of ['1232', '123453', '13', '1234 53']) expect(isValidReferenceNumber(ok), ok).toBe(true)
  })

  it('refuses wrong lengths and non-digits', () => {
    for (const bad of ['', '1', '12a3', '1'.repeat(21)]) expect(isValidReferenceNumber(bad), bad).toBe(false)
  })

  it('detects every single-digit error', () => {
    for (const base of ['1', '42', '123', '2026000123', '9999999999999999999']) {
      const ref = referenceNumber(base)
      for (let pos = 0; pos < ref.length; pos++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === ref[pos]) continue
          const wrong = ref.slice(0, pos) + String(d) + ref.slice(pos + 1)
          expect(isValidReferenceNumber(wrong), `${ref} → ${wrong}`).toBe(false)
        }
      }
    }
  })

  it('makes an invoice reference from the number without leading zeros, else from the id', () => {
    expect(invoiceReferenceNumber('INV-000123', 7)).toBe('1232')
    expect(invoiceReferenceNumber('ARVE', 1)).toBe('13')
  })
})
