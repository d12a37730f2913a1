import { z } from 'zod'
import { crud } from '../crud'
import { listInput, pageOf } from '../common'
import { id, optionalText, version } from '../../domain/primitives'
import { method } from '../define'
import { orderListRow, pdfFile } from '../../domain/orders'
import {
  complianceInput,
  complianceRow,
  orderClock,
  SLA_TARGET_KINDS,
  slaInput,
  slaReasonInput,
  slaReasonRow,
  slaRow
} from '../../domain/sla'

const reason = { reasonId: id.nullable().default(null), note: optionalText(500) }

export const slaContract = {
  ...crud('slaDefinitions', { row: slaRow, create: slaInput, filters: {}, read: 'orders.read', write: 'sla.configure' }),
  ...crud('slaReasons', { row: slaReasonRow, create: slaReasonInput, filters: {}, read: 'orders.read', write: 'sla.configure' }),
  /** The order's clock with its event log; null when the order has no SLA. */
  'sla.forOrder': method(z.object({ orderId: id }), orderClock.nullable(), 'orders.read'),
  /** Sets (or with null removes) the order's own SLA, overriding the agreement's and customer's; restarts the clock. */
  'sla.setForOrder': method(z.object({ orderId: id, orderVersion: version, slaId: id.nullable() }), orderClock.nullable(), 'orders.write'),
  'sla.cancel': method(z.object({ orderId: id, version, ...reason }), orderClock, 'orders.write'),
  'sla.reset': method(z.object({ orderId: id, version, ...reason }), orderClock, 'orders.write'),
  /** Explains a missed target. */
  'sla.giveReason': method(
    z.object({ orderId: id, version, target: z.enum(SLA_TARGET_KINDS), reasonId: id, note: optionalText(500) }),
    orderClock,
    'orders.register'
  ),
  /** Open orders whose next target is breached, or due before the end of today or within the at-risk threshold. */
  'slaAtRisk.list': method(listInput({}), pageOf(orderListRow), 'orders.read'),
  /** A list method so that the report exports to CSV like every list. */
  'slaCompliance.list': method(listInput(complianceInput.shape), pageOf(complianceRow), 'sla.report'),
  'sla.compliancePdf': method(complianceInput, pdfFile, 'sla.report')
}
