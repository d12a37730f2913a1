import { formatInstant } from '@shared/time'

/**
 * Number formats of the printed documents: Estonian conventions (non-breaking space between thousands,
 * comma before decimals, the currency sign after the amount), so that an amount never wraps inside a
 * table cell. Every amount arrives in integer minor units, every quantity in thousandths.
 */

const moneyFormats = new Map<string, Intl.NumberFormat>()

function moneyFormat(currency: string): Intl.NumberFormat {
  let f = moneyFormats.get(currency)
  if (!f) {
    // 'always': Estonian CLDR data would leave four-digit amounts ungrouped ("1234,56 €").
    f = new Intl.NumberFormat('et-EE', { style: 'currency', currency, useGrouping: 'always' })
    moneyFormats.set(currency, f)
  }
  return f
}

/** 123456 cents → "1 234,56 €" (a negative amount with a minus sign: "−1 234,56 €"). */
export function formatMoney(cents: number, currency: string): string {
  return moneyFormat(currency).format(cents / 100)
}

const quantityFormat = new Intl.NumberFormat('et-EE', { maximumFractionDigits: 3, useGrouping: 'always' })

/** 1500 thousandths → "1,5"; 2000 → "2"; 1234567 → "1 234,567". */
export function formatQuantity(thousandths: number): string {
  return quantityFormat.format(thousandths / 1000)
}

/** 1500 thousandths and "h" → "1,5 h". */
export function formatQuantityUnit(thousandths: number, unit: string): string {
  return unit ? `${formatQuantity(thousandths)} ${unit}` : formatQuantity(thousandths)
}

/** A VAT rate in basis points: 2400 → "24 %", 2250 → "22,5 %". */
export function formatRate(basisPoints: number): string {
  return `${quantityFormat.format(basisPoints / 100)} %`
}

/** "2026-11-20" → "20.11.2026"; empty for no date. */
export function formatDate(iso: string | null): string {
  if (!iso) return ''
  const [y, m, d] = iso.split('-')
  return `${d}.${m}.${y}`
}

/** An instant in the shop's time zone: "27.11.2026 14:30"; empty for none. */
export function formatTime(ms: number | null, timeZone: string): string {
  return formatInstant(ms, timeZone)
}

/**
 * A time window: "27.11.2026 08:00–12:00" within one day, "27.11.2026 08:00 – 28.11.2026 12:00" across
 * days, "from …" / "until …" when open on one side, empty when neither end is set.
 */
export function formatWindow(start: number | null, end: number | null, timeZone: string): string {
  const a = formatTime(start, timeZone)
  const b = formatTime(end, timeZone)
  if (a && b) {
    if (a.slice(0, 10) === b.slice(0, 10)) return `${a}–${b.slice(11)}`
    return `${a} – ${b}`
  }
  if (a) return `from ${a}`
  if (b) return `until ${b}`
  return ''
}
