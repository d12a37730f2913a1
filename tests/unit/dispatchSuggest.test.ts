import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { type BusinessCalendar, isInsideWorkingTime } from '../../src/shared/calendar'
import type { WeekHours } from '../../src/shared/domain/masterdata'
import type { BoardAssignment } from '../../src/shared/dispatch/conflicts'
import {
  firstFreeSlot,
  slotFit,
  type Reason,
  type SuggestRequest,
  type SuggestTechnician,
  suggestTechnicians
} from '../../src/shared/dispatch/suggest'
import { dispatchText } from '../../src/shared/dispatch/text'
import { formatsFor } from '../../src/shared/i18n/format'
import { tFor } from '../../src/shared/i18n/i18n'

const TZ = 'Europe/Tallinn'
const MIN = 60_000

/** The reasons in a reader's language (English unless told), as the board shows them in Tallinn. */
const said = (reasons: readonly Reason[], language: 'en' | 'et' = 'en'): string[] =>
  reasons.map((r) => dispatchText(tFor(language), formatsFor(language, TZ), r))

function at(local: string): number {
  const dt = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: TZ })
  if (!dt.isValid) throw new Error(`bad time ${local}`)
  return dt.toMillis()
}

function hhmm(ms: number): string {
  return DateTime.fromMillis(ms, { zone: TZ }).toFormat('yyyy-MM-dd HH:mm')
}

function week(start: string, end: string): WeekHours {
  return Array.from({ length: 7 }, (_, i) => ({ open: i < 5, start, end }))
}

const company: BusinessCalendar = { timeZone: TZ, week: week('08:00', '17:00'), holidays: new Set(['2026-12-24']) }
const early: BusinessCalendar = { timeZone: TZ, week: week('06:00', '14:00'), holidays: new Set() }

function tech(id: number, name: string, over: Partial<SuggestTechnician> = {}): SuggestTechnician {
  return { id, name, roles: ['technician'], active: true, skillIds: [1, 2], calendar: company, teamId: 1, ...over }
}

let nextId = 1
function booked(workerId: number, start: string, end: string): BoardAssignment {
  const id = nextId++
  return {
    id,
    orderId: 500 + id,
    orderNumber: `SO-${id}`,
    workerId,
    start: at(start),
    end: at(end),
    requiredSkillIds: [],
    requestedStart: null,
    requestedEnd: null,
    slaDeadline: null
  }
}

function request(over: Partial<SuggestRequest> = {}): SuggestRequest {
  return {
    orderId: 1,
    requiredSkillIds: [1, 2],
    teamId: null,
    preferredWorkerId: null,
    durationMinutes: 120,
    windowStart: at('2026-11-27 00:00'),
    windowEnd: at('2026-11-28 00:00'),
    date: '2026-11-27',
    ...over
  }
}

const names = (xs: { name: string }[]): string[] => xs.map((x) => x.name)

