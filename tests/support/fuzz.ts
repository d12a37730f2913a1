import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { Connection } from '../../src/main/db/connection'

/**
 * Input generation for the fuzz test: walks a zod v4 schema (`_zod.def`) to build a plausible input and
 * the mutants of it. Every mutant says whether it must be refused (`mustReject`: wrong type, missing
 * required field, NaN, unsafe or fractional integer, impossible date, …) or may pass (valid-shaped, or a
 * value the schema is free to accept such as an extra `__proto__` key).
 */

/** mulberry32: small, fast and good enough to pick samples; the seed makes a run reproducible. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = int(i + 1)
      ;[xs[i], xs[j]] = [xs[j]!, xs[i]!]
    }
    return xs
  }
  return { next, int, pick, shuffle }
}
export type Rng = ReturnType<typeof prng>

type Kind = 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'object' | 'array' | 'any'

interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  element?: z.ZodType
  options?: z.ZodType[]
  entries?: Record<string, string | number>
  values?: unknown[]
  in?: z.ZodType
  items?: z.ZodType[]
  left?: z.ZodType
  right?: z.ZodType
  getter?: () => z.ZodType
  checks?: {
    _zod: {
      def: { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; format?: string; pattern?: RegExp }
    }
  }[]
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def
const checksOf = (s: z.ZodType) => (defOf(s).checks ?? []).map((c) => c._zod.def)

/** The JS kinds of value a schema can accept at all. */
export function kindsOf(s: z.ZodType): Set<Kind> {
  const d = defOf(s)
  switch (d.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'object':
    case 'array':
    case 'null':
    case 'undefined':
      return new Set([d.type as Kind])
    case 'record':
      return new Set(['object'])
    case 'tuple':
      return new Set(['array'])
    case 'enum':
      return new Set(Object.values(d.entries!).map((v) => typeof v as Kind))
    case 'literal':
      return new Set(d.values!.map((v) => (v === null ? 'null' : (typeof v as Kind))))
    case 'optional':
      return new Set([...kindsOf(d.innerType!), 'undefined'])
    case 'nullable':
      return new Set([...kindsOf(d.innerType!), 'null'])
    case 'default':
    case 'prefault':
      return new Set([...kindsOf(d.innerType!), 'undefined'])
    case 'catch':
      return new Set(['any'])
    case 'readonly':
    case 'nonoptional':
      return kindsOf(d.innerType!)
    case 'union':
      return new Set(d.options!.flatMap((o) => [...kindsOf(o)]))
    case 'pipe':
      return kindsOf(d.in!)
    case 'lazy':
      return kindsOf(d.getter!())
    case 'intersection':
      return kindsOf(d.left!)
    default:
      return new Set(['any'])
  }
}

/** Strips optional / nullable / default / pipe wrappers down to the schema that describes the value. */
export function core(s: z.ZodType): z.ZodType {
  const d = defOf(s)
  if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'].includes(d.type)) return core(d.innerType!)
  if (d.type === 'pipe') return core(d.in!)
  if (d.type === 'lazy') return core(d.getter!())
  return s
}

const kindOfValue = (v: unknown): Kind => (v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as Kind))
const accepts = (s: z.ZodType, v: unknown) => s.safeParse(v).success

/** Integer fields carry zod's safe-integer format check. */
function isInt(s: z.ZodType): boolean {
  const c = core(s)
  if (defOf(c).type === 'union') return defOf(c).options!.every((o) => defOf(core(o)).type !== 'number' || isInt(o))
  return checksOf(c).some((k) => k.check === 'number_format' && (k.format === 'safeint' || k.format === 'int32' || k.format === 'uint32'))
}

/** An anchored pattern without open-ended repetition (`+`, `*`, `{n,}`) bounds a string's length by itself. */
const fixedLength = (p: RegExp | undefined) =>
  !!p && p.source.startsWith('^') && p.source.endsWith('$') && !/(?<!\\)[+*]|\{\d+,\}/.test(p.source)

/** Whether every string the schema accepts is bounded in length (a union counts when all its string branches are). */
export function stringBounded(s: z.ZodType): boolean {
  const c = core(s)
  const d = defOf(c)
  if (d.type === 'union') return d.options!.every((o) => !kindsOf(o).has('string') || stringBounded(o))
  if (d.type === 'enum' || d.type === 'literal') return true
  return checksOf(c).some(
    (k) => k.check === 'max_length' || k.check === 'length_equals' || (k.format === 'regex' && fixedLength(k.pattern))
  )
}

/** Ids and versions point at records: a small pool keeps both hits and misses likely. */
const ID_POOL = [1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 10, 12, 99, 4321, 2 ** 31 - 1]
const STRING_CANDIDATES = ['2026-03-16', '09:00', 'fuzz.user', 'Fuzz text', 'FZ-1', 'fuzz@example.ee', 'Europe/Tallinn', 'customer', 'x']
const NUMBER_CANDIDATES = [0, 1, 2, 100, 1500, 2400, 60]

