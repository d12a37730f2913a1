import { DateTime } from 'luxon'
import { tFor } from './i18n'
import type { Language } from './languages'

/**
 * Every value a user reads, formatted one way per kind of value: the screens, the PDFs and the CSV files
 * all format through here. Dates are the Estonian dd.mm.yyyy and times 24-hour in both languages (the
 * shop's conventions); numbers, money, names of days and months, and units follow the language.
 * Instants are shown in the shop's time zone.
 */
export interface Formats {
  language: Language
  /** "2026-12-02" → "02.12.2026"; '' for none. */
  date(iso: string | null): string
  /** An instant → "02.12.2026 14:30"; '' for none. */
  dateTime(ms: number | null): string
  /** An instant → "14:30"; '' for none. */
  time(ms: number | null): string
  /** "2026-12-02" → "kolmapäev" / "Wednesday" ("K" / "Wed" short). */
  weekday(iso: string, width?: 'long' | 'short'): string
  /** "2026-12-02" → "kolmapäev, 2. detsember" / "Wednesday, 2 December". */
  dayTitle(iso: string): string
  /** "2026-12" → "detsember 2026" / "December 2026". */
  month(yearMonth: string): string
  /** 1234.5 → "1 234,5" / "1,234.5". */
  number(n: number, maxDecimals?: number): string
  /** Cents → "1 234,50 €" / "€1,234.50". */
  money(cents: number, currency?: string): string
  /** Thousandths → "1,5" / "1.5". */
  quantity(thousandths: number): string
  /** Basis points → "24 %" / "24%". */
  rate(basisPoints: number): string
  /** An index in hundredths (a subscription's price index, 10000 = 100) → "103,50" / "103.50": always two decimals. */
  index(hundredths: number): string
  /** Minutes → "1 p 8 h" / "1 d 8 h", "2 h 30 min", "45 min". */
  duration(minutes: number): string
  /** An instant relative to now → "2 tunni pärast" / "in 2 hours", "eile" / "yesterday". */
  relative(ms: number, now: number): string
}

const LOCALE: Record<Language, string> = { et: 'et-EE', en: 'en-IE' }

const cache = new Map<string, Formats>()

export function formatsFor(language: Language, timeZone: string): Formats {
  const key = `${language} ${timeZone}`
  let f = cache.get(key)
  if (!f) {
    f = makeFormats(language, timeZone)
    cache.set(key, f)
  }
  return f
}

function makeFormats(language: Language, timeZone: string): Formats {
  const locale = LOCALE[language]
  const t = tFor(language)
  // 'always': Estonian CLDR data would leave four-digit numbers ungrouped ("1234,56").
  const numbers = new Map<number, Intl.NumberFormat>()
  const numberFormat = (decimals: number) => {
    let nf = numbers.get(decimals)
    if (!nf) {
      nf = new Intl.NumberFormat(locale, { maximumFractionDigits: decimals, useGrouping: 'always' })
      numbers.set(decimals, nf)
    }
    return nf
  }
  const twoDecimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' })
  const moneys = new Map<string, Intl.NumberFormat>()
  const moneyFormat = (currency: string) => {
    let nf = moneys.get(currency)
    if (!nf) {
      nf = new Intl.NumberFormat(locale, { style: 'currency', currency, useGrouping: 'always' })
      moneys.set(currency, nf)
    }
    return nf
  }
  const weekdayLong = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' })
  const weekdayShort = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' })
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' })
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  // The dispatch board formats thousands of times per render: one Intl formatter is ~10× faster than a luxon DateTime per call.
  const clock = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  const utcNoon = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`)
  const local = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone })

  return {
    language,
    date: (iso) => {
      if (!iso) return ''
      const [y, m, d] = iso.slice(0, 10).split('-')
      return `${d}.${m}.${y}`
    },
    dateTime: (ms) => (ms === null ? '' : local(ms).toFormat('dd.LL.yyyy HH:mm')),
    time: (ms) => (ms === null ? '' : clock.format(ms)),
    weekday: (iso, width = 'long') => (width === 'long' ? weekdayLong : weekdayShort).format(utcNoon(iso)),
    dayTitle: (iso) => `${weekdayLong.format(utcNoon(iso))}, ${dayMonth.format(utcNoon(iso))}`,
    month: (yearMonth) => monthYear.format(utcNoon(`${yearMonth.slice(0, 7)}-15`)),
    number: (n, maxDecimals = 2) => numberFormat(maxDecimals).format(n),
    money: (cents, currency = 'EUR') => moneyFormat(currency).format(cents / 100),
    quantity: (thousandths) => numberFormat(3).format(thousandths / 1000),
    rate: (basisPoints) =>
      language === 'et' ? `${numberFormat(2).format(basisPoints / 100)} %` : `${numberFormat(2).format(basisPoints / 100)}%`,
    index: (hundredths) => twoDecimals.format(hundredths / 100),
    duration: (minutes) => {
      const total = Math.round(Math.abs(minutes))
      const days = Math.floor(total / 1440)
      const hours = Math.floor((total % 1440) / 60)
      const mins = total % 60
      const parts: string[] = []
      if (days > 0) parts.push(t('format.duration.days', { count: days }))
      if (hours > 0) parts.push(t('format.duration.hours', { count: hours }))
      if (mins > 0 || parts.length === 0) parts.push(t('format.duration.minutes', { count: mins }))
      return `${minutes < 0 ? '−' : ''}${parts.join(' ')}`
    },
    relative: (ms, now) => {
      const diff = ms - now
      const abs = Math.abs(diff)
      if (abs < 60_000) return relative.format(0, 'minute')
      if (abs < 3_600_000) return relative.format(Math.round(diff / 60_000), 'minute')
      if (abs < 86_400_000) return relative.format(Math.round(diff / 3_600_000), 'hour')
      const days = Math.round(local(ms).startOf('day').diff(local(now).startOf('day'), 'days').days)
      return relative.format(days, 'day')
    }
  }
}
