import { describe, expect, it } from 'vitest'
import { paretoBars, type ParetoRow } from '../../src/shared/domain/repair'

const row = (i: number, count: number): ParetoRow => ({ id: i, code: `C${i}`, name: `Code ${i}`, count })

describe('paretoBars', () => {
  it('keeps every code when they fit, with the cumulative share ending at 100 %', () => {
    expect(paretoBars([row(1, 5), row(2, 3), row(3, 2)], 15)).toEqual([
      { code: 'C1', name: 'Code 1', count: 5, cumulative: 50, others: 0 },
      { code: 'C2', name: 'Code 2', count: 3, cumulative: 80, others: 0 },
      { code: 'C3', name: 'Code 3', count: 2, cumulative: 100, others: 0 }
    ])
  })

  it('folds the tail beyond the bar limit into one last bar that counts its codes', () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(i + 1, 40 - i))
    const bars = paretoBars(rows, 15)
    expect(bars).toHaveLength(15)
    expect(bars.slice(0, 14).map((b) => b.code)).toEqual(rows.slice(0, 14).map((r) => r.code))
    // 40 + 39 + … + 1 = 820; the first 14 are 40 … 27 = 469, the other 26 codes 351.
    expect(bars[14]).toEqual({ code: null, name: '', count: 351, cumulative: 100, others: 26 })
    expect(bars[13]!.cumulative).toBe(Math.round((469 / 820) * 1000) / 10)
    expect(bars.reduce((s, b) => s + b.count, 0)).toBe(820)
  })

  it('is empty without rows', () => {
    expect(paretoBars([], 15)).toEqual([])
  })
})
