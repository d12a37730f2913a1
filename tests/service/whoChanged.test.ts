import { describe, expect, it } from 'vitest'
import type { Input, MethodName } from '@shared/api/contract'
import type { ApiError } from '@shared/api/result'
import { dateOf, fromLocalDateTime } from '@shared/time'
import type { Connection } from '../../src/main/db/connection'
import { freshDb, userWith } from '../support/db'
import { headerOf, lineOf } from '../support/orders'
import { rawCall, seedMasterData, testClock } from '../support/seed'

const TZ = 'Europe/Tallinn'

/**
 * Two dispatchers on one database and one clock, the way two workstations reach one host: every call goes
 * through the pipeline with the dispatcher's own session.
 */
async function world() {
  const { conn } = await freshDb()
  const seed = await seedMasterData(conn)
  // A weekday morning a week ahead (10:42 in Tallinn), so that a board move lands in the future.
  let day = dateOf(Date.now() + 7 * 86_400_000, TZ)
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = dateOf(Date.parse(`${day}T12:00:00Z`) + 86_400_000, TZ)
  const clock = testClock(fromLocalDateTime(`${day} 10:42`, TZ)!)
  const person = (username: string, displayName: string) => {
    const id = userWith(conn, ['dispatcher'], username).user!.id
    conn.sqlite.prepare('update users set display_name = ? where id = ?').run(displayName, id)
    return { id, session: { userId: id } }
  }
  const mari = person('mari', 'Mari Maasikas')
  const jaan = person('jaan', 'Jaan Tamm')
  const as = async <M extends MethodName>(who: { session: { userId: number } }, method: M, input: Input<M>) => {
    const r = await rawCall(conn, who.session, method, input, { now: clock.now })
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    return r.data as never
  }
  const refused = async <M extends MethodName>(who: { session: { userId: number } }, method: M, input: Input<M>): Promise<ApiError> => {
    const r = await rawCall(conn, who.session, method, input, { now: clock.now })
    if (r.ok) throw new Error(`${method} was expected to fail`)
    return r.error
  }
  return { conn, seed, clock, day, mari, jaan, as, refused }
}

const stamp = (conn: Connection, table: string, id: number) =>
  conn.sqlite.prepare(`select updated_by as "by", updated_at as "at", version from ${table} where id = ?`).get(id) as {
    by: number | null
    at: number | null
    version: number
  }

describe('a stale save names who changed the record', () => {
  it('an order header: the second dispatcher’s CONFLICT names the first and the time; nothing of the stale save lands', async () => {
    const w = await world()
    const opened = w.seed.openOrder
    await w.as(w.mari, 'serviceOrders.update', { ...headerOf(opened), description: 'Mari’s words' })
    expect(stamp(w.conn, 'service_orders', opened.id)).toEqual({ by: w.mari.id, at: w.clock.now(), version: opened.version + 1 })

    w.clock.advance(60_000)
    const stale = await w.refused(w.jaan, 'serviceOrders.update', { ...headerOf(opened), description: 'Jaan’s words' })
    expect(stale).toMatchObject({ code: 'CONFLICT', key: 'errors.conflictBy' })
    expect(stale.message).toBe('Service order was changed by Mari Maasikas at 10:42, after you opened it — reload to see the change.')
    const row = w.conn.sqlite.prepare('select description, version from service_orders where id = ?').get(opened.id)
    expect(row).toEqual({ description: 'Mari’s words', version: opened.version + 1 })
  })

  it('an order line and a board card name their last writer too', async () => {
    const w = await world()
    const line = w.seed.openOrder.lines[0]!
    await w.as(w.mari, 'serviceOrders.updateLine', { ...lineOf(line), quantity: 2000 })
    const staleLine = await w.refused(w.jaan, 'serviceOrders.updateLine', { ...lineOf(line), quantity: 3000 })
    expect(staleLine.message).toBe(
      `Line ${line.lineNo} was changed by Mari Maasikas at 10:42, after you opened it — reload to see the change.`
    )

    const order = (await w.as(w.mari, 'serviceOrders.get', { id: w.seed.openOrder.id })) as { version: number }
    const start = fromLocalDateTime(`${w.day} 12:00`, TZ)!
    const { card } = (await w.as(w.jaan, 'dispatch.assign', {
      orderId: w.seed.openOrder.id,
      orderVersion: order.version,
      workerId: w.seed.worker.id,
      start
    })) as { card: { id: number; version: number; end: number } }
    w.clock.advance(5 * 60_000)
    const move = { id: card.id, version: card.version, workerId: w.seed.worker.id, start: start + 3_600_000, end: card.end + 3_600_000 }
    await w.as(w.mari, 'dispatch.move', move)
    const staleMove = await w.refused(w.jaan, 'dispatch.move', { ...move, start: start + 7_200_000, end: card.end + 7_200_000 })
    expect(staleMove.message).toBe('Assignment was changed by Mari Maasikas at 10:47, after you opened it — reload to see the change.')
    expect(stamp(w.conn, 'order_assignments', card.id)).toMatchObject({ by: w.mari.id, version: card.version + 1 })
  })

  it('a customer, in the reader’s language, with the date when the change was on another day', async () => {
    const w = await world()
    w.conn.sqlite.prepare("update users set language = 'et' where id = ?").run(w.jaan.id)
    const c = w.seed.customer
    await w.as(w.mari, 'customers.update', { ...c, name: 'Õunapuu AS' })
    const same = await w.refused(w.jaan, 'customers.update', { ...c, name: 'Pirnipuu OÜ' })
    expect(same.message).toBe('Klienti muutis vahepeal Mari Maasikas kell 10:42 — laadi uuesti, et muudatust näha.')
    w.clock.advance(86_400_000)
    const nextDay = await w.refused(w.jaan, 'customers.update', { ...c, name: 'Pirnipuu OÜ' })
    const [y, m, d] = w.day.split('-')
    expect(nextDay.message).toBe(`Klienti muutis vahepeal Mari Maasikas ${d}.${m}.${y} kell 10:42 — laadi uuesti, et muudatust näha.`)
  })

  it('a record nobody is named on (written before the column existed) keeps the plain message', async () => {
    const w = await world()
    const c = w.seed.customer
    await w.as(w.mari, 'customers.update', { ...c, name: 'Õunapuu AS' })
    w.conn.sqlite.prepare('update customers set updated_by = null where id = ?').run(c.id)
    const stale = await w.refused(w.jaan, 'customers.update', { ...c, name: 'Pirnipuu OÜ' })
    expect(stale).toMatchObject({ code: 'CONFLICT', key: 'errors.conflict' })
  })
})
