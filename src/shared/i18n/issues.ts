import type { z } from 'zod'
import type { FieldIssue, MessageParam, MessageParams } from '../api/result'
import { i18n, type T } from './i18n'

type Params = Record<string, string | number>

/**
 * The stable code (a catalogue key) and parameters of a zod issue. A schema's own check carries its code
 * as its message ('validation.endBeforeStart'); zod's built-in checks are named by their kind and carry
 * their limits as parameters.
 */
export function issueCode(issue: z.core.$ZodIssue): { code: string; params: Params } {
  // A schema's own message is its code; the limits of a size check stay as parameters ("At most {{maximum}} days").
  if (i18n.exists(issue.message)) {
    if (issue.code === 'too_small') return { code: issue.message, params: { minimum: Number(issue.minimum) } }
    if (issue.code === 'too_big') return { code: issue.message, params: { maximum: Number(issue.maximum) } }
    return { code: issue.message, params: {} }
  }
  switch (issue.code) {
    case 'invalid_type':
      return { code: /received undefined$/.test(issue.message) ? 'validation.required' : 'validation.invalidType', params: {} }
    case 'too_small': {
      const minimum = Number(issue.minimum)
      if (issue.origin === 'string')
        return minimum === 1 ? { code: 'validation.required', params: {} } : { code: 'validation.tooShort', params: { minimum } }
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'validation.tooFewItems', params: { minimum } }
      return { code: 'validation.tooSmall', params: { minimum } }
    }
    case 'too_big': {
      const maximum = Number(issue.maximum)
      if (issue.origin === 'string') return { code: 'validation.tooLong', params: { maximum } }
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'validation.tooManyItems', params: { maximum } }
      return { code: 'validation.tooBig', params: { maximum } }
    }
    case 'invalid_value':
      return { code: 'validation.invalidOption', params: {} }
    case 'unrecognized_keys':
      return { code: 'validation.unknownField', params: { keys: issue.keys.join(', ') } }
    case 'invalid_format':
      return { code: issue.format === 'email' ? 'validation.email' : 'validation.invalid', params: {} }
    default:
      return { code: 'validation.invalid', params: {} }
  }
}

/** Field issues with their codes, parameters and messages in the reader's language. */
export function fieldIssues(issues: readonly z.core.$ZodIssue[], t: T): FieldIssue[] {
  return issues.map((i) => {
    const { code, params } = issueCode(i)
    return { path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), code, params, message: translate(t, code, params) }
  })
}

/**
 * A message by its code; a code missing from the catalogue shows as itself rather than as nothing. A
 * parameter that is itself a message (`{ key, params }`) is translated first, a list of them joined with ', '.
 */
export function translate(t: T, code: string, params: MessageParams = {}): string {
  const values: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(params)) values[name] = paramText(t, value)
  return (t as (key: string, options: Params) => string)(code, values)
}

function paramText(t: T, value: MessageParam): string | number {
  if (Array.isArray(value)) return value.map((v) => paramText(t, v)).join(', ')
  if (typeof value === 'object') return translate(t, value.key, value.params)
  return value
}
