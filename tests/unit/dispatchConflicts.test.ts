import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import type { BusinessCalendar } from '../../src/shared/calendar'
import type { WeekHours } from '../../src/shared/domain/masterdata'
import {
  type BoardAssignment,
  type BoardTechnician,
  type Conflict,
  conflictsOfPlacement,
  detectConflicts
} from '../../src/shared/dispatch/conflicts'
import { dispatchText } from '../../src/shared/dispatch/text'
import { formatsFor } from '../../src/shared/i18n/format'
import { tFor } from '../../src/shared/i18n/i18n'

const TZ = 'Europe/Tallinn'

/** A wall-clock time in Tallinn as epoch ms. */
function at(local: string): number {
  const dt = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: TZ })
  if (!dt.isValid) throw new Error(`bad time ${local}`)
  return dt.toMillis()
}

function week(start: string, end: string, days = 5): WeekHours {
  return Array.from({ length: 7 }, (_, i) => ({ open: i < days, start, end }))
}

const company: BusinessCalendar = { timeZone: TZ, week: week('08:00', '17:00'), holidays: new Set(['2026-12-24']) }
const early: BusinessCalendar = { timeZone: TZ, week: week('06:00', '14:00'), holidays: new Set(['2026-12-24']) }

function tech(id: number, over: Partial<BoardTechnician> = {}): BoardTechnician {
  return { id, name: `Tech ${id}`, roles: ['technician'], active: true, skillIds: [1, 2], calendar: company, ...over }
}

const techs = new Map<number, BoardTechnician>([
  [1, tech(1, { name: 'Mari' })],
  [2, tech(2, { name: 'Jaan' })],
  [3, tech(3, { name: 'Early Ellen', calendar: early })],
  [4, tech(4, { name: 'Kalle Consultant', roles: ['serviceConsultant'] })],
  [5, tech(5, { name: 'Old Olev', active: false })]
])

let nextId = 1
function card(workerId: number, start: string, end: string, over: Partial<BoardAssignment> = {}): BoardAssignment {
  const id = nextId++
  return {
    id,
    orderId: 1000 + id,
    orderNumber: `SO-${String(id).padStart(6, '0')}`,
    workerId,
    start: at(start),
    end: at(end),
    requiredSkillIds: [],
    requestedStart: null,
    requestedEnd: null,
    slaDeadline: null,
    ...over
  }
}

const kinds = (cs: Conflict[] | undefined): string[] => (cs ?? []).map((c) => c.kind)

/** A conflict as an English reader in Tallinn sees it. */
const text = (c: Conflict): string => dispatchText(tFor('en'), formatsFor('en', TZ), c)
const said = (cs: Conflict[] | undefined) =>
  (cs ?? []).map(({ kind, otherAssignmentId, ...c }) => ({
    kind,
    message: text({ kind, ...c }),
    ...(otherAssignmentId === undefined ? {} : { otherAssignmentId })
  }))

