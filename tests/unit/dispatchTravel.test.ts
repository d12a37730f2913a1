import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { type TravelHome, type TravelStop, travelConflicts, travelLegs } from '../../src/shared/dispatch/travel'
import { dispatchText } from '../../src/shared/dispatch/text'
import { formatsFor } from '../../src/shared/i18n/format'
import { tFor } from '../../src/shared/i18n/i18n'
import { type GeoPoint, straightLineTravel } from '../../src/shared/planner/travel'

const TZ = 'Europe/Tallinn'
const at = (local: string): number => DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: TZ }).toMillis()

const TALLINN: GeoPoint = { lat: 59.437, lon: 24.7536 }
const TARTU: GeoPoint = { lat: 58.378, lon: 26.729 }
const KEILA: GeoPoint = { lat: 59.3036, lon: 24.4131 }
const model = straightLineTravel()

let nextId = 1
function stop(
  workerId: number,
  start: string,
  end: string,
  point: GeoPoint | null,
  label: string,
  over: Partial<TravelStop> = {}
): TravelStop {
  const id = nextId++
  return {
    id,
    workerId,
    orderNumber: `SO-${id}`,
    start: at(start),
    end: at(end),
    place: { id: `site:${label}`, point },
    label,
    finished: false,
    ...over
  }
}
const home = (workerId: number, point: GeoPoint | null, label = 'Kodu 1, Keila'): TravelHome => ({
  place: { id: `home:${workerId}`, point },
  label
})

describe('travel legs of a technician’s day', () => {
  it('drives from home to the first job, between jobs in time order, and home after the last', () => {
    const a = stop(1, '2026-12-07 09:00', '2026-12-07 10:00', TALLINN, 'Pärnu mnt 10, Tallinn')
    const b = stop(1, '2026-12-07 13:00', '2026-12-07 14:00', TARTU, 'Küüni 5, Tartu')
    // Given out of order: the legs follow the clock, not the input.
    const legs = travelLegs([b, a], new Map([[1, home(1, KEILA)]]), model, TZ)
    const first = legs.get(a.id)!
    expect(first.before).toMatchObject({ fromHome: true, from: 'Kodu 1, Keila', to: 'Pärnu mnt 10, Tallinn' })
    expect(first.before!.minutes).toBe(model.leg({ id: 'h', point: KEILA }, { id: 't', point: TALLINN })!.minutes)
    expect(first.after).toBeNull()
    const second = legs.get(b.id)!
    // Tallinn–Tartu: about 161 km straight, × 1.3 road factor, at 60 km/h plus 5 minutes.
    expect(second.before!.km).toBeGreaterThan(200)
    expect(second.before!.km).toBeLessThan(215)
    expect(second.before!.minutes).toBeGreaterThanOrEqual(205)
    expect(second.before!.minutes).toBeLessThanOrEqual(220)
    expect(second.before).toMatchObject({ fromOrder: a.orderNumber, from: 'Pärnu mnt 10, Tallinn', fromHome: false })
    expect(second.after).toMatchObject({ toHome: true, to: 'Kodu 1, Keila', from: 'Küüni 5, Tartu' })
  })

  it('starts every day from home again and keeps technicians apart', () => {
    const mon = stop(1, '2026-12-07 15:00', '2026-12-07 16:00', TALLINN, 'A')
    const tue = stop(1, '2026-12-08 09:00', '2026-12-08 10:00', TARTU, 'B')
    const other = stop(2, '2026-12-07 16:30', '2026-12-07 17:00', TARTU, 'C')
    const legs = travelLegs([mon, tue, other], new Map([[1, home(1, KEILA)]]), model, TZ)
    expect(legs.get(tue.id)!.before!.fromHome).toBe(true)
    expect(legs.get(mon.id)!.after!.toHome).toBe(true)
    // Technician 2 has no home base: no home legs, and the day's only card has no drive at all.
    expect(legs.get(other.id)).toEqual({ before: null, after: null })
  })

  it('leaves a leg unknown (null minutes) when an end has no coordinates, and the same site costs nothing', () => {
    const a = stop(1, '2026-12-07 09:00', '2026-12-07 10:00', TALLINN, 'A')
    const b = stop(1, '2026-12-07 10:00', '2026-12-07 11:00', null, 'One-time address')
    const c = stop(1, '2026-12-07 11:00', '2026-12-07 12:00', TALLINN, 'A')
    const d = stop(1, '2026-12-07 12:00', '2026-12-07 13:00', TALLINN, 'A')
    const legs = travelLegs([a, b, c, d], new Map([[1, home(1, null)]]), model, TZ)
    expect(legs.get(a.id)!.before).toMatchObject({ minutes: null, km: null, fromHome: true })
    expect(legs.get(b.id)!.before).toMatchObject({ minutes: null, km: null })
    expect(legs.get(c.id)!.before).toMatchObject({ minutes: null })
    expect(legs.get(d.id)!.before).toMatchObject({ minutes: 0, km: 0 })
    expect(legs.get(d.id)!.after).toMatchObject({ minutes: null, toHome: true })
    // Unknown drives raise no conflict even with no gap at all.
    expect(travelConflicts([a, b, c, d], legs, TZ).size).toBe(0)
  })
})

