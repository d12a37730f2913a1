import { describe, expect, it } from 'vitest'
import type { PlanReason } from '@shared/domain/planDay'
import { formatsFor } from '@shared/i18n/format'
import { tFor } from '@shared/i18n/i18n'
import { planReasonText } from '@shared/planner/reasonText'

const TZ = 'Europe/Tallinn'
/** Tallinn wall time on 7 December 2026 (UTC+2). */
const at = (h: number, m = 0, day = 7) => Date.UTC(2026, 11, day, h - 2, m)
const text = (lang: 'en' | 'et', reasons: PlanReason[], start = at(10, 30)) =>
  planReasonText(tFor(lang), formatsFor(lang, TZ), reasons, start)

const closestBeforeNoon: PlanReason[] = [
  { code: 'ASSIGNED', params: { start: at(10, 30), end: at(11, 30) } },
  { code: 'QUALIFIED_TECHNICIANS', params: { count: 3 } },
  { code: 'CLOSEST_QUALIFIED', params: { minutesFromHome: 12 } },
  { code: 'FROM_PREVIOUS', params: { from: 'SO-000123', minutes: 18, km: 14.2 } },
  { code: 'DEADLINE_MET', params: { deadline: at(12), slackMinutes: 90, target: 'response' } }
]

describe('plan reasons in words (issue 19, item 4)', () => {
  it('says why a visit went where it went, in English and Estonian', () => {
    expect(text('en', closestBeforeNoon)).toBe(
      'closest qualified technician with a free slot before the 12:00 response deadline; 18 min from the previous job (SO-000123)'
    )
    expect(text('et', closestBeforeNoon)).toBe(
      'lähim sobiva oskusega teenusetehnik, kellel on vaba aeg enne reageerimise tähtaega 12:00; 18 min eelmisest tööst (SO-000123)'
    )
  })

  it('names the other qualified technicians, the home base, a missed deadline on another day and a late window', () => {
    const reasons: PlanReason[] = [
      { code: 'QUALIFIED_TECHNICIANS', params: { count: 2 } },
      { code: 'FROM_PREVIOUS', params: { from: null, minutes: 25, km: 20 } },
      { code: 'WINDOW_LATE', params: { to: at(9), lateMinutes: 90 } },
      { code: 'DEADLINE_MISSED', params: { deadline: at(16, 0, 6), lateMinutes: 1110, target: 'arrival' } }
    ]
    expect(text('en', reasons)).toBe(
      'one of 2 qualified technicians that day; misses the 06.12 16:00 on-site deadline by 18 h 30 min; 25 min from the home base; 1 h 30 min after the requested time'
    )
    expect(
      text('en', [
        { code: 'QUALIFIED_TECHNICIANS', params: { count: 1 } },
        { code: 'WINDOW_KEPT', params: {} }
      ])
    ).toBe('the only qualified technician that day; within the requested time')
  })

  it('words work left unplanned and dispatched work that stays', () => {
    expect(text('en', [{ code: 'NO_QUALIFIED_TECHNICIAN', params: { skills: 'Electrical, Gas' } }])).toBe(
      'nobody has the skills (Electrical, Gas)'
    )
    expect(text('et', [{ code: 'NO_ROOM', params: { technicianDays: 3 } }])).toBe('vahemikus pole enam vaba aega')
    expect(text('en', [{ code: 'LOCKED', params: { start: at(8) } }])).toBe('dispatched: stays where it is')
  })
})