export interface GenContext {
  rng: Rng
  depth: number
}

/** A plausible value for the schema; ids come from a pool that hits seeded records and misses. */
export function sample(s: z.ZodType, g: GenContext): unknown {
  const d = defOf(s)
  const { rng } = g
  switch (d.type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [k, f] of Object.entries(d.shape!)) {
        const fk = kindsOf(f)
        if (fk.has('undefined') && rng.next() < 0.4) continue
        out[k] = sample(f, { rng, depth: g.depth + 1 })
      }
      return out
    }
    case 'string': {
      const ok = STRING_CANDIDATES.filter((c) => accepts(s, c))
      return ok.length ? rng.pick(ok) : 'x'
    }
    case 'number': {
      if (isInt(s) && accepts(s, 1) && !accepts(s, 0)) return rng.pick(ID_POOL)
      const ok = NUMBER_CANDIDATES.filter((c) => accepts(s, c))
      return ok.length ? rng.pick(ok) : 1
    }
    case 'boolean':
      return rng.next() < 0.5
    case 'enum':
      return rng.pick(Object.values(d.entries!))
    case 'literal':
      return rng.pick(d.values!)
    case 'null':
      return null
    case 'array': {
      const min = checksOf(s).find((k) => k.check === 'min_length')?.minimum ?? 0
      const n = g.depth > 4 ? min : Math.max(min, rng.int(3))
      return Array.from({ length: n }, () => sample(d.element!, { rng, depth: g.depth + 1 }))
    }
    case 'tuple':
      return d.items!.map((i) => sample(i, { rng, depth: g.depth + 1 }))
    case 'record':
      return rng.next() < 0.5 ? {} : { q: 'x', page: 1 }
    case 'optional':
    case 'default':
    case 'prefault':
      return rng.next() < 0.2 ? undefined : sample(d.innerType!, g)
    case 'nullable':
      return rng.next() < 0.25 ? null : sample(d.innerType!, g)
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return sample(d.innerType!, g)
    case 'union':
      return sample(rng.pick(d.options!), g)
    case 'pipe':
      return sample(d.in!, g)
    case 'lazy':
      return sample(d.getter!(), g)
    case 'intersection':
      return { ...(sample(d.left!, g) as object), ...(sample(d.right!, g) as object) }
    default:
      return 'x'
  }
}

export interface Mutant {
  kind: string
  path: (string | number)[]
  input: unknown
  mustReject: boolean
}

const HUGE = 'a'.repeat(1 << 20)

/** `depth` levels of `{ a: { a: … } }` (or arrays), built without recursion. */
export function deepNest(depth: number, asArray: boolean): unknown {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v }
  return v
}
// Built once: every mutant that needs one shares it (nothing writes into an input).
const DEEP_OBJECT = deepNest(10_000, false)
const DEEP_ARRAY = deepNest(10_000, true)
const MANY_IDS = Array.from({ length: 40_000 }, (_, i) => i + 1)

/** An object whose own keys include `__proto__` and `constructor`, as JSON.parse makes them. */
export function withProtoKeys(base: Record<string, unknown>): Record<string, unknown> {
  const o = JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}}}') as Record<
    string,
    unknown
  >
  for (const [k, v] of Object.entries(base)) o[k] = v
  return o
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  if (path.length === 0) return value
  const clone = Array.isArray(root) ? [...root] : { ...(root as object) }
  const [head, ...rest] = path
  const c = clone as Record<string | number, unknown>
  if (rest.length === 0) {
    if (remove) delete c[head!]
    else c[head!] = value
  } else c[head!] = setAt(c[head!], rest, value, remove)
  return clone
}

const DATE_PROBE = '2026-01-15'
const TIME_PROBE = '09:00'

/**
 * Every mutant of `base` under `schema`: walks the schema alongside the value and, at each field, swaps
 * in wrong types, drops it, and tries the edge values of its type.
 */
