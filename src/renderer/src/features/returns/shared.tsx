import { Badge } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import type { ReturnLineStatus, ReturnStatus } from '@shared/domain/returns'
import { dateOf } from '@shared/time'
import { useT } from '../../lib/i18n'
import { useTimeZone } from '../../lib/settings'

export const returnKey = (id: number) => ['record', 'returns', id] as const

const STATUS_COLOR: Record<ReturnStatus, string> = { created: 'blue', open: 'orange', closed: 'teal', cancelled: 'gray' }
const LINE_COLOR: Record<ReturnLineStatus, string> = {
  expected: 'blue',
  registered: 'orange',
  received: 'violet',
  credited: 'teal',
  closed: 'gray'
}

export function ReturnStatusBadge({ status }: { status: ReturnStatus }) {
  const t = useT()
  return (
    <Badge size="xs" variant="light" color={STATUS_COLOR[status]} data-testid="return-status">
      {t(`enums.returnStatus.${status}`)}
    </Badge>
  )
}

export function LineStatusBadge({ status, quarantine }: { status: ReturnLineStatus; quarantine: boolean }) {
  const t = useT()
  return (
    <Badge size="xs" variant="light" color={quarantine ? 'red' : LINE_COLOR[status]}>
      {quarantine ? t('enums.stockLocation.quarantine') : t(`enums.returnLineStatus.${status}`)}
    </Badge>
  )
}

/** Lists and the record change together after every return action. */
export function useRefreshReturns() {
  const qc = useQueryClient()
  return (id?: number) => {
    void qc.invalidateQueries({ queryKey: ['list'] })
    if (id !== undefined) void qc.invalidateQueries({ queryKey: returnKey(id) })
  }
}

export function useShopToday(): string {
  const tz = useTimeZone()
  return dateOf(Date.now(), tz)
}