describe('overlaps', () => {
  it('gives both cards the conflict, naming the other order with its times in Tallinn', () => {
    const a = card(1, '2026-11-27 10:00', '2026-11-27 11:30', { orderNumber: 'SO-000123' })
    const b = card(1, '2026-11-27 11:00', '2026-11-27 12:00', { orderNumber: 'SO-000124' })
    const result = detectConflicts([a, b], techs)
    expect(said(result.get(a.id))).toEqual([{ kind: 'overlap', message: 'Overlaps SO-000124 (11:00–12:00)', otherAssignmentId: b.id }])
    expect(said(result.get(b.id))).toEqual([{ kind: 'overlap', message: 'Overlaps SO-000123 (10:00–11:30)', otherAssignmentId: a.id }])
  })

  it('uses the shop zone in summer too (UTC+3)', () => {
    const a = card(1, '2026-06-15 09:00', '2026-06-15 10:00', { orderNumber: 'SO-000001' })
    const b = card(1, '2026-06-15 09:30', '2026-06-15 10:30', { orderNumber: 'SO-000002' })
    expect(new Date(a.start).toISOString()).toBe('2026-06-15T06:00:00.000Z')
    expect(said(detectConflicts([a, b], techs).get(b.id))[0]?.message).toBe('Overlaps SO-000001 (09:00–10:00)')
  })

  it('reads the wall clock right on a daylight-saving day', () => {
    const a = card(1, '2026-10-25 10:00', '2026-10-25 11:00', { orderNumber: 'SO-000003' })
    const b = card(1, '2026-10-25 10:30', '2026-10-25 11:30')
    expect(said(detectConflicts([a, b], techs).get(b.id))[0]?.message).toBe('Overlaps SO-000003 (10:00–11:00)')
  })

  it('treats touching cards (end == start) as fine', () => {
    const a = card(1, '2026-11-27 10:00', '2026-11-27 11:00')
    const b = card(1, '2026-11-27 11:00', '2026-11-27 12:00')
    expect(detectConflicts([b, a], techs).size).toBe(0)
  })

  it('ignores the same time on a different technician', () => {
    const a = card(1, '2026-11-27 10:00', '2026-11-27 12:00')
    const b = card(2, '2026-11-27 10:00', '2026-11-27 12:00')
    expect(detectConflicts([a, b], techs).size).toBe(0)
  })

  it('reports a chain of three as the two real pairs, not the ends of the chain', () => {
    const a = card(1, '2026-11-27 09:00', '2026-11-27 11:00')
    const b = card(1, '2026-11-27 10:00', '2026-11-27 12:00')
    const c = card(1, '2026-11-27 11:30', '2026-11-27 13:00')
    const result = detectConflicts([c, a, b], techs)
    expect(result.get(a.id)?.map((x) => x.otherAssignmentId)).toEqual([b.id])
    expect(
      result
        .get(b.id)
        ?.map((x) => x.otherAssignmentId)
        .sort()
    ).toEqual([a.id, c.id].sort())
    expect(result.get(c.id)?.map((x) => x.otherAssignmentId)).toEqual([b.id])
  })

  it('finds a long card overlapping several short ones', () => {
    const long = card(2, '2026-11-27 08:00', '2026-11-27 16:00')
    const shorts = ['09', '11', '13'].map((h) => card(2, `2026-11-27 ${h}:00`, `2026-11-27 ${h}:30`))
    const result = detectConflicts([long, ...shorts], techs)
    expect(result.get(long.id)).toHaveLength(3)
    for (const s of shorts) expect(kinds(result.get(s.id))).toEqual(['overlap'])
  })

  it('names the date of another card on a different day', () => {
    const a = card(1, '2026-11-26 16:00', '2026-11-27 09:00', { orderNumber: 'SO-000777' })
    const b = card(1, '2026-11-27 08:00', '2026-11-27 10:00')
    const overlap = detectConflicts([a, b], techs)
      .get(b.id)
      ?.find((c) => c.kind === 'overlap')
    expect(overlap && text(overlap)).toBe('Overlaps SO-000777 (26.11 16:00–27.11 09:00)')
  })

  it('agrees with a brute-force pair check on random small sets', () => {
    const base = at('2026-11-23 08:00')
    const arb = fc.array(
      fc.record({
        worker: fc.integer({ min: 1, max: 3 }),
        start: fc.integer({ min: 0, max: 40 }),
        length: fc.integer({ min: 0, max: 12 })
      }),
      { maxLength: 25 }
    )
    fc.assert(
      fc.property(arb, (rows) => {
        const cards: BoardAssignment[] = rows.map((r, i) => ({
          id: i + 1,
          orderId: i + 1,
          orderNumber: `SO-${i + 1}`,
          workerId: r.worker,
          start: base + r.start * 15 * 60_000,
          end: base + (r.start + r.length) * 15 * 60_000,
          requiredSkillIds: [],
          requestedStart: null,
          requestedEnd: null,
          slaDeadline: null
        }))
        const expected = new Set<string>()
        for (const x of cards) {
          for (const y of cards) {
            if (x !== y && x.workerId === y.workerId && x.start < y.end && y.start < x.end) expected.add(`${x.id}>${y.id}`)
          }
        }
        const reported = new Set<string>()
        for (const [id, cs] of detectConflicts(cards, techs)) {
          for (const c of cs) if (c.kind === 'overlap') reported.add(`${id}>${c.otherAssignmentId}`)
        }
        expect(reported.size === 0).toBe(expected.size === 0)
        expect([...reported].sort()).toEqual([...expected].sort())
      }),
      { numRuns: 300 }
    )
  })
})

