import { Badge } from '@mantine/core'
import type { AgreementListRow } from '@shared/domain/agreements'
import type { AGREEMENT_STATUSES } from '@shared/api/domains/agreements'
import { today } from '../../lib/today'
import { useT } from '../../lib/i18n'

export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number]

const STATUS_COLORS: Record<AgreementStatus, string> = { active: 'teal', suspended: 'orange', template: 'violet', ended: 'gray' }

/** A template never produces orders; a suspended agreement produces none until resumed; then the dates. */
export function statusOf(a: Pick<AgreementListRow, 'isTemplate' | 'suspended' | 'endDate'>): AgreementStatus {
  if (a.isTemplate) return 'template'
  if (a.suspended) return 'suspended'
  if (a.endDate !== null && a.endDate < today()) return 'ended'
  return 'active'
}

export function StatusBadge({
  agreement,
  size = 'sm'
}: {
  agreement: Pick<AgreementListRow, 'isTemplate' | 'suspended' | 'endDate'>
  size?: 'xs' | 'sm'
}) {
  const t = useT()
  const s = statusOf(agreement)
  return (
    <Badge size={size} variant="light" color={STATUS_COLORS[s]} data-testid="agreement-status">
      {t(`agreements.status.${s}`)}
    </Badge>
  )
}
