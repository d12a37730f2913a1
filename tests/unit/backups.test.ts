import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { backupFileName, backupsToDelete, backupTime, isBeforeMigration, nextDue } from '@shared/domain/backups'

const ZONE = 'Europe/Tallinn'
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis()

describe('backup file names', () => {
  it('round-trips the instant and refuses other names', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2200, 0, 1) }), (t) => {
        expect(backupTime(backupFileName(t))).toBe(t)
      })
    )
    // Start-up's copy before a migration is a backup too (listed and restorable); a name with a path is not.
    expect(backupTime('hooldus.db.before-v7.2026-01-01T00-00-00-000Z.bak')).toBe(Date.UTC(2026, 0, 1))
    expect(isBeforeMigration('hooldus.db.before-v7.2026-01-01T00-00-00-000Z.bak')).toBe(true)
    expect(backupTime('../x.db.before-v7.2026-01-01T00-00-00-000Z.bak')).toBeNull()
    expect(backupTime('hooldus.db.before-v8.bak')).toBeNull()
    expect(backupTime('../hooldus-2026-01-01T00-00-00-000Z.db')).toBeNull()
  })
})

describe('retention', () => {
  const named = (iso: string) => ({ name: iso, at: at(iso) })

  it('keeps the newest of each of the last N days and of each of the last M weeks', () => {
    const backups = [
      '2026-12-02T18:00', // Wed, week 49
      '2026-12-02T09:00', // same day, older
      '2026-12-01T18:00', // Tue
      '2026-11-30T18:00', // Mon
      '2026-11-29T18:00', // Sun, week 48
      '2026-11-22T18:00', // week 47
      '2026-11-15T18:00', // week 46
      '2026-11-08T18:00' // week 45
    ].map(named)
    expect(backupsToDelete(backups, 3, 0, ZONE).sort()).toEqual(
      ['2026-12-02T09:00', '2026-11-29T18:00', '2026-11-22T18:00', '2026-11-15T18:00', '2026-11-08T18:00'].sort()
    )
    // Weekly: the newest of weeks 49, 48, 47 (12-02 18:00 already kept as a day).
    expect(backupsToDelete(backups, 1, 3, ZONE).sort()).toEqual(
      ['2026-12-02T09:00', '2026-12-01T18:00', '2026-11-30T18:00', '2026-11-15T18:00', '2026-11-08T18:00'].sort()
    )
  })

  it('counts days on the shop’s wall clock, not in UTC', () => {
    // 23:30 in Tallinn is 21:30 UTC the same day; 00:30 the next day is 22:30 UTC the day before.
    const backups = [named('2026-12-03T00:30'), named('2026-12-02T23:30')]
    expect(backupsToDelete(backups, 2, 0, ZONE)).toEqual([])
    expect(backupsToDelete(backups, 1, 0, ZONE)).toEqual(['2026-12-02T23:30'])
  })

  const backupsArb = fc.uniqueArray(fc.integer({ min: at('2025-01-01T00:00'), max: at('2027-01-01T00:00') }), { maxLength: 60 })

  it('never deletes the newest, keeps at most N + M, and a second pass deletes nothing more', () => {
    fc.assert(
      fc.property(backupsArb, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 10 }), (times, n, m) => {
        const backups = times.map((t) => ({ name: String(t), at: t }))
        const doomed = new Set(backupsToDelete(backups, n, m, ZONE))
        const kept = backups.filter((b) => !doomed.has(b.name))
        if (backups.length > 0) expect(kept.map((b) => b.at)).toContain(Math.max(...times))
        expect(kept.length).toBeLessThanOrEqual(Math.max(1, n + m))
        expect(backupsToDelete(kept, n, m, ZONE)).toEqual([])
        // Each of the N latest days with a backup keeps its newest one.
        const dayOf = (t: number) => DateTime.fromMillis(t, { zone: ZONE }).toISODate()
        const days = [...new Set([...times].sort((a, b) => b - a).map(dayOf))].slice(0, n)
        for (const day of days) {
          const newest = Math.max(...times.filter((t) => dayOf(t) === day))
          expect(doomed.has(String(newest))).toBe(false)
        }
      }),
      { numRuns: 40 }
    )
  })
})

describe('next due', () => {
  it('is the next daily slot on the shop’s wall clock, strictly after the last backup', () => {
    expect(nextDue(at('2026-12-02T17:59'), '18:00', ZONE)).toBe(at('2026-12-02T18:00'))
    expect(nextDue(at('2026-12-02T18:00'), '18:00', ZONE)).toBe(at('2026-12-03T18:00'))
    expect(nextDue(at('2026-12-02T18:05'), '18:00', ZONE)).toBe(at('2026-12-03T18:00'))
    // Across the change to summer time (29 March) the slot stays at 18:00 on the wall clock.
    expect(nextDue(at('2026-03-28T12:00'), '18:00', ZONE)).toBe(at('2026-03-28T18:00'))
    expect(nextDue(at('2026-03-28T19:00'), '18:00', ZONE)).toBe(at('2026-03-29T18:00'))
    expect(nextDue(at('2026-03-29T19:00'), '18:00', ZONE) - at('2026-03-29T18:00')).toBe(24 * 3600_000)
  })

  it('is always after the given instant and within a day and an hour of it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2025-01-01T00:00'), max: at('2027-01-01T00:00') }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (after, h, m) => {
          const due = nextDue(after, `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`, ZONE)
          expect(due).toBeGreaterThan(after)
          expect(due - after).toBeLessThanOrEqual(25 * 3600_000)
        }
      )
    )
  })
})