describe('working hours and holidays', () => {
  it('flags a card running past closing time with the day\u2019s hours', () => {
    const a = card(1, '2026-11-27 16:30', '2026-11-27 17:30')
    expect(said(detectConflicts([a], techs).get(a.id))).toEqual([{ kind: 'outsideHours', message: 'Outside working hours (08:00–17:00)' }])
  })

  it('accepts exactly the working day and flags a card spanning the night', () => {
    const day = card(1, '2026-11-27 08:00', '2026-11-27 17:00')
    const night = card(2, '2026-11-26 16:00', '2026-11-27 09:00')
    const result = detectConflicts([day, night], techs)
    expect(result.has(day.id)).toBe(false)
    expect(kinds(result.get(night.id))).toEqual(['outsideHours'])
  })

  it('says the day is closed on a weekend', () => {
    const a = card(1, '2026-11-28 10:00', '2026-11-28 11:00')
    expect(said(detectConflicts([a], techs).get(a.id))[0]?.message).toBe('Outside working hours (closed on Saturday)')
  })

  it('reports a holiday instead of outside hours', () => {
    const a = card(1, '2026-12-24 10:00', '2026-12-24 11:00')
    expect(said(detectConflicts([a], techs).get(a.id))).toEqual([{ kind: 'holiday', message: 'Starts on a holiday (24.12)' }])
  })

  it('uses the technician\u2019s own hours, not the company\u2019s', () => {
    const dawn = (w: number): BoardAssignment => card(w, '2026-11-27 06:30', '2026-11-27 08:00')
    const afternoon = (w: number): BoardAssignment => card(w, '2026-11-27 15:00', '2026-11-27 16:00')
    const [d1, d3, a1, a3] = [dawn(1), dawn(3), afternoon(1), afternoon(3)]
    const result = detectConflicts([d1, d3, a1, a3], techs)
    expect(kinds(result.get(d1.id))).toEqual(['outsideHours'])
    expect(result.has(d3.id)).toBe(false)
    expect(result.has(a1.id)).toBe(false)
    expect(said(result.get(a3.id))).toEqual([{ kind: 'outsideHours', message: 'Outside working hours (06:00–14:00)' }])
  })
})

