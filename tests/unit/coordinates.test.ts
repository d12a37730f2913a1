import { describe, expect, it } from 'vitest'
import { parseDegrees, parsePoint } from '../../src/shared/geo/coordinates'

describe('decimal degrees as typed and pasted', () => {
  it('reads one coordinate with a decimal point or comma; empty is none, anything else is not a number', () => {
    expect(parseDegrees('59.437')).toBe(59.437)
    expect(parseDegrees(' 59,437 ')).toBe(59.437)
    expect(parseDegrees('-24.5')).toBe(-24.5)
    expect(parseDegrees('\u221224.5')).toBe(-24.5)
    expect(parseDegrees('')).toBeNull()
    expect(parseDegrees('59°26′')).toBeNaN()
    expect(parseDegrees('1.2.3')).toBeNaN()
  })

  it('reads a whole point copied from a map, but not one number with a decimal comma', () => {
    expect(parsePoint('59.437, 24.7536')).toEqual({ latitude: 59.437, longitude: 24.7536 })
    expect(parsePoint('59.437,24.7536')).toEqual({ latitude: 59.437, longitude: 24.7536 })
    expect(parsePoint('59,437; 24,7536')).toEqual({ latitude: 59.437, longitude: 24.7536 })
    expect(parsePoint('59,437 24,7536')).toEqual({ latitude: 59.437, longitude: 24.7536 })
    expect(parsePoint('-33.86 151.2')).toEqual({ latitude: -33.86, longitude: 151.2 })
    expect(parsePoint('59,437')).toBeNull()
    expect(parsePoint('59.437')).toBeNull()
    expect(parsePoint('Kase 4, Tartu')).toBeNull()
  })
})
