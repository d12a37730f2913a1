import { beforeEach, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { contract, type MethodName } from '@shared/api/contract'
import type { ApiResult } from '@shared/api/result'
import { type ApiHost, runMethod } from '../../src/main/api/pipeline'
import type { Connection } from '../../src/main/db/connection'
import { freshDb } from '../support/db'
import { contentHash, core, kindsOf, type Mutant, mutants, prng, type Rng, sample, stringBounded, summarise } from '../support/fuzz'
import { seedMasterData } from '../support/seed'

/**
 * Every contract method, called through the real pipeline as an administrator (so that no permission
 * hides a bug) with inputs generated from its zod schema. Inputs that must be refused (wrong types,
 * missing fields, NaN, unsafe or fractional integers, impossible dates, over-long strings, deep nesting,
 * arrays for objects) must answer a documented refusal and leave the database content as it was;
 * valid-shaped inputs with ids and versions pointing anywhere, `__proto__` keys and other values a schema
 * may accept must answer ok or a documented refusal. Never INTERNAL, never a thrown exception.
 *
 * Normal run: a fixed seed and a sample per method. Long run: HOOLDUS_FUZZ_RUNS=<rounds>, every mutant of
 * a fresh input per round and method, with a random seed unless HOOLDUS_FUZZ_SEED is given.
 */

const ROUNDS = Number(process.env.HOOLDUS_FUZZ_RUNS ?? 0)
const LONG = ROUNDS > 0
const SEED = Number(process.env.HOOLDUS_FUZZ_SEED ?? (LONG ? Math.floor(Math.random() * 2 ** 31) : 20261202))
/** Normal run, per method: refusals spread over the mutation kinds, and valid-shaped calls. */
const INVALID_SAMPLE = 12
const VALID_SAMPLE = 4
const FRESH_INPUTS = LONG ? 8 : 2
/** Hash a password (scrypt) or render a PDF on every valid call: fewer valid calls in the normal run. */
const COSTLY = new Set<string>([
  'auth.signIn',
  'auth.setup',
  'users.create',
  'users.update',
  'serviceOrders.pdf',
  'invoices.pdf',
  'dispatch.daySheet',
  'sla.compliancePdf',
  // An online backup of the file and its full integrity check.
  'backups.run'
])
/**
 * Kinds that once answered INTERNAL or were stored (SQLite's parameter limit, a recursive JSON serialiser, a
 * sort key looked up on the prototype, NUL and broken surrogates in text): always called.
 */
const ALWAYS = new Set([
  'array of 40,000 ids',
  'record nested 10,000 deep',
  'record with __proto__ key',
  '__proto__/constructor keys',
  'NUL in text',
  'lone surrogate in text',
  'sort by __proto__',
  'sort by constructor',
  'sort by toString'
])
const DOCUMENTED = new Set(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN'])

const methods = Object.keys(contract) as MethodName[]
const schemaOf = (m: MethodName) => contract[m].input as z.ZodType

interface Answer {
  result?: ApiResult<unknown>
  thrown?: unknown
  /** What the pipeline logged: the cause behind an INTERNAL answer. */
  logged: unknown[]
}

interface Finding {
  method: string
  kind: string
  path: string
  input: string
  problem: string
}

const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e))

/** What is wrong with an answer, or null when it is clean. */
function verdict(answer: Answer, mustReject: boolean): string | null {
  if (answer.thrown !== undefined) return `threw ${errorText(answer.thrown)}`
  if ((Object.prototype as Record<string, unknown>).polluted !== undefined) return 'polluted Object.prototype'
  const r = answer.result!
  if (r.ok) return mustReject ? 'accepted an input that must be refused' : null
  if (!DOCUMENTED.has(r.error.code)) return `${r.error.code}: ${answer.logged.map(errorText).join('; ') || r.error.message}`
  return null
}

