import type { MethodName } from '@shared/api/contract'
import { type ApiHost, runMethod } from '../src/main/api/pipeline'
import type { Connection } from '../src/main/db/connection'
import type { SessionSlot } from '../src/main/services/core/context'
import { defineBenches, type Measurement } from './registry'
import { demoDatabase, medianMs, round } from './support'

/**
 * Search over the scale-100 demo database (about 200,000 orders) with what a caller gives the dispatcher:
 * a common word, an order number, a phone number typed without spaces, a name typed without its
 * diacritics; and the order list's search box. Target (issue 15): under 20 ms median each.
 */
const SCALE = 100
const log = (line: string) => process.stderr.write(`${line}\n`)

let shared: Promise<{ conn: Connection; host: ApiHost; session: SessionSlot }> | null = null
function scale100() {
  shared ??= demoDatabase(SCALE, log).then(({ conn }) => {
    const admin = conn.sqlite.prepare("select id from users where username = 'admin'").get() as { id: number }
    return { conn, host: { conn }, session: { userId: admin.id } }
  })
  return shared
}

async function callMs(method: MethodName, input: object): Promise<number> {
  const db = await scale100()
  return medianMs(async () => {
    const r = await runMethod(db.host, () => null, db.session, method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  })
}

export const benches = defineBenches([
  {
    name: 'search',
    async run(): Promise<Measurement[]> {
      const { conn } = await scale100()
      const one = <T>(q: string) => conn.sqlite.prepare(q).get() as T
      const order = one<{ number: string }>('select number from service_orders order by id limit 1 offset 100000')
      const phone = one<{ phone: string }>("select phone from customer_contacts where phone <> '' order by id limit 1 offset 500")
      const global = (q: string) => callMs('search.global', { q })
      const firstPage = { pageSize: 50, sort: 'plannedStart', dir: 'desc' }
      return [
        { name: 'search.global.word', value: round(await global('katla')), unit: 'ms' },
        { name: 'search.global.orderNumber', value: round(await global(order.number)), unit: 'ms' },
        { name: 'search.global.phoneDigits', value: round(await global(phone.phone.replace(/\D/g, ''))), unit: 'ms' },
        { name: 'search.global.withoutDiacritics', value: round(await global('oun')), unit: 'ms' },
        {
          name: 'search.orders.word.plannedDesc',
          value: round(await callMs('serviceOrders.list', { ...firstPage, q: 'katla' })),
          unit: 'ms'
        },
        {
          name: 'search.orders.twoWords.plannedDesc',
          value: round(await callMs('serviceOrders.list', { ...firstPage, q: 'katla tallinn' })),
          unit: 'ms'
        },
        {
          name: 'search.orders.number',
          value: round(await callMs('serviceOrders.list', { ...firstPage, q: order.number })),
          unit: 'ms'
        }
      ]
    }
  }
])