describe('firstFreeSlot', () => {
  const day = (from: string, to: string): [number, number] => [at(`2026-11-27 ${from}`), at(`2026-11-27 ${to}`)]

  it('starts at opening time when the morning is free', () => {
    const slot = firstFreeSlot(company, [], 60, ...day('00:00', '23:59'))
    expect(slot && [hhmm(slot.start), hhmm(slot.end)]).toEqual(['2026-11-27 08:00', '2026-11-27 09:00'])
  })

  it('skips a busy block and starts on the next quarter hour after it', () => {
    const busy = [{ start: at('2026-11-27 08:00'), end: at('2026-11-27 10:40') }]
    const slot = firstFreeSlot(company, busy, 60, ...day('00:00', '23:59'))
    expect(slot && hhmm(slot.start)).toBe('2026-11-27 10:45')
  })

  it('uses a gap exactly as long as needed, and passes over one too short', () => {
    const busy = [
      { start: at('2026-11-27 09:00'), end: at('2026-11-27 10:00') },
      { start: at('2026-11-27 08:00'), end: at('2026-11-27 08:30') },
      { start: at('2026-11-27 12:00'), end: at('2026-11-27 13:00') }
    ]
    expect(hhmm(firstFreeSlot(company, busy, 120, ...day('00:00', '23:59'))!.start)).toBe('2026-11-27 10:00')
    expect(hhmm(firstFreeSlot(company, busy, 150, ...day('00:00', '23:59'))!.start)).toBe('2026-11-27 13:00')
  })

  it('rounds a window starting mid-quarter up', () => {
    expect(hhmm(firstFreeSlot(company, [], 30, ...day('10:07', '12:00'))!.start)).toBe('2026-11-27 10:15')
  })

  it('respects the calendar\u2019s working hours, not the window alone', () => {
    const [from, to] = day('05:00', '20:00')
    expect(hhmm(firstFreeSlot(early, [], 60, from, to)!.start)).toBe('2026-11-27 06:00')
    // 16:15 + 60 min would run past 17:00 and 14:00 is closed for the early calendar.
    const lateBusy = [{ start: at('2026-11-27 06:00'), end: at('2026-11-27 16:15') }]
    expect(firstFreeSlot(company, lateBusy, 60, from, to)).toBeNull()
    expect(firstFreeSlot(early, lateBusy, 60, from, to)).toBeNull()
  })

  it('moves to the next working day, over the weekend', () => {
    const busy = [{ start: at('2026-11-27 08:00'), end: at('2026-11-27 17:00') }]
    const slot = firstFreeSlot(company, busy, 60, at('2026-11-27 00:00'), at('2026-12-01 00:00'))
    expect(slot && hhmm(slot.start)).toBe('2026-11-30 08:00')
  })

  it('returns null when the window is full, closed or empty', () => {
    const busy = [{ start: at('2026-11-27 07:00'), end: at('2026-11-27 18:00') }]
    expect(firstFreeSlot(company, busy, 15, ...day('00:00', '23:59'))).toBeNull()
    expect(firstFreeSlot(company, [], 15, at('2026-11-28 00:00'), at('2026-11-30 00:00'))).toBeNull()
    expect(firstFreeSlot(company, [], 15, at('2026-12-24 00:00'), at('2026-12-25 00:00'))).toBeNull()
    expect(firstFreeSlot(company, [], 15, at('2026-11-27 12:00'), at('2026-11-27 12:00'))).toBeNull()
    expect(firstFreeSlot(company, [], 120, ...day('15:30', '23:59'))).toBeNull()
  })

  it('finds the earliest quarter-hour start that fits, on random bookings', () => {
    const base = at('2026-11-26 07:00')
    const block = fc.record({ start: fc.integer({ min: 0, max: 160 }), length: fc.integer({ min: 1, max: 40 }) })
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 12 }),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 0, max: 40 }),
        (blocks, quarters, offset) => {
          const busy = blocks.map((b) => ({ start: base + b.start * 5 * MIN, end: base + (b.start + b.length) * 5 * MIN }))
          const from = base + offset * 5 * MIN
          const to = base + 2 * 86_400_000
          const duration = quarters * 15
          const slot = firstFreeSlot(company, busy, duration, from, to)
          const fits = (s: number): boolean =>
            s >= from &&
            s + duration * MIN <= to &&
            isInsideWorkingTime(company, s, s + duration * MIN) &&
            busy.every((b) => b.end <= s || b.start >= s + duration * MIN)
          let expected: number | null = null
          for (let s = Math.ceil(from / (15 * MIN)) * 15 * MIN; s < to; s += 15 * MIN) {
            if (fits(s)) {
              expected = s
              break
            }
          }
          expect(slot?.start ?? null).toBe(expected)
          if (slot) expect(slot.end - slot.start).toBe(duration * MIN)
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('suggestTechnicians', () => {
  it('ranks a skill match above the preferred technician, and the preferred above a lighter load', () => {
    const techs = [
      tech(1, 'Anna', { skillIds: [1, 2] }),
      tech(2, 'Bert', { skillIds: [1] }),
      tech(3, 'Carl', { skillIds: [1, 2] }),
      tech(4, 'Dina', { skillIds: [] })
    ]
    const load = [booked(3, '2026-11-27 08:00', '2026-11-27 12:00')]
    const withPreferred = suggestTechnicians(request({ preferredWorkerId: 2 }), techs, load)
    expect(names(withPreferred)).toEqual(['Anna', 'Carl', 'Bert', 'Dina'])
    const preferCarl = suggestTechnicians(request({ preferredWorkerId: 3 }), techs, load)
    expect(names(preferCarl)).toEqual(['Carl', 'Anna', 'Bert', 'Dina'])
    expect(preferCarl.map((s) => s.rank)).toEqual([1, 2, 3, 4])
  })

  it('puts a free slot above the preferred technician and the team, and the team above load', () => {
    const techs = [tech(1, 'Full Fred', { teamId: 2 }), tech(2, 'Free Frida', { teamId: 1 }), tech(3, 'Team Tiit', { teamId: 2 })]
    const bookings = [booked(1, '2026-11-27 08:00', '2026-11-27 17:00'), booked(3, '2026-11-27 08:00', '2026-11-27 13:00')]
    const ranked = suggestTechnicians(request({ preferredWorkerId: 1, teamId: 2 }), techs, bookings)
    expect(names(ranked)).toEqual(['Team Tiit', 'Free Frida', 'Full Fred'])
    expect(ranked[2]!.slot).toBeNull()
  })

  it('ranks by load when everything else is equal', () => {
    const techs = [tech(1, 'Busy'), tech(2, 'Idle'), tech(3, 'Some')]
    const bookings = [booked(1, '2026-11-27 08:00', '2026-11-27 14:00'), booked(3, '2026-11-27 08:00', '2026-11-27 09:00')]
    expect(names(suggestTechnicians(request(), techs, bookings))).toEqual(['Idle', 'Some', 'Busy'])
  })

  it('leaves out inactive workers and non-technicians', () => {
    const techs = [tech(1, 'Active'), tech(2, 'Gone', { active: false }), tech(3, 'Desk', { roles: ['dispatcher'] })]
    expect(names(suggestTechnicians(request(), techs, []))).toEqual(['Active'])
  })

  it('explains itself', () => {
    const techs = [tech(1, 'Anna', { skillIds: [1], teamId: 7 })]
    const bookings = [booked(1, '2026-11-27 08:00', '2026-11-27 09:30'), booked(1, '2026-11-27 10:00', '2026-11-27 12:00')]
    const [anna] = suggestTechnicians(request({ preferredWorkerId: 1, teamId: 7 }), techs, bookings, {
      skillNames: new Map([[2, 'Gas']]),
      teamNames: new Map([[7, 'North']])
    })
    expect(said(anna!.reasons)).toEqual([
      'Missing skill: Gas',
      'Free 12:00–14:00',
      'Preferred technician',
      'In team North',
      '3.5 h booked on 27.11'
    ])
    expect(anna!.slot).toEqual({ start: at('2026-11-27 12:00'), end: at('2026-11-27 14:00') })

    const [bert] = suggestTechnicians(
      request({ windowEnd: at('2026-11-27 09:00') }),
      [tech(2, 'Bert')],
      [booked(2, '2026-11-27 08:00', '2026-11-27 09:00')]
    )
    expect(said(bert!.reasons)).toEqual(['Has all 2 required skills', 'No free time in the window', '1 h booked on 27.11'])

    const [cara] = suggestTechnicians(
      request({ requiredSkillIds: [1], teamId: 1, windowEnd: at('2026-12-01 00:00') }),
      [tech(3, 'Cara')],
      [booked(3, '2026-11-27 08:00', '2026-11-27 17:00')]
    )
    // Load is counted on the slot's own day (Monday), not on the full Friday being viewed.
    expect(said(cara!.reasons)).toEqual(['Has the required skill', 'Free 30.11 08:00–10:00', 'In the same team', 'Nothing booked on 30.11'])

    const [dora] = suggestTechnicians(request({ requiredSkillIds: [] }), [tech(4, 'Dora')], [])
    expect(said(dora!.reasons)).toEqual(['Free 08:00–10:00', 'Nothing booked on 27.11'])
  })

  it('explains itself in Estonian on an Estonian screen', () => {
    const techs = [tech(1, 'Anna', { skillIds: [1], teamId: 7 })]
    const bookings = [booked(1, '2026-11-27 08:00', '2026-11-27 09:30'), booked(1, '2026-11-27 10:00', '2026-11-27 12:00')]
    const [anna] = suggestTechnicians(request({ preferredWorkerId: 1, teamId: 7 }), techs, bookings, {
      skillNames: new Map([[2, 'Gaas']]),
      teamNames: new Map([[7, 'Põhja']])
    })
    expect(anna!.reasons[0]).toEqual({ code: 'dispatch.suggest.reasons.missingSkill', params: { skill: 'Gaas' } })
    expect(said(anna!.reasons, 'et')).toEqual([
      'Puudub oskus: Gaas',
      'Vaba 12:00–14:00',
      'Eelistatud teenusetehnik',
      'Meeskonnas Põhja',
      '27.11 planeeritud 3,5 h'
    ])
    const [bert] = suggestTechnicians(request(), [tech(2, 'Bert')], [])
    expect(said(bert!.reasons, 'et')).toEqual(['Kõik 2 vajalikku oskust olemas', 'Vaba 08:00–10:00', '27.11 pole midagi planeeritud'])
  })

  it('never excludes for missing skills: fewer missing ranks higher', () => {
    const techs = [tech(1, 'None', { skillIds: [] }), tech(2, 'One', { skillIds: [2] })]
    const ranked = suggestTechnicians(request(), techs, [])
    expect(names(ranked)).toEqual(['One', 'None'])
    expect(ranked.map((s) => s.rank)).toEqual([1, 2])
  })

  it('is deterministic: ties by name (Estonian collation), whatever the input order', () => {
    const techs = [tech(4, 'Ülle'), tech(1, 'Zoja'), tech(2, 'Andres'), tech(3, 'Õie'), tech(5, 'Šarlota')]
    const expected = ['Andres', 'Šarlota', 'Zoja', 'Õie', 'Ülle']
    fc.assert(
      fc.property(fc.shuffledSubarray(techs, { minLength: techs.length, maxLength: techs.length }), (shuffled) => {
        const ranked = suggestTechnicians(request(), shuffled, [])
        expect(names(ranked)).toEqual(expected)
        expect(ranked.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5])
      }),
      { numRuns: 50 }
    )
    expect(suggestTechnicians(request(), techs, [])).toEqual(suggestTechnicians(request(), [...techs].reverse(), []))
  })
})

