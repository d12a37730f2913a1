import type { intakeContract } from '@shared/api/domains/intake'
import type { HandlersOf } from '../core/handlers'
import { entitlementFor } from './entitlement'
import { copyAgreementLines } from './fromAgreement'

/** Intake: the entitlement panel and copying an agreement's lines (docs/adr/0018). No lists, so no CSV sources. */
export const intakeHandlers = {
  'serviceOrders.entitlement': entitlementFor,
  'serviceOrders.copyAgreementLines': copyAgreementLines
} satisfies HandlersOf<typeof intakeContract>