describe('requested window, skills, SLA, worker', () => {
  const req = { requestedStart: at('2026-11-27 10:00'), requestedEnd: at('2026-11-27 12:00') }

  it('flags a start before or an end after the requested window', () => {
    const before = card(1, '2026-11-27 09:30', '2026-11-27 10:30', req)
    const after = card(2, '2026-11-27 11:30', '2026-11-27 12:30', req)
    const inside = card(2, '2026-11-27 10:00', '2026-11-27 11:00', req)
    const result = detectConflicts([before, after, inside], techs)
    expect(said(result.get(before.id))).toEqual([{ kind: 'outsideRequested', message: 'Outside the requested time (10:00–12:00)' }])
    expect(kinds(result.get(after.id))).toEqual(['outsideRequested'])
    expect(result.has(inside.id)).toBe(false)
  })

  it('treats a null bound as open', () => {
    const onlyFrom = { requestedStart: at('2026-11-27 10:00'), requestedEnd: null }
    const onlyUntil = { requestedStart: null, requestedEnd: at('2026-11-27 12:00') }
    const lateOk = card(1, '2026-11-27 15:00', '2026-11-27 16:00', onlyFrom)
    const earlyBad = card(1, '2026-11-27 09:00', '2026-11-27 09:30', onlyFrom)
    const earlyOk = card(2, '2026-11-27 08:00', '2026-11-27 09:00', onlyUntil)
    const lateBad = card(2, '2026-11-27 11:30', '2026-11-27 12:30', onlyUntil)
    const result = detectConflicts([lateOk, earlyBad, earlyOk, lateBad], techs)
    expect(result.has(lateOk.id)).toBe(false)
    expect(result.has(earlyOk.id)).toBe(false)
    expect(said(result.get(earlyBad.id))[0]?.message).toBe('Outside the requested time (from 10:00)')
    expect(said(result.get(lateBad.id))[0]?.message).toBe('Outside the requested time (until 12:00)')
  })

  it('names missing skills, by name when given', () => {
    const one = card(1, '2026-11-27 10:00', '2026-11-27 11:00', { requiredSkillIds: [1, 7] })
    const two = card(2, '2026-11-27 10:00', '2026-11-27 11:00', { requiredSkillIds: [7, 8, 2] })
    const has = card(2, '2026-11-27 12:00', '2026-11-27 13:00', { requiredSkillIds: [2, 1] })
    const named = detectConflicts([one, two, has], techs, { skillNames: new Map([[7, 'Gas']]) })
    expect(said(named.get(one.id))).toEqual([{ kind: 'missingSkill', message: 'Missing skill: Gas' }])
    expect(said(named.get(two.id))).toEqual([{ kind: 'missingSkill', message: 'Missing 2 skills: Gas, #8' }])
    expect(named.has(has.id)).toBe(false)
    expect(said(detectConflicts([one], techs).get(one.id))[0]?.message).toBe('Missing skill: #7')
  })

  it('flags finishing after the SLA deadline, not finishing on it', () => {
    const late = card(1, '2026-11-27 13:30', '2026-11-27 15:00', { slaDeadline: at('2026-11-27 14:30') })
    const onTime = card(2, '2026-11-27 13:30', '2026-11-27 14:30', { slaDeadline: at('2026-11-27 14:30') })
    const nextDay = card(2, '2026-11-27 15:00', '2026-11-27 16:00', { slaDeadline: at('2026-11-26 09:00') })
    const result = detectConflicts([late, onTime, nextDay], techs)
    expect(said(result.get(late.id))).toEqual([{ kind: 'slaMiss', message: 'Finishes after the SLA deadline 14:30' }])
    expect(result.has(onTime.id)).toBe(false)
    expect(said(result.get(nextDay.id))[0]?.message).toBe('Finishes after the SLA deadline 26.11 09:00')
  })

  it('flags a worker who is not a technician, inactive, or unknown', () => {
    const consultant = card(4, '2026-11-27 10:00', '2026-11-27 11:00')
    const inactive = card(5, '2026-11-27 10:00', '2026-11-27 11:00')
    const unknown = card(99, '2026-11-27 10:00', '2026-11-27 11:00')
    const result = detectConflicts([consultant, inactive, unknown], techs)
    expect(said(result.get(consultant.id))).toEqual([{ kind: 'notTechnician', message: 'Kalle Consultant is not a technician' }])
    expect(said(result.get(inactive.id))).toEqual([{ kind: 'inactive', message: 'Old Olev is inactive' }])
    expect(kinds(result.get(unknown.id))).toEqual(['notTechnician'])
    expect(said(result.get(unknown.id))[0]?.message).toBe('Unknown worker')
  })

  it('lists several conflicts of one card, overlaps first', () => {
    const other = card(1, '2026-11-27 16:00', '2026-11-27 17:00')
    const bad = card(1, '2026-11-27 16:30', '2026-11-27 18:00', { requiredSkillIds: [9], slaDeadline: at('2026-11-27 17:00'), ...req })
    expect(kinds(detectConflicts([other, bad], techs).get(bad.id))).toEqual([
      'overlap',
      'outsideHours',
      'outsideRequested',
      'missingSkill',
      'slaMiss'
    ])
  })
})

describe('conflictsOfPlacement', () => {
  it('matches what detectConflicts would say after the move, ignoring the card\u2019s saved self', () => {
    const a = card(1, '2026-11-27 09:00', '2026-11-27 10:00')
    const b = card(1, '2026-11-27 11:00', '2026-11-27 12:00')
    const c = card(2, '2026-11-27 09:00', '2026-11-27 12:00')
    const moved: BoardAssignment = { ...a, start: at('2026-11-27 11:30'), end: at('2026-11-27 12:30') }
    const preview = conflictsOfPlacement(moved, [a, b, c], techs)
    expect(said(preview)).toEqual([{ kind: 'overlap', message: `Overlaps ${b.orderNumber} (11:00–12:00)`, otherAssignmentId: b.id }])
    expect(preview).toEqual(detectConflicts([moved, b, c], techs).get(a.id))
    expect(conflictsOfPlacement({ ...a, start: at('2026-11-27 10:00'), end: at('2026-11-27 11:00') }, [a, b, c], techs)).toEqual([])
  })

  it('checks the rest against the target technician', () => {
    const placement = card(3, '2026-11-27 13:00', '2026-11-27 15:00', { requiredSkillIds: [5] })
    expect(kinds(conflictsOfPlacement(placement, [], techs))).toEqual(['outsideHours', 'missingSkill'])
  })
})