describe('suggestTechnicians against the SLA deadline', () => {
  const noon = at('2026-11-27 12:00')
  const byResponse = request({ windowEnd: at('2026-12-01 00:00'), deadlines: [{ target: 'response', deadline: noon }] })

  it('ranks a slot before the deadline above a later one, above the preferred technician, the team and a lighter load', () => {
    const techs = [tech(1, 'Late Liis', { teamId: 2 }), tech(2, 'Early Eero', { teamId: 1 })]
    // Liis is preferred, in the planned team and has nothing booked today after 12:30; Eero is free 09:00–11:00 only.
    const bookings = [
      booked(1, '2026-11-27 08:00', '2026-11-27 12:30'),
      booked(2, '2026-11-27 08:00', '2026-11-27 09:00'),
      booked(2, '2026-11-27 11:00', '2026-11-27 17:00')
    ]
    const ranked = suggestTechnicians({ ...byResponse, preferredWorkerId: 1, teamId: 2 }, techs, bookings)
    expect(names(ranked)).toEqual(['Early Eero', 'Late Liis'])
    expect(ranked.map((s) => [s.rank, s.fit])).toEqual([
      [1, 'meets'],
      [2, 'misses']
    ])
    expect(said(ranked[0]!.reasons)).toEqual([
      'Has all 2 required skills',
      'Free 09:00–11:00, before the 12:00 response deadline',
      '7 h booked on 27.11'
    ])
    expect(said(ranked[1]!.reasons)).toEqual([
      'Has all 2 required skills',
      'Free 12:30–14:30 — misses the 12:00 response deadline',
      'Preferred technician',
      'In the same team',
      '4.5 h booked on 27.11'
    ])
    expect(said(ranked[0]!.reasons, 'et')[1]).toBe('Vaba 09:00–11:00, enne reageerimise tähtaega 12:00')
    expect(said(ranked[1]!.reasons, 'et')[1]).toBe('Vaba 12:30–14:30 — reageerimise tähtaeg 12:00 jääb täitmata')
  })

  it('still ranks a late slot above no slot, and skills above the deadline', () => {
    const techs = [tech(1, 'Full'), tech(2, 'Late'), tech(3, 'Unskilled', { skillIds: [1] })]
    const bookings = [booked(1, '2026-11-27 08:00', '2026-11-30 17:00'), booked(2, '2026-11-27 08:00', '2026-11-27 13:00')]
    const ranked = suggestTechnicians({ ...byResponse, windowEnd: at('2026-11-28 00:00') }, techs, bookings)
    expect(names(ranked)).toEqual(['Late', 'Full', 'Unskilled'])
    expect(ranked.map((s) => s.fit)).toEqual(['misses', 'none', 'meets'])
    expect(said(ranked[1]!.reasons)).toContain('No free time in the window')
  })

  it('binds response and on-site to the start and resolution to the end, naming the first deadline missed', () => {
    const slot = { start: at('2026-11-27 10:00'), end: at('2026-11-27 12:00') }
    expect(slotFit(slot, [{ target: 'response', deadline: at('2026-11-27 10:00') }]).fit).toBe('meets')
    expect(slotFit(slot, [{ target: 'arrival', deadline: at('2026-11-27 09:45') }]).fit).toBe('misses')
    expect(slotFit(slot, [{ target: 'resolution', deadline: at('2026-11-27 12:00') }]).fit).toBe('meets')
    expect(slotFit(slot, [{ target: 'resolution', deadline: at('2026-11-27 11:59') }]).fit).toBe('misses')
    const both = [
      { target: 'resolution' as const, deadline: at('2026-11-27 11:00') },
      { target: 'response' as const, deadline: at('2026-11-27 10:30') }
    ]
    expect(slotFit(slot, both)).toEqual({ fit: 'misses', decisive: both[0] })
    expect(
      slotFit(
        slot,
        [...both].reverse().map((d) => ({ ...d, deadline: d.deadline + 3_600_000 }))
      )
    ).toEqual({
      fit: 'meets',
      decisive: { target: 'response', deadline: at('2026-11-27 11:30') }
    })
    expect(slotFit(slot, [])).toEqual({ fit: 'meets', decisive: null })
  })

  it('words each target, and names the deadline\u2019s day when it is not the viewed one', () => {
    const tomorrow = request({
      windowStart: at('2026-11-27 00:00'),
      windowEnd: at('2026-11-28 00:00'),
      date: '2026-11-26',
      deadlines: [
        { target: 'arrival', deadline: at('2026-11-27 09:00') },
        { target: 'resolution', deadline: at('2026-11-27 16:00') }
      ]
    })
    const [a] = suggestTechnicians(tomorrow, [tech(1, 'Anna')], [])
    expect(said(a!.reasons)[1]).toBe('Free 27.11 08:00–10:00, before the 27.11 09:00 on-site deadline')
    const [b] = suggestTechnicians(tomorrow, [tech(1, 'Anna')], [booked(1, '2026-11-27 08:00', '2026-11-27 15:00')])
    expect(said(b!.reasons)[1]).toBe('Free 27.11 15:00–17:00 — misses the 27.11 09:00 on-site deadline')
    const [c] = suggestTechnicians(
      { ...tomorrow, deadlines: [{ target: 'resolution', deadline: at('2026-11-27 16:00') }] },
      [tech(1, 'Anna')],
      [booked(1, '2026-11-27 08:00', '2026-11-27 15:00')]
    )
    expect(said(c!.reasons)[1]).toBe('Free 27.11 15:00–17:00 — done after the 27.11 16:00 resolution deadline')
    expect(said(c!.reasons, 'et')[1]).toBe('Vaba 27.11 15:00–17:00 — valmib pärast lahendamise tähtaega 27.11 16:00')
  })
})

