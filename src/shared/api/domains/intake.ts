import { copyAgreementLinesInput, entitlement, entitlementInput } from '../../domain/intake'
import { orderRow } from '../../domain/orders'
import { method } from '../define'

/** Intake: hand-made orders under an agreement, and the entitlement panel of a new order (docs/adr/0018). */
export const intakeContract = {
  /** Agreements, warranty, open orders and subscriptions that apply to a customer's picked service objects. */
  'serviceOrders.entitlement': method(entitlementInput, entitlement, 'orders.read'),
  /** Copies lines of the order's agreement onto the order (a hand-made order under that agreement). */
  'serviceOrders.copyAgreementLines': method(copyAgreementLinesInput, orderRow, 'orders.write')
}
