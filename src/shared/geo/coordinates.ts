/**
 * Decimal degrees as people type and paste them: "59.437", "59,437" (the Estonian decimal comma), and a
 * whole point copied from a map or a GPS app, "59.437, 24.7536", into either field.
 */

const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/

/** One coordinate; null for an empty field, NaN for text that is not a number (the schema then names the field). */
export function parseDegrees(text: string): number | null {
  const s = text
    .trim()
    .replace(/\s+/g, '')
    .replace(/^\u2212/, '-')
  if (s === '') return null
  return NUMBER.test(s) ? Number(s.replace(',', '.')) : Number.NaN
}

/**
 * A latitude and a longitude in one string, or null when the text is a single value. The two are apart
 * by a semicolon, by white space, or by a comma — a comma between two numbers that both carry a decimal
 * point, or followed by a space ("59,437" alone is one number with a decimal comma).
 */
export function parsePoint(text: string): { latitude: number; longitude: number } | null {
  const s = text.trim().replace(/\u2212/g, '-')
  const m =
    /^([+-]?\d+(?:[.,]\d+)?)\s*;\s*([+-]?\d+(?:[.,]\d+)?)$/.exec(s) ??
    /^([+-]?\d+(?:[.,]\d+)?)(?:,\s+|\s+)([+-]?\d+(?:[.,]\d+)?)$/.exec(s) ??
    /^([+-]?\d+\.\d+),([+-]?\d+\.\d+)$/.exec(s)
  if (!m) return null
  return { latitude: Number(m[1]!.replace(',', '.')), longitude: Number(m[2]!.replace(',', '.')) }
}

/** The text a stored coordinate is shown as. */
export const degreesText = (v: number | null): string => (v === null ? '' : String(v))