describe('suggestTechnicians: load on the slot\u2019s own day', () => {
  it('counts the bookings of the day the slot is on, and ranks the sooner day first', () => {
    // Friday is viewed; both are full on Friday. Mari has a light Monday, Mihkel a busy one; Olev is free on Friday.
    const techs = [tech(1, 'Mari'), tech(2, 'Mihkel'), tech(3, 'Olev')]
    const bookings = [
      booked(1, '2026-11-27 08:00', '2026-11-27 17:00'),
      booked(1, '2026-11-30 08:00', '2026-11-30 09:00'),
      booked(2, '2026-11-27 08:00', '2026-11-27 17:00'),
      booked(2, '2026-11-30 08:00', '2026-11-30 13:00'),
      booked(3, '2026-11-27 08:00', '2026-11-27 14:00')
    ]
    const ranked = suggestTechnicians(request({ windowEnd: at('2026-12-01 00:00') }), techs, bookings)
    expect(names(ranked)).toEqual(['Olev', 'Mari', 'Mihkel'])
    expect(ranked.map((s) => s.bookedMinutes)).toEqual([360, 60, 300])
    expect(said(ranked[1]!.reasons)).toEqual(['Has all 2 required skills', 'Free 30.11 09:00–11:00', '1 h booked on 30.11'])
    expect(said(ranked[2]!.reasons)).toEqual(['Has all 2 required skills', 'Free 30.11 13:00–15:00', '5 h booked on 30.11'])
  })

  it('measures the viewed day for a technician with no slot', () => {
    const [s] = suggestTechnicians(request(), [tech(1, 'Full')], [booked(1, '2026-11-27 07:00', '2026-11-27 18:00')])
    expect(s!.slot).toBeNull()
    expect(said(s!.reasons).at(-1)).toBe('11 h booked on 27.11')
  })
})

