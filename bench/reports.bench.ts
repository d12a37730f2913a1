import { defineBenches, type Measurement } from './registry'
import { demoApi, round } from './support'

const api = demoApi(100, (line) => process.stderr.write(`${line}\n`))

/** The demo's "today" is 1 June 2025: the quarter before it, the period a manager reads most. Target < 500 ms each (median). */
const QUARTER = { from: '2025-03-01', to: '2025-05-31' }

export const benches = defineBenches([
  {
    name: 'reports',
    async run(): Promise<Measurement[]> {
      const ms = async (name: string, method: Parameters<typeof api.callMs>[0], input: object) => ({
        name,
        value: round(await api.callMs(method, { ...QUARTER, ...input })),
        unit: 'ms'
      })
      return [
        await ms('reports.margin.quarter.byOrder', 'marginReport.list', { groupBy: 'order' }),
        await ms('reports.margin.quarter.byTask', 'marginReport.list', { groupBy: 'task' }),
        await ms('reports.progress.quarter.byStage', 'progressReport.list', { groupBy: 'stage' }),
        await ms('reports.progress.quarter.byOrder', 'progressReport.list', { groupBy: 'order' }),
        await ms('reports.utilisation.quarter', 'utilisationReport.list', {}),
        await ms('reports.schedule.quarter.allCustomers', 'scheduleReport.list', {}),
        await ms('reports.marginPdf.quarter.byCustomer', 'reports.marginPdf', { groupBy: 'customer' })
      ]
    }
  }
])