describe('travel conflicts', () => {
  it('flags a gap shorter than the drive on the later card, naming the earlier one', () => {
    const a = stop(1, '2026-12-07 09:00', '2026-12-07 09:30', TALLINN, 'Pärnu mnt 10, Tallinn')
    const b = stop(1, '2026-12-07 09:45', '2026-12-07 10:45', TARTU, 'Küüni 5, Tartu')
    const stops = [a, b]
    const legs = travelLegs(stops, new Map(), model, TZ)
    const conflicts = travelConflicts(stops, legs, TZ)
    expect([...conflicts.keys()]).toEqual([b.id])
    const c = conflicts.get(b.id)!
    expect(c).toMatchObject({ kind: 'travel', code: 'dispatch.conflicts.travel', otherAssignmentId: a.id })
    expect(c.params).toMatchObject({ order: a.orderNumber, gap: 15, minutes: legs.get(b.id)!.before!.minutes })
    const en = dispatchText(tFor('en'), formatsFor('en', TZ), c)
    expect(en).toMatch(new RegExp(`^Too little time to drive from ${a.orderNumber}: \\d+ min \\(\\d+\\.\\d km\\), the gap is 15 min$`))
    const et = dispatchText(tFor('et'), formatsFor('et', TZ), c)
    expect(et).toContain('Liiga vähe aega sõiduks')
    expect(et).toMatch(/\d+,\d km/)
  })

  it('is gone once the gap covers the drive (exactly enough is enough)', () => {
    const a = stop(1, '2026-12-07 09:00', '2026-12-07 09:30', TALLINN, 'A')
    const probe = stop(1, '2026-12-07 09:45', '2026-12-07 10:45', KEILA, 'B')
    const minutes = travelLegs([a, probe], new Map(), model, TZ).get(probe.id)!.before!.minutes!
    expect(minutes).toBeGreaterThan(15)
    const fits = { ...probe, start: a.end + minutes * 60_000, end: a.end + (minutes + 60) * 60_000 }
    expect(travelConflicts([a, fits], travelLegs([a, fits], new Map(), model, TZ), TZ).size).toBe(0)
    const short = { ...fits, start: fits.start - 60_000 }
    expect(travelConflicts([a, short], travelLegs([a, short], new Map(), model, TZ), TZ).size).toBe(1)
  })

  it('leaves overlaps to the overlap conflict, and finished work and the drive from home raise nothing', () => {
    const a = stop(1, '2026-12-07 09:00', '2026-12-07 10:00', TALLINN, 'A')
    const overlapping = stop(1, '2026-12-07 09:30', '2026-12-07 10:30', TARTU, 'B')
    expect(travelConflicts([a, overlapping], travelLegs([a, overlapping], new Map(), model, TZ), TZ).size).toBe(0)

    const done = stop(1, '2026-12-07 09:00', '2026-12-07 09:30', TALLINN, 'A', { finished: true })
    const after = stop(1, '2026-12-07 09:35', '2026-12-07 10:30', TARTU, 'B')
    expect(travelConflicts([done, after], travelLegs([done, after], new Map(), model, TZ), TZ).size).toBe(0)

    // 08:00 in Tartu with home in Keila: a long drive from home, but it is the technician's commute.
    const early = stop(1, '2026-12-07 08:00', '2026-12-07 09:00', TARTU, 'B')
    const legs = travelLegs([early], new Map([[1, home(1, KEILA)]]), model, TZ)
    expect(legs.get(early.id)!.before!.minutes).toBeGreaterThan(60)
    expect(travelConflicts([early], legs, TZ).size).toBe(0)
  })
})
