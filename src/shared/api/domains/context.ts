import { z } from 'zod'
import { listInput, pageOf } from '../common'
import { id } from '../../domain/primitives'
import { customerSla, objectHistoryRow, objectVisits } from '../../domain/context'
import { method } from '../define'

/**
 * Records with their context (docs/adr/0019): what the customer, service object and order pages show beside
 * the record that the main lists (orders, agreements, invoices, SLA compliance with a customer filter) do not.
 */
export const contextContract = {
  /** A service object's orders and their lines (those naming it or no object), newest first. */
  'serviceObjectHistory.list': method(listInput({ serviceObjectId: id }), pageOf(objectHistoryRow), 'orders.read'),
  /** The object's last and next visit and how many orders it has had. */
  'serviceObjects.visits': method(z.object({ serviceObjectId: id }), objectVisits, 'orders.read'),
  /** The customer's default SLA (its group's), as the SLA clock would resolve it. */
  'customers.sla': method(z.object({ customerId: id }), customerSla, 'masterdata.read')
}
