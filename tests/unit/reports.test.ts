import { describe, expect, it } from 'vitest'
import { isoWeek, type MarginSum, marginRows, minutesWithin, progressRows, utilisationShare, weeksOf } from '@shared/domain/reports'

const sum = (over: Partial<MarginSum>): MarginSum => ({
  key: '1',
  label: 'SO-1',
  customerName: 'Õunapuu OÜ',
  orders: 1,
  revenue: 0,
  cost: 0,
  costMissing: 0,
  ...over
})

describe('margin', () => {
  it('takes the margin and its share of each group; the biggest revenue first, then by label', () => {
    const rows = marginRows([
      sum({ key: '2', label: 'SO-2', revenue: 4000, cost: 0, costMissing: 1 }),
      sum({ key: '3', label: 'SO-3', revenue: 30000, cost: 18000 }),
      sum({ key: '1', label: 'SO-1', revenue: 30000, cost: 1000 })
    ])
    expect(rows.map((r) => [r.label, r.revenue, r.cost, r.margin, r.costMissing])).toEqual([
      ['SO-1', 30000, 1000, 29000, 0],
      ['SO-3', 30000, 18000, 12000, 0],
      ['SO-2', 4000, 0, 4000, 1]
    ])
    expect(rows[1]!.marginShare).toBeCloseTo(0.4)
  })

  it('has no margin share without revenue, and a negative one on a loss', () => {
    const [free] = marginRows([sum({ cost: 500 })])
    expect(free!.marginShare).toBeNull()
    expect(free!.margin).toBe(-500)
    const [loss] = marginRows([sum({ revenue: 1000, cost: 1500 })])
    expect(loss!.marginShare).toBeCloseTo(-0.5)
  })
})

describe('progress', () => {
  const H = 3_600_000
  it('sums per order and stage, averages per stay by stage, and counts the reasons given', () => {
    // As the service adds them up per order, stage and reason.
    const sums = [
      { orderId: 1, stageId: 2, reasonCode: 'WAIT', stays: 2, totalMs: 3 * H },
      { orderId: 2, stageId: 2, reasonCode: 'PARTS', stays: 1, totalMs: 3 * H },
      { orderId: 2, stageId: 1, reasonCode: null, stays: 1, totalMs: 30 * 60_000 }
    ]
    const names = {
      stage: (id: number) => (id === 1 ? 'New' : 'Waiting'),
      stageOrder: (id: number) => id,
      order: (id: number) => ({ number: `SO-${id}`, customerName: 'C' })
    }
    expect(progressRows(sums, 'stage', names).map((r) => [r.stageName, r.stays, r.totalMinutes, r.averageMinutes, r.reasons])).toEqual([
      ['New', 1, 30, 30, ''],
      ['Waiting', 3, 360, 120, 'WAIT ×2, PARTS']
    ])
    expect(progressRows(sums, 'order', names).map((r) => [r.orderNumber, r.stageName, r.stays, r.totalMinutes])).toEqual([
      ['SO-1', 'Waiting', 2, 180],
      ['SO-2', 'New', 1, 30],
      ['SO-2', 'Waiting', 1, 180]
    ])
  })
})

describe('utilisation', () => {
  it('names ISO weeks across year ends', () => {
    expect(isoWeek('2026-12-03')).toBe('2026-W49')
    expect(isoWeek('2027-01-01')).toBe('2026-W53')
    expect(isoWeek('2025-12-29')).toBe('2026-W01')
    expect(isoWeek('2027-01-04')).toBe('2027-W01')
  })

  it('cuts a period into ISO weeks clipped to it', () => {
    expect(weeksOf('2026-11-26', '2026-12-08')).toEqual([
      { week: '2026-W48', from: '2026-11-26', to: '2026-11-29' },
      { week: '2026-W49', from: '2026-11-30', to: '2026-12-06' },
      { week: '2026-W50', from: '2026-12-07', to: '2026-12-08' }
    ])
  })

  it('counts the minutes of intervals inside a range, and the share of booked over available', () => {
    const M = 60_000
    expect(
      minutesWithin(
        [
          [0, 90 * M],
          [60 * M, 120 * M],
          [200 * M, 300 * M]
        ],
        30 * M,
        210 * M
      )
    ).toBe(60 + 60 + 10)
    expect(utilisationShare(450, 600)).toBe(0.75)
    expect(utilisationShare(60, 0)).toBeNull()
  })
})
