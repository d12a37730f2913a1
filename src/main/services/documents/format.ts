import type { TFunction } from 'i18next'
import { formatsFor, type Formats } from '@shared/i18n/format'
import { tFor } from '@shared/i18n/i18n'
import type { Language } from '@shared/i18n/languages'

/**
 * What a document is written with: its language's words and formats (src/shared/i18n/format.ts — the
 * same dates, amounts and numbers as the screens), in the shop's time zone. Customer documents take the
 * customer's language, internal ones the requesting user's.
 */
export interface DocumentLocale {
  language: Language
  t: TFunction
  f: Formats
}

export function documentLocale(language: Language, timeZone: string): DocumentLocale {
  return { language, t: tFor(language), f: formatsFor(language, timeZone) }
}

/** A customer's language (any of the customer languages) → the language of their documents: Estonian or English. */
export const customerDocumentLanguage = (customerLanguage: string | null | undefined): Language => (customerLanguage === 'et' ? 'et' : 'en')

/** 1500 thousandths and "h" → "1,5 h" (the unit as written on the line). */
export function formatQuantityUnit(f: Formats, thousandths: number, unit: string): string {
  return unit ? `${f.quantity(thousandths)} ${unit}` : f.quantity(thousandths)
}

/**
 * A time window: "27.11.2026 08:00–12:00" within one day, "27.11.2026 08:00 – 28.11.2026 12:00" across
 * days, "from …" / "until …" when open on one side, empty when neither end is set.
 */
export function formatWindow(l: DocumentLocale, start: number | null, end: number | null): string {
  const a = l.f.dateTime(start)
  const b = l.f.dateTime(end)
  if (a && b) {
    if (a.slice(0, 10) === b.slice(0, 10)) return `${a}–${b.slice(11)}`
    return `${a} – ${b}`
  }
  if (a) return l.t('documents.window.from', { time: a })
  if (b) return l.t('documents.window.until', { time: b })
  return ''
}