function hashName(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

/** Every mutant of the ALWAYS kinds, then up to n others, every kind represented before any kind repeats. */
function spread(ms: Mutant[], n: number, rng: Rng): Mutant[] {
  const always = ms.filter((m) => ALWAYS.has(m.kind))
  const shuffled = rng.shuffle(ms.filter((m) => !ALWAYS.has(m.kind)))
  const seen = new Set<string>()
  const first = shuffled.filter((m) => !seen.has(m.kind) && seen.add(m.kind))
  const rest = shuffled.filter((m) => !first.includes(m))
  return [...always, ...[...first, ...rest].slice(0, Math.max(0, n))]
}

/** The calls for one method in one round: the same seed, round and method always give the same inputs. */
function plan(method: MethodName, round: number) {
  const rng = prng(SEED ^ Math.imul(round + 1, 0x9e3779b1) ^ hashName(method))
  const schema = schemaOf(method)
  const all = mutants(schema, sample(schema, { rng, depth: 0 }))
  const refuse = all.filter((m) => m.mustReject)
  const mayPass = all.filter((m) => !m.mustReject)
  const costly = !LONG && COSTLY.has(method)
  const fresh = Array.from({ length: costly ? 1 : FRESH_INPUTS }, (): Mutant => ({
    kind: 'valid-shaped, random ids',
    path: [],
    input: sample(schema, { rng, depth: 0 }),
    mustReject: false
  }))
  return {
    invalid: LONG ? refuse : spread(refuse, INVALID_SAMPLE, rng),
    valid: [...fresh, ...(LONG ? mayPass : spread(mayPass, (costly ? 2 : VALID_SAMPLE) - fresh.length, rng))]
  }
}

const finding = (method: string, m: Mutant, problem: string): Finding => ({
  method,
  kind: m.kind,
  path: m.path.join('.'),
  input: summarise(m.input),
  problem
})
const report = (fs: Finding[], calls: number) =>
  `seed ${SEED} (rerun with HOOLDUS_FUZZ_SEED=${SEED}${LONG ? ` HOOLDUS_FUZZ_RUNS=${ROUNDS}` : ''}), ${calls} calls, ${fs.length} not clean:\n` +
  fs.map((f) => `  ${f.method} [${f.kind}] ${f.path} ${f.input}\n    → ${f.problem}`).join('\n')

it('bounds the length of every string field of every input', () => {
  const unbounded: string[] = []
  const walk = (s: z.ZodType, path: string) => {
    const d = (
      core(s) as unknown as {
        _zod: { def: { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[]; keyType?: z.ZodType } }
      }
    )._zod.def
    if (kindsOf(s).has('string') && !stringBounded(s)) unbounded.push(path)
    if (d.type === 'object') for (const [k, f] of Object.entries(d.shape!)) walk(f, `${path}.${k}`)
    if (d.type === 'record') walk(d.keyType!, `${path}{key}`)
    if (d.type === 'array') walk(d.element!, `${path}[]`)
    if (d.type === 'union') for (const o of d.options!) if (kindsOf(o).has('object')) walk(o, path)
  }
  for (const m of methods) walk(schemaOf(m), m)
  expect(unbounded).toEqual([])
})

describe('fuzzing every contract method through the pipeline', () => {
  let conn: Connection
  let adminId: number

  /** Each test gets its own seeded database file, so records exist for some ids and not for others. */
  beforeEach(async () => {
    ;({ conn } = await freshDb())
    adminId = (await seedMasterData(conn)).admin.user!.id
  }, 60_000)

  async function callAsAdmin(method: string, input: unknown): Promise<Answer> {
    const logged: unknown[] = []
    const host: ApiHost = { conn, checkOutputs: true, log: (_m, e) => logged.push(e) }
    try {
      // A fresh session per call: a sign-out (or a refused sign-in) must not leave the next call signed out.
      return { result: await runMethod(host, () => null, { userId: adminId }, method, input), logged }
    } catch (thrown) {
      return { thrown, logged }
    }
  }

  it(
    'refuses invalid inputs with a documented code and leaves the database unchanged',
    async () => {
      const findings: Finding[] = []
      let calls = 0
      const before = contentHash(conn)
      for (let round = 0; round < Math.max(1, ROUNDS); round++) {
        for (const method of methods) {
          for (const m of plan(method, round).invalid) {
            calls++
            const problem = verdict(await callAsAdmin(method, m.input), true)
            if (problem) findings.push(finding(method, m, problem))
          }
        }
      }
      console.info(`fuzz, invalid inputs: ${methods.length} methods, ${calls} calls, seed ${SEED}`)
      expect(findings, report(findings, calls)).toEqual([])
      expect(contentHash(conn), `the database changed (seed ${SEED})`).toBe(before)
    },
    LONG ? 3_600_000 : 60_000
  )

  it(
    'answers valid-shaped inputs with random ids and versions with ok or a documented refusal',
    async () => {
      const findings: Finding[] = []
      let calls = 0
      for (let round = 0; round < Math.max(1, ROUNDS); round++) {
        for (const method of methods) {
          for (const m of plan(method, round).valid) {
            calls++
            const answer = await callAsAdmin(method, m.input)
            const problem = verdict(answer, false)
            if (problem) findings.push(finding(method, m, problem))
            // A run started here would generate beside the calls that follow; it is cancelled before its first slice.
            if (method === 'agreements.generate' && answer.result?.ok)
              await callAsAdmin('agreements.cancelRun', { id: (answer.result.data as { id: number }).id })
            // A valid users.update may demote or disable the administrator the fuzzer calls as.
            if (method.startsWith('users.'))
              conn.sqlite.prepare(`UPDATE users SET roles = '["administrator"]', active = 1 WHERE id = ?`).run(adminId)
          }
        }
      }
      console.info(`fuzz, valid-shaped inputs: ${methods.length} methods, ${calls} calls, seed ${SEED}`)
      expect(findings, report(findings, calls)).toEqual([])
    },
    LONG ? 3_600_000 : 60_000
  )
})
