import { describe, expect, it } from 'vitest'
import { warrantyStatus, withinAgreementLine } from '@shared/domain/intake'

describe('warranty status', () => {
  const w = (warrantyStart: string | null, warrantyEnd: string | null, installationDate: string | null = null) => ({
    warrantyStart,
    warrantyEnd,
    installationDate
  })
  it('is unknown without an end, and counts both ends as inside', () => {
    expect(warrantyStatus(w('2026-01-01', null), '2026-03-01')).toBe('unknown')
    expect(warrantyStatus(w('2026-01-01', '2026-12-31'), '2026-01-01')).toBe('active')
    expect(warrantyStatus(w('2026-01-01', '2026-12-31'), '2026-12-31')).toBe('active')
    expect(warrantyStatus(w('2026-01-01', '2026-12-31'), '2027-01-01')).toBe('expired')
    expect(warrantyStatus(w('2026-01-01', '2026-12-31'), '2025-12-31')).toBe('notStarted')
  })
  it('starts at installation when no start is given, and from the beginning when neither is known', () => {
    expect(warrantyStatus(w(null, '2026-12-31', '2026-02-01'), '2026-01-15')).toBe('notStarted')
    expect(warrantyStatus(w(null, '2026-12-31', '2026-02-01'), '2026-02-01')).toBe('active')
    expect(warrantyStatus(w(null, '2026-12-31'), '2020-01-01')).toBe('active')
  })
})

describe('within an agreement line’s dates', () => {
  it('includes both ends and treats no end as open', () => {
    expect(withinAgreementLine('2026-03-01', { startDate: '2026-03-01', endDate: '2026-03-31' })).toBe(true)
    expect(withinAgreementLine('2026-03-31', { startDate: '2026-03-01', endDate: '2026-03-31' })).toBe(true)
    expect(withinAgreementLine('2026-04-01', { startDate: '2026-03-01', endDate: '2026-03-31' })).toBe(false)
    expect(withinAgreementLine('2026-02-28', { startDate: '2026-03-01', endDate: null })).toBe(false)
    expect(withinAgreementLine('2099-01-01', { startDate: '2026-03-01', endDate: null })).toBe(true)
  })
})