describe('suggestTechnicians: ranks', () => {
  it('are 1…n, and the same for any input order of technicians and bookings', () => {
    const techs = [
      tech(1, 'Anna', { skillIds: [1] }),
      tech(2, 'Bert', { teamId: 2 }),
      tech(3, 'Carl'),
      tech(4, 'Dina', { calendar: early }),
      tech(5, 'Eve', { active: false }),
      tech(6, 'Anna')
    ]
    const bookings = [
      booked(2, '2026-11-27 08:00', '2026-11-27 10:00'),
      booked(3, '2026-11-27 08:00', '2026-11-27 12:30'),
      booked(4, '2026-11-27 06:00', '2026-11-27 13:00'),
      booked(6, '2026-11-27 09:00', '2026-11-27 10:00')
    ]
    const req = request({
      teamId: 2,
      windowEnd: at('2026-12-01 00:00'),
      deadlines: [{ target: 'response', deadline: at('2026-11-27 12:00') }]
    })
    const expected = suggestTechnicians(req, techs, bookings)
    expect(expected.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5])
    expect(names(expected)).toEqual(['Bert', 'Anna', 'Carl', 'Dina', 'Anna'])
    expect(expected.map((s) => s.workerId)).toEqual([2, 6, 3, 4, 1])
    fc.assert(
      fc.property(
        fc.shuffledSubarray(techs, { minLength: techs.length, maxLength: techs.length }),
        fc.shuffledSubarray(bookings, { minLength: bookings.length, maxLength: bookings.length }),
        (t, b) => {
          expect(suggestTechnicians(req, t, b)).toEqual(expected)
        }
      ),
      { numRuns: 50 }
    )
  })
})
