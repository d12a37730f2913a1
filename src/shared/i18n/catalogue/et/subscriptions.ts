import type { subscriptions as en } from '../en/subscriptions'
import type { Shape } from '../shape'

export const subscriptions: Shape<typeof en> = {
  invoiceLine: {
    regular: '{{number}} {{name}}, {{from}} – {{to}}',
    nonRegular: '{{number}} {{name}}, osaperiood {{from}} – {{to}}',
    reductionDays: '{{number}} {{name}}, eemaldatud päevad {{from}} – {{to}}',
    priceReduction: '{{number}} {{name}}, hinnaalandus {{from}} – {{to}}'
  }
}