export function mutants(schema: z.ZodType, base: unknown): Mutant[] {
  const out: Mutant[] = []
  const add = (kind: string, path: (string | number)[], value: unknown, mustReject: boolean, remove = false) =>
    out.push({ kind, path, input: setAt(base, path, value, remove), mustReject })

  // The whole input: the pipeline takes a missing input as {}, so only other shapes must be refused.
  out.push({ kind: 'input is an array', path: [], input: [base], mustReject: true })
  out.push({ kind: 'input is a string', path: [], input: 'x', mustReject: true })
  out.push({ kind: 'input nested 10,000 deep', path: [], input: DEEP_OBJECT, mustReject: !accepts(schema, {}) })
  out.push({ kind: 'input is an array nested 10,000 deep', path: [], input: DEEP_ARRAY, mustReject: true })
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    out.push({ kind: '__proto__/constructor keys', path: [], input: withProtoKeys(base as Record<string, unknown>), mustReject: false })
  }

  const walk = (s: z.ZodType, value: unknown, path: (string | number)[], required: boolean) => {
    const kinds = kindsOf(s)
    if (kinds.has('any')) return
    const c = core(s)
    const d = defOf(c)
    const field = path.length > 0
    if (field) {
      if (required) add('missing required field', path, undefined, true, true)
      for (const [label, v] of [
        ['number', 42],
        ['string', '42'],
        ['boolean', true],
        ['null', null],
        ['object', { a: 1 }],
        ['array', [1]]
      ] as const) {
        if (!kinds.has(kindOfValue(v))) add(`wrong type: ${label}`, path, v, true)
      }
      if (!kinds.has('object') && !kinds.has('array')) add('nested 10,000 deep', path, DEEP_OBJECT, true)
    }
    if (kinds.has('number')) {
      for (const v of [NaN, Infinity, -Infinity]) add(`number ${v}`, path, v, true)
      if (isInt(s)) {
        add('integer 2^53+2', path, 2 ** 53 + 2, true)
        add('fractional integer', path, 1.5, true)
        add('integer -2^53+2', path, -(2 ** 53) + 2, accepts(s, -(2 ** 53) + 2) === false)
      } else {
        add('number 2^53+2', path, 2 ** 53 + 2, !accepts(s, 2 ** 53 + 2))
        add('number 1e308', path, 1e308, !accepts(s, 1e308))
      }
      add('number -0', path, -0, !accepts(s, -0))
      add('number -1', path, -1, !accepts(s, -1))
    }
    if (kinds.has('string')) {
      const bounded = stringBounded(s)
      // A 1 MB string must be refused by a bounded field; an unbounded one is reported by the bounds test.
      add('string of 1 MB', path, HUGE, bounded)
      add('empty string', path, '', !accepts(s, ''))
      add('blank string', path, '   ', !accepts(s, '   '))
      // Not text: stored, they break SQLite comparisons, CSV cells and PDF text.
      add('NUL in text', path, 'a\u0000b', true)
      add('lone surrogate in text', path, 'a\uD800b', true)
      if (path[path.length - 1] === 'sort') for (const v of ['__proto__', 'constructor', 'toString']) add(`sort by ${v}`, path, v, true)
      if (accepts(s, DATE_PROBE) && !accepts(s, '2026-01-1x') && !accepts(s, 'abcd')) {
        for (const v of ['2026-02-30', '2026-13-01', '2026-02-29', '2026-00-10', '2026-04-31']) add(`impossible date ${v}`, path, v, true)
        for (const v of ['0001-01-01', '9999-12-31', '2028-02-29']) add(`extreme date ${v}`, path, v, !accepts(s, v))
      }
      if (accepts(s, TIME_PROBE) && !accepts(s, '09:0x') && !accepts(s, 'abcd'))
        for (const v of ['24:00', '12:60', '9:00']) add(`impossible time ${v}`, path, v, true)
    }
    if (d.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
      if (field) {
        add('array instead of object', path, [value], true)
        add('__proto__/constructor keys', path, withProtoKeys(value as Record<string, unknown>), false)
      }
      for (const [k, f] of Object.entries(d.shape!)) {
        walk(f, (value as Record<string, unknown>)[k], [...path, k], !kindsOf(f).has('undefined'))
      }
    }
    if (d.type === 'record') {
      add('record with __proto__ key', path, JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":1}'), false)
      add('record nested 10,000 deep', path, { deep: DEEP_OBJECT }, false)
    }
    if (d.type === 'array') {
      const el = defOf(c).element!
      // Past SQLite's 32,766 parameters when the ids reach a query one parameter each.
      if (defOf(core(el)).type === 'number') {
        add('array of 40,000 ids', path, MANY_IDS, !accepts(s, MANY_IDS))
      }
      add('object instead of array', path, { 0: 1 }, true)
      if (Array.isArray(value) && value.length > 0) walk(el, value[0], [...path, 0], true)
    }
  }
  walk(schema, base, [], true)
  return out
}

/** All rows of all tables, each table's rows sorted, hashed: equal hashes mean equal content. */
export function contentHash(conn: Connection): string {
  const h = createHash('sha256')
  const tables = conn.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]
  for (const { name } of tables) {
    const rows = (conn.sqlite.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]).map((r) =>
      JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v))
    )
    rows.sort()
    h.update(`${name}\n${rows.join('\n')}\n`)
  }
  return h.digest('hex')
}

/** A short, printable description of an input (huge and deep values summarised). */
export function summarise(v: unknown): string {
  let s: string | undefined
  try {
    s = JSON.stringify(v, (_k, x: unknown) => {
      if (typeof x === 'string' && x.length > 40) return `<string of ${x.length}>`
      if (typeof x === 'number' && !Number.isFinite(x)) return String(x)
      return x
    })
  } catch {
    s = '<too deep to print>'
  }
  return s === undefined ? String(v) : s.length > 300 ? `${s.slice(0, 300)}…` : s
}
