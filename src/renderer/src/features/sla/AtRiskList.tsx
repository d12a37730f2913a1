import { Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { ListPage } from '../../components/ListPage'
import { SlaBadge } from '../../components/SlaBadge'
import { useFormat, useT } from '../../lib/i18n'
import { PriorityBadge } from '../orders/badges'
import { settingsQuery } from '../../lib/settings'

/** Open orders whose next SLA target is breached, due today or within the at-risk threshold: the dispatcher's worry list. */
export function AtRiskList() {
  const t = useT()
  const f = useFormat()
  const settings = useQuery(settingsQuery)
  return (
    <ListPage
      title={t('sla.atRisk.title')}
      method="slaAtRisk.list"
      defaultSort="deadline"
      exportName="sla-at-risk"
      searchPlaceholder={t('sla.atRisk.search')}
      rowPath={(r) => `/orders/${r.id}`}
      actions={
        settings.data && (
          <Text size="xs" c="dimmed">
            {t('sla.atRisk.explain', { minutes: settings.data.slaAtRiskMinutes })}
          </Text>
        )
      }
      columns={[
        { key: 'sla', label: t('sla.atRisk.sla'), width: 170, render: (r) => <SlaBadge badge={r.sla} /> },
        {
          key: 'deadline',
          label: t('sla.atRisk.due'),
          sort: 'deadline',
          width: 140,
          render: (r) => f.dateTime(r.sla?.deadline ?? null) || '—'
        },
        { key: 'number', label: t('sla.atRisk.number'), sort: 'number', width: 100 },
        { key: 'customerName', label: t('sla.atRisk.customer'), sort: 'customerName' },
        {
          key: 'description',
          label: t('sla.atRisk.description'),
          render: (r) => (
            <Text size="sm" truncate maw={260}>
              {r.description}
            </Text>
          )
        },
        {
          key: 'priority',
          label: t('sla.atRisk.priority'),
          sort: 'priority',
          width: 80,
          render: (r) => <PriorityBadge priority={r.priority} size="xs" />
        },
        { key: 'stageName', label: t('sla.atRisk.stage'), sort: 'stageName' },
        { key: 'responsibleName', label: t('sla.atRisk.responsible'), render: (r) => r.responsibleName ?? '—' }
      ]}
    />
  )
}