describe("codes and parameters, in the reader's language", () => {
  it('carries a code and parameters (instants as ms, names as strings), not a sentence', () => {
    const a = card(1, '2026-11-27 10:00', '2026-11-27 11:30')
    const b = card(1, '2026-11-27 11:00', '2026-11-27 12:00')
    expect(detectConflicts([a, b], techs).get(a.id)).toEqual([
      {
        kind: 'overlap',
        code: 'dispatch.conflicts.overlap',
        params: { order: b.orderNumber, start: b.start, end: b.end, ref: a.start },
        otherAssignmentId: b.id
      }
    ])
  })

  it('reads Estonian on an Estonian screen', () => {
    const et = (c: Conflict | undefined): string => dispatchText(tFor('et'), formatsFor('et', TZ), c!)
    const a = card(1, '2026-11-27 10:00', '2026-11-27 11:30')
    const b = card(1, '2026-11-27 11:00', '2026-11-27 12:00', { slaDeadline: at('2026-11-26 09:00') })
    const saturday = card(2, '2026-11-28 10:00', '2026-11-28 11:00', { requiredSkillIds: [7, 8] })
    const holiday = card(4, '2026-12-24 10:00', '2026-12-24 11:00', { requestedStart: at('2026-12-24 12:00'), requestedEnd: null })
    const result = detectConflicts([a, b, saturday, holiday], techs, { skillNames: new Map([[7, 'Gaas']]) })
    expect(et(result.get(a.id)?.[0])).toBe(`Kattub hooldustellimusega ${b.orderNumber} (11:00–12:00)`)
    expect(result.get(b.id)?.map(et)).toEqual([
      `Kattub hooldustellimusega ${a.orderNumber} (10:00–11:30)`,
      'Lõpeb pärast SLA tähtaega 26.11 09:00'
    ])
    expect(result.get(saturday.id)?.map(et)).toEqual(['Väljaspool tööaega (suletud: laupäev)', 'Puudub 2 oskust: Gaas, #8'])
    expect(result.get(holiday.id)?.map(et)).toEqual([
      'Algab pühal (24.12)',
      'Väljaspool soovitud aega (alates 12:00)',
      'Kalle Consultant pole teenusetehnik'
    ])
    expect(et({ kind: 'missingSkill', code: 'dispatch.conflicts.missingSkill', params: { count: 1, skills: 'Gaas' } })).toBe(
      'Puudub oskus: Gaas'
    )
  })
})

describe('a board at scale', () => {
  // How fast: `npm run bench` (dispatch.board.week runs this check for the scale-100 week's 5,000 cards). A timed
  // assertion here failed whenever the machine was busy, which says nothing about the code.
  it('finds every kind of conflict among 5,000 cards over 200 technicians', () => {
    const many = new Map<number, BoardTechnician>()
    for (let i = 1; i <= 200; i++) many.set(i, tech(i, { calendar: i % 10 === 0 ? early : company }))
    const monday = at('2026-11-23 08:00')
    const cards: BoardAssignment[] = []
    // A working week of five visits a day each, some pulled an hour early onto their predecessor.
    for (let i = 0; i < 5000; i++) {
      const k = Math.floor(i / 200)
      const start = monday + Math.floor(k / 5) * 86_400_000 + (k % 5) * 105 * 60_000 - (i % 37 === 0 ? 3_600_000 : 0)
      cards.push({
        id: i + 1,
        orderId: i + 1,
        orderNumber: `SO-${i + 1}`,
        workerId: 1 + (i % 200),
        start,
        end: start + (60 + (i % 4) * 15) * 60_000,
        requiredSkillIds: i % 7 === 0 ? [3] : [1],
        requestedStart: null,
        requestedEnd: i % 5 === 0 ? start + 3_600_000 : null,
        slaDeadline: i % 3 === 0 ? start + 4_000_000 : null
      })
    }
    const first = detectConflicts(cards, many)
    for (const kind of ['overlap', 'outsideHours', 'outsideRequested', 'missingSkill', 'slaMiss']) {
      expect([...first.values()].some((cs) => kinds(cs).includes(kind))).toBe(true)
    }
  })
})
