import { describe, expect, it } from 'vitest'
import { greatCircleKm, matrixTravel, straightLineTravel } from '@shared/planner/travel'

const tallinn = { lat: 59.437, lon: 24.7536 }
const tartu = { lat: 58.378, lon: 26.729 }

describe('straight-line travel model', () => {
  it('measures the great circle: Tallinn–Tartu is about 162 km as the crow flies', () => {
    expect(greatCircleKm(tallinn, tartu)).toBeGreaterThan(158)
    expect(greatCircleKm(tallinn, tartu)).toBeLessThan(166)
    expect(greatCircleKm(tartu, tallinn)).toBeCloseTo(greatCircleKm(tallinn, tartu), 9)
  })

  it('is distance × road factor ÷ speed + overhead, rounded up to whole minutes', () => {
    const model = straightLineTravel({ roadFactor: 1.5, speedKmh: 90, overheadMinutes: 10 })
    const leg = model.leg({ id: 'a', point: tallinn }, { id: 'b', point: tartu })!
    const km = greatCircleKm(tallinn, tartu) * 1.5
    expect(leg.minutes).toBe(Math.ceil((km / 90) * 60 + 10))
    expect(leg.km).toBeCloseTo(km, 0)
    // Every parameter counts.
    const slower = straightLineTravel({ roadFactor: 1.5, speedKmh: 45, overheadMinutes: 10 })
    expect(slower.leg({ id: 'a', point: tallinn }, { id: 'b', point: tartu })!.minutes).toBeGreaterThan(leg.minutes + 100)
  })

  it('costs nothing at the same place and adds the overhead between neighbours', () => {
    const model = straightLineTravel({ roadFactor: 1.3, speedKmh: 60, overheadMinutes: 5 })
    expect(model.leg({ id: 'a', point: tallinn }, { id: 'a', point: tallinn })).toEqual({ minutes: 0, km: 0 })
    expect(model.leg({ id: 'a', point: tallinn }, { id: 'b', point: tallinn })).toEqual({ minutes: 0, km: 0 })
    const next = model.leg({ id: 'a', point: tallinn }, { id: 'b', point: { lat: 59.44, lon: 24.76 } })!
    expect(next.minutes).toBe(6)
  })

  it('does not know a leg without coordinates', () => {
    expect(straightLineTravel().leg({ id: 'a', point: null }, { id: 'b', point: tartu })).toBeNull()
  })
})

describe('matrix travel model', () => {
  it('answers from the table and falls back to another model for missing pairs', () => {
    const fallback = straightLineTravel()
    const m = matrixTravel([{ from: 'a', to: 'b', minutes: 17.2, km: 12 }], fallback)
    expect(m.leg({ id: 'a', point: null }, { id: 'b', point: null })).toEqual({ minutes: 18, km: 12 })
    expect(m.leg({ id: 'b', point: tallinn }, { id: 'a', point: tartu })).toEqual(
      fallback.leg({ id: 'b', point: tallinn }, { id: 'a', point: tartu })
    )
    expect(matrixTravel([]).leg({ id: 'a', point: tallinn }, { id: 'b', point: tartu })).toBeNull()
  })
})
