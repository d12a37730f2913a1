import type { Input, MethodName, Output } from '@shared/api/contract'
import { runMethod } from '../../src/main/api/pipeline'
import { createContext } from '../../src/main/services/core/context'
import { freshDb } from './db'
import { seedMasterData, testClock } from './seed'

/** Tallinn wall time in March 2026 (UTC+2 until the 29th, UTC+3 after). */
export const local = (day: number, h: number, m = 0) => Date.UTC(2026, 2, day, h - (day >= 29 ? 3 : 2), m)

/**
 * A fresh database with the seeded master data, on a clock standing at Monday 2 March 2026, 09:00 in Tallinn, and
 * `api`: a method called through the pipeline (input and output checked) as the seeded administrator.
 */
export async function marchWorld() {
  const { conn } = await freshDb()
  const seed = await seedMasterData(conn)
  const clock = testClock(local(2, 9))
  const admin = createContext(conn, seed.admin.user, seed.admin.session, clock.now)
  const host = { conn, checkOutputs: true, now: clock.now }
  async function api<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
    const r = await runMethod(host, () => null, admin.session, method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
    return r.data as Output<M>
  }
  return { conn, seed, clock, admin, host, api }
}
