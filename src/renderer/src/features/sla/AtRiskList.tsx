import { Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { formatInstant } from '@shared/time'
import { ListPage } from '../../components/ListPage'
import { SlaBadge } from '../../components/SlaBadge'
import { PriorityBadge } from '../orders/badges'
import { settingsQuery, useTimeZone } from '../../lib/settings'

/** Open orders whose next SLA target is breached, due today or within the at-risk threshold: the dispatcher's worry list. */
export function AtRiskList() {
  const tz = useTimeZone()
  const settings = useQuery(settingsQuery)
  return (
    <ListPage
      title="SLAs at risk"
      method="slaAtRisk.list"
      defaultSort="deadline"
      exportName="sla-at-risk"
      searchPlaceholder="Number, description, customer"
      rowPath={(r) => `/orders/${r.id}`}
      actions={
        settings.data && (
          <Text size="xs" c="dimmed">
            Breached, due before the end of today, or with at most {settings.data.slaAtRiskMinutes} business minutes left
          </Text>
        )
      }
      columns={[
        { key: 'sla', label: 'SLA', width: 170, render: (r) => <SlaBadge badge={r.sla} /> },
        { key: 'deadline', label: 'Due', sort: 'deadline', width: 140, render: (r) => formatInstant(r.sla?.deadline ?? null, tz) || '—' },
        { key: 'number', label: 'No.', sort: 'number', width: 100 },
        { key: 'customerName', label: 'Customer', sort: 'customerName' },
        {
          key: 'description',
          label: 'Description',
          render: (r) => (
            <Text size="sm" truncate maw={260}>
              {r.description}
            </Text>
          )
        },
        {
          key: 'priority',
          label: 'Priority',
          sort: 'priority',
          width: 80,
          render: (r) => <PriorityBadge priority={r.priority} size="xs" />
        },
        { key: 'stageName', label: 'Stage', sort: 'stageName' },
        { key: 'responsibleName', label: 'Responsible', render: (r) => r.responsibleName ?? '—' }
      ]}
    />
  )
}
