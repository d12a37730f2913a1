import { z } from 'zod'
import { version } from '../../domain/primitives'
import { lifecycleInput, lifecycleRow } from '../../domain/lifecycle'
import { method } from '../define'

/** The one lifecycle rule set (ADR 0017): which stage an order enters when planned, dispatched, on site, done. */
export const lifecycleContract = {
  'lifecycle.get': method(z.object({}), lifecycleRow, 'orders.read'),
  'lifecycle.update': method(lifecycleInput.extend({ version }), lifecycleRow, 'stages.configure')
}
