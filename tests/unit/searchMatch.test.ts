import { describe, expect, it } from 'vitest'
import { ftsQuery } from '../../src/main/services/search/match'

describe('ftsQuery', () => {
  it('makes each word of three or more characters a quoted phrase, all required', () => {
    expect(ftsQuery('kask')).toBe('"kask"')
    expect(ftsQuery('  Kask   Tartu ')).toBe('"Kask" AND "Tartu"')
    expect(ftsQuery('Pärnu mnt 10')).toBe('"Pärnu" AND "mnt"')
  })

  it('answers null when no word is long enough for the trigram index', () => {
    expect(ftsQuery('')).toBeNull()
    expect(ftsQuery('ab')).toBeNull()
    expect(ftsQuery('õu ab')).toBeNull()
  })

  it('takes query syntax as text', () => {
    expect(ftsQuery('say "hi" now')).toBe('"say" AND """hi""" AND "now"')
    expect(ftsQuery('kask OR tamm*')).toBe('"kask" AND "tamm*"')
    expect(ftsQuery('NOT kask')).toBe('"NOT" AND "kask"')
  })

  it('also looks a phone number up as its digits', () => {
    expect(ftsQuery('5123 4567')).toBe('("5123" AND "4567") OR "51234567"')
    expect(ftsQuery('+372 5123 4567')).toBe('("+372" AND "5123" AND "4567") OR "37251234567"')
    expect(ftsQuery('51 23 45')).toBe('"512345"')
    expect(ftsQuery('2024-0012')).toBe('("2024-0012") OR "20240012"')
    // Only digits: the words are the digits.
    expect(ftsQuery('51234567')).toBe('"51234567"')
    expect(ftsQuery('SO-000123')).toBe('"SO-000123"')
  })
})
