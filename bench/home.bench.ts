import { defineBenches, type Measurement } from './registry'
import { demoApi, round } from './support'

const api = demoApi(100, (line) => process.stderr.write(`${line}\n`))

/** The role home pages (docs/adr/0027) on the scale-100 demo (~200,000 orders): each one call, target < 100 ms. */
export const benches = defineBenches([
  {
    name: 'home',
    async run(): Promise<Measurement[]> {
      return [
        { name: 'home.dispatcher', value: round(await api.callMs('home.dispatcher', {})), unit: 'ms' },
        { name: 'home.manager', value: round(await api.callMs('home.manager', {})), unit: 'ms' }
      ]
    }
  }
])
