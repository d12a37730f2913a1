import { defineBenches, type Measurement } from './registry'
import { demoApi, round } from './support'

/**
 * Search over the scale-100 demo database (about 200,000 orders) with what a caller gives the dispatcher:
 * a common word, an order number, a phone number typed without spaces, a name typed without its
 * diacritics; and the order list's search box. Target (issue 15): under 20 ms median each.
 */
const SCALE = 100
const log = (line: string) => process.stderr.write(`${line}\n`)

const { open: scale100, callMs } = demoApi(SCALE, log)

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
