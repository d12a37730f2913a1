import type { TFunction } from 'i18next'
import { memo } from 'react'
import type { BoardCard, TravelLegRow } from '@shared/domain/dispatch'
import type { Formats } from '@shared/i18n/format'
import classes from './dispatch.module.css'
import { type TimeScale, xOf } from './timeScale'

const MINUTE = 60_000

/** "18 min · 14 km from Kase 4, Tartu" (or from home, or home). */
export function legText(t: TFunction, f: Formats, leg: TravelLegRow): string {
  const values = { minutes: leg.minutes ?? 0, km: f.number(leg.km ?? 0, 1), place: leg.toHome ? leg.to : leg.from }
  if (leg.toHome) return t(leg.to ? 'dispatch.travel.home' : 'dispatch.travel.homeNoAddress', values)
  if (leg.fromHome) return t(leg.from ? 'dispatch.travel.fromHome' : 'dispatch.travel.fromHomeNoAddress', values)
  return t('dispatch.travel.from', { ...values, order: leg.fromOrder ?? '' })
}

/**
 * The drives of a row's cards as thin hatched blocks: before each card (from the previous one or from
 * home) and after the day's last (home). Drawn under the cards: a drive longer than the gap runs under
 * the previous card and is red, as its card's travel conflict says. Unknown or zero drives draw nothing.
 */
export const TravelStrips = memo(function TravelStrips({
  cards,
  scale,
  height,
  t,
  f
}: {
  cards: readonly BoardCard[]
  scale: TimeScale
  height: number
  t: TFunction
  f: Formats
}) {
  const strips: { key: string; left: number; width: number; text: string; conflict: boolean; order: string }[] = []
  for (const c of cards) {
    const before = c.travel.before
    if (before?.minutes) {
      const left = xOf(scale, c.start - before.minutes * MINUTE)
      const width = xOf(scale, c.start) - left
      const conflict = c.conflicts.some((k) => k.kind === 'travel')
      if (width >= 1) strips.push({ key: `b${c.id}`, left, width, text: legText(t, f, before), conflict, order: c.orderNumber })
    }
    const after = c.travel.after
    if (after?.minutes) {
      const left = xOf(scale, c.end)
      const width = xOf(scale, c.end + after.minutes * MINUTE) - left
      if (width >= 1)
        strips.push({ key: `a${c.id}`, left, width, text: legText(t, f, after), conflict: false, order: `${c.orderNumber}-home` })
    }
  }
  const band = Math.max(6, Math.round(height * 0.3))
  return (
    <>
      {strips.map((s) => (
        <div
          key={s.key}
          className={`${classes.travel} ${s.conflict ? classes.travelConflict : ''}`}
          style={{ left: s.left, width: s.width, top: (height - band) / 2, height: band }}
          title={s.text}
          data-testid="travel-strip"
          data-travel-order={s.order}
          data-conflict={s.conflict || undefined}
        />
      ))}
    </>
  )
})
