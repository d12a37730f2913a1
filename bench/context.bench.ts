import { defineBenches, type Measurement } from './registry'
import { demoApi, round } from './support'

const api = demoApi(100, (line) => process.stderr.write(`${line}\n`))

/**
 * Records with their context (docs/adr/0019) on the scale-100 demo: the busiest customer's orders open first,
 * and the service object with the most orders — its orders, history and visits (service_order_lines_object_idx).
 */
export const benches = defineBenches([
  {
    name: 'contextLists',
    async run(): Promise<Measurement[]> {
      const { conn } = await api.open()
      const customer = conn.sqlite
        .prepare('select customer_id as id from service_orders group by 1 order by count(*) desc limit 1')
        .get() as {
        id: number
      }
      const object = conn.sqlite
        .prepare('select service_object_id as id from service_order_objects group by 1 order by count(*) desc limit 1')
        .get() as { id: number }
      return [
        {
          name: 'serviceOrders.list.customer.openFirst',
          value: round(await api.callMs('serviceOrders.list', { customerId: customer.id, sort: 'openFirst', pageSize: 50 })),
          unit: 'ms'
        },
        {
          name: 'serviceOrders.list.serviceObject',
          value: round(await api.callMs('serviceOrders.list', { serviceObjectId: object.id, pageSize: 50 })),
          unit: 'ms'
        },
        {
          name: 'serviceObjectHistory.list.page1',
          value: round(await api.callMs('serviceObjectHistory.list', { serviceObjectId: object.id, sort: 'orderAt', dir: 'desc' })),
          unit: 'ms'
        },
        {
          name: 'serviceObjects.visits',
          value: round(await api.callMs('serviceObjects.visits', { serviceObjectId: object.id })),
          unit: 'ms'
        }
      ]
    }
  }
])
