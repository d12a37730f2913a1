import { describe, expect, it } from 'vitest'
import {
  isoWeek,
  lineCost,
  type MarginLine,
  marginRows,
  minutesWithin,
  progressRows,
  stageStays,
  utilisationShare,
  weeksOf
} from '@shared/domain/reports'

const line = (over: Partial<MarginLine>): MarginLine => ({
  orderId: 1,
  orderNumber: 'SO-1',
  customerId: 10,
  customerName: 'Õunapuu OÜ',
  taskId: null,
  taskName: '',
  type: 'hour',
  quantity: 1000,
  unitPrice: 0,
  unitCost: 0,
  currentCost: 0,
  ...over
})

describe('margin', () => {
  it('costs a line at its own unit cost, else today’s cost price of its item or category, and flags one with neither', () => {
    expect(lineCost(line({ quantity: 1500, unitCost: 3000, currentCost: 9999 }))).toEqual({ cost: 4500, missing: false })
    expect(lineCost(line({ quantity: 2000, unitCost: 0, currentCost: 1250 }))).toEqual({ cost: 2500, missing: false })
    expect(lineCost(line({ quantity: 2000 }))).toEqual({ cost: 0, missing: true })
    // A fee has no cost of its own: not missing.
    expect(lineCost(line({ type: 'fee', unitPrice: 5000 }))).toEqual({ cost: 0, missing: false })
    // Thousandths round half away at the cent: 0.333 × 1.00 € = 0.33 €.
    expect(lineCost(line({ quantity: 333, unitCost: 100 })).cost).toBe(33)
  })

  it('adds revenue and cost per order, customer and task; margin and its share; the biggest revenue first', () => {
    const lines = [
      line({ orderId: 1, orderNumber: 'SO-1', taskId: 7, taskName: 'Hooldus', quantity: 2000, unitPrice: 5000, unitCost: 3000 }),
      line({ orderId: 1, orderNumber: 'SO-1', type: 'item', quantity: 1000, unitPrice: 20000, unitCost: 12000 }),
      line({
        orderId: 2,
        orderNumber: 'SO-2',
        customerId: 11,
        customerName: 'Aasa AS',
        taskId: 7,
        taskName: 'Hooldus',
        quantity: 1000,
        unitPrice: 4000
      })
    ]
    const byOrder = marginRows(lines, 'order', 'No task')
    expect(byOrder.map((r) => [r.label, r.customerName, r.orders, r.revenue, r.cost, r.margin, r.costMissing])).toEqual([
      ['SO-1', 'Õunapuu OÜ', 1, 30000, 18000, 12000, 0],
      ['SO-2', 'Aasa AS', 1, 4000, 0, 4000, 1]
    ])
    expect(byOrder[0]!.marginShare).toBeCloseTo(0.4)
    const byTask = marginRows(lines, 'task', 'No task')
    expect(byTask.map((r) => [r.key, r.label, r.orders, r.revenue, r.cost])).toEqual([
      ['-', 'No task', 1, 20000, 12000],
      ['7', 'Hooldus', 2, 14000, 6000]
    ])
    const byCustomer = marginRows(lines, 'customer', 'No task')
    expect(byCustomer.map((r) => [r.label, r.customerName, r.revenue])).toEqual([
      ['Õunapuu OÜ', '', 30000],
      ['Aasa AS', '', 4000]
    ])
  })

  it('has no margin share without revenue, and a negative one on a loss', () => {
    const [free] = marginRows([line({ unitCost: 500 })], 'order', '')
    expect(free!.marginShare).toBeNull()
    expect(free!.margin).toBe(-500)
    const [loss] = marginRows([line({ unitPrice: 1000, unitCost: 1500 })], 'order', '')
    expect(loss!.marginShare).toBeCloseTo(-0.5)
  })
})

describe('progress', () => {
  const H = 3_600_000
  it('lasts a stay until the next change, the last one until now, whatever order the rows come in', () => {
    const stays = stageStays(
      [
        { orderId: 1, at: 5 * H, stageId: 3, reasonCode: 'PARTS' },
        { orderId: 1, at: 0, stageId: 1, reasonCode: null },
        { orderId: 1, at: 2 * H, stageId: 2, reasonCode: null }
      ],
      9 * H
    )
    expect(stays.map((s) => [s.stageId, s.start / H, s.end / H, s.reasonCode])).toEqual([
      [1, 0, 2, null],
      [2, 2, 5, null],
      [3, 5, 9, 'PARTS']
    ])
  })

  it('sums per order and stage, averages per stay by stage, and counts the reasons given', () => {
    const stays = [
      { orderId: 1, stageId: 2, start: 0, end: 2 * H, reasonCode: 'WAIT' },
      { orderId: 1, stageId: 2, start: 4 * H, end: 5 * H, reasonCode: 'WAIT' },
      { orderId: 2, stageId: 2, start: 0, end: 3 * H, reasonCode: 'PARTS' },
      { orderId: 2, stageId: 1, start: 0, end: 30 * 60_000, reasonCode: null }
    ]
    const names = {
      stage: (id: number) => (id === 1 ? 'New' : 'Waiting'),
      stageOrder: (id: number) => id,
      order: (id: number) => ({ number: `SO-${id}`, customerName: 'C' })
    }
    expect(progressRows(stays, 'stage', names).map((r) => [r.stageName, r.stays, r.totalMinutes, r.averageMinutes, r.reasons])).toEqual([
      ['New', 1, 30, 30, ''],
      ['Waiting', 3, 360, 120, 'WAIT ×2, PARTS']
    ])
    expect(progressRows(stays, 'order', names).map((r) => [r.orderNumber, r.stageName, r.stays, r.totalMinutes])).toEqual([
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
