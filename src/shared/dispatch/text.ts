/**
 * The text of a dispatch conflict or suggestion reason in the reader's language: the board's messages
 * travel as a code and parameters (instants as epoch ms) and are put into words where they are shown.
 */
import type { Formats } from '../i18n/format'
import type { T } from '../i18n/i18n'
import { translate } from '../i18n/issues'
import type { DispatchParams } from './conflicts'

export interface DispatchMessage {
  code: string
  params: DispatchParams
}

/** "14:30", or "26.11 14:30" when the instant is on another day than `ref`. */
function when(f: Formats, ms: number, ref: number): string {
  const dt = f.dateTime(ms)
  return dt.slice(0, 10) === f.dateTime(ref).slice(0, 10) ? f.time(ms) : `${dt.slice(0, 5)} ${f.time(ms)}`
}

/** "10:00–12:00"; the end names its date only when it differs from the start's ("23:00–29.11 01:00"). */
function span(f: Formats, start: number, end: number, ref: number): string {
  return `${when(f, start, ref)}–${when(f, end, start)}`
}

/** An instant's day as "26.11". */
const dayMonth = (f: Formats, ms: number): string => f.dateTime(ms).slice(0, 5)

/** An instant's day as "2026-11-26". */
function isoDay(f: Formats, ms: number): string {
  const dt = f.dateTime(ms)
  return `${dt.slice(6, 10)}-${dt.slice(3, 5)}-${dt.slice(0, 2)}`
}

const num = (params: DispatchParams, name: string): number => Number(params[name])

/**
 * A conflict's or reason's text: `t` and `f` of the reader's language (and the shop's time zone, in
 * which the board's instants are read).
 */
export function dispatchText(t: T, f: Formats, m: DispatchMessage): string {
  const p = m.params
  const values: Record<string, string | number> = { ...p }
  switch (m.code) {
    case 'dispatch.conflicts.overlap':
    case 'dispatch.conflicts.outsideRequested':
      values.span = span(f, num(p, 'start'), num(p, 'end'), num(p, 'ref'))
      break
    case 'dispatch.suggest.reasons.free':
      values.span = span(f, num(p, 'start'), num(p, 'end'), num(p, 'ref'))
      break
    case 'dispatch.suggest.reasons.freeBeforeResponse':
    case 'dispatch.suggest.reasons.freeBeforeArrival':
    case 'dispatch.suggest.reasons.freeBeforeResolution':
    case 'dispatch.suggest.reasons.freeAfterResponse':
    case 'dispatch.suggest.reasons.freeAfterArrival':
    case 'dispatch.suggest.reasons.freeAfterResolution':
      values.span = span(f, num(p, 'start'), num(p, 'end'), num(p, 'ref'))
      values.deadline = when(f, num(p, 'deadline'), num(p, 'ref'))
      break
    case 'dispatch.conflicts.outsideRequestedFrom':
      values.from = when(f, num(p, 'from'), num(p, 'ref'))
      break
    case 'dispatch.conflicts.outsideRequestedUntil':
      values.until = when(f, num(p, 'until'), num(p, 'ref'))
      break
    case 'dispatch.conflicts.slaMiss':
      values.deadline = when(f, num(p, 'deadline'), num(p, 'ref'))
      break
    case 'dispatch.conflicts.outsideHours':
      values.from = f.time(num(p, 'from'))
      values.to = f.time(num(p, 'to'))
      break
    case 'dispatch.conflicts.closedDay':
      values.weekday = f.weekday(isoDay(f, num(p, 'at')))
      break
    case 'dispatch.conflicts.holiday':
      values.day = dayMonth(f, num(p, 'at'))
      break
    case 'dispatch.conflicts.travel':
      values.km = f.number(num(p, 'km'), 1)
      break
    case 'dispatch.suggest.reasons.nothingBooked':
      values.day = dayMonth(f, num(p, 'day'))
      break
    case 'dispatch.suggest.reasons.booked':
      values.day = dayMonth(f, num(p, 'day'))
      values.hours = f.number(num(p, 'hours'), 1)
      break
  }
  return translate(t, m.code, values)
}
