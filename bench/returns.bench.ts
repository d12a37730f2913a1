import { defineBenches, type Measurement } from './registry'
import { demoApi, round } from './support'

/** The return list over the scale-100 demo database: its first page, newest first, as filtered on screen. */
const SCALE = 100
const log = (line: string) => process.stderr.write(`${line}\n`)

const { open: scale100, callMs: listMs } = demoApi(SCALE, log)

export const benches = defineBenches([
  {
    name: 'returnLists',
    async run(): Promise<Measurement[]> {
      const { conn } = await scale100()
      const returns = conn.sqlite.prepare('select count(*) from return_orders').pluck().get() as number
      const customer = conn.sqlite.prepare('select customer_id from return_orders order by id limit 1').pluck().get() as number
      const firstPage = { pageSize: 50, sort: 'createdDate', dir: 'desc' }
      return [
        { name: 'returns.count', value: returns, unit: 'rows' },
        { name: 'returns.list.page1', value: round(await listMs('returns.list', firstPage)), unit: 'ms' },
        { name: 'returns.list.open', value: round(await listMs('returns.list', { ...firstPage, status: 'open' })), unit: 'ms' },
        { name: 'returns.list.overdue', value: round(await listMs('returns.list', { ...firstPage, overdue: true })), unit: 'ms' },
        { name: 'returns.list.customer', value: round(await listMs('returns.list', { ...firstPage, customerId: customer })), unit: 'ms' },
        { name: 'returnInspection.list.page1', value: round(await listMs('returnInspection.list', { pageSize: 50 })), unit: 'ms' }
      ]
    }
  }
])
