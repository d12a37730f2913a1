/**
 * Estonian payment reference numbers (viitenumber): a base of 1–19 digits followed by a check digit by the
 * 7-3-1 method — the base's digits from the right are weighted 7, 3, 1, 7, 3, 1, …; the check digit brings
 * the weighted sum up to the next multiple of ten.
 */

const WEIGHTS = [7, 3, 1] as const

export function checkDigit731(base: string): number {
  let sum = 0
  for (let i = 0; i < base.length; i++) sum += Number(base[base.length - 1 - i]) * WEIGHTS[i % 3]!
  return (10 - (sum % 10)) % 10
}

/** The reference number for a base of digits (1–19 of them). */
export function referenceNumber(base: string): string {
  if (!/^\d{1,19}$/.test(base)) throw new Error(`A reference number's base is 1–19 digits, not "${base}"`)
  return base + String(checkDigit731(base))
}

/** True for 2–20 digits (spaces allowed, as banks print them) whose last digit checks the rest. */
export function isValidReferenceNumber(value: string): boolean {
  const digits = value.replace(/\s+/g, '')
  if (!/^\d{2,20}$/.test(digits)) return false
  return checkDigit731(digits.slice(0, -1)) === Number(digits.slice(-1))
}

/**
 * An invoice's reference number: the digits of its number without leading zeros (INV-000123 → 123), the row
 * id when the number has no digits — the same rule drizzle/0004_billing.sql applied to existing invoices.
 */
export function invoiceReferenceNumber(invoiceNumber: string, invoiceId: number): string {
  const digits = invoiceNumber.replace(/\D/g, '').replace(/^0+/, '')
  return referenceNumber(digits === '' ? String(invoiceId) : digits.slice(0, 19))
}
