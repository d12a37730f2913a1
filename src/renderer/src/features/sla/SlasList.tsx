import { Badge, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { SlaRow } from '@shared/domain/sla'
import { ListPage } from '../../components/ListPage'
import { formatBusinessMinutes } from '../../components/SlaBadge'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'

/** "High 1 h / 8 h · Normal 4 h / 3 d": response and resolution per priority at a glance. */
function targetsText(t: TFunction, r: SlaRow): string {
  return r.targets
    .map(
      (x) =>
        `${t(`enums.priority.${x.priority}`)} ${formatBusinessMinutes(t, x.responseMinutes)} / ${formatBusinessMinutes(t, x.resolutionMinutes)}`
    )
    .join(' · ')
}

export function SlasList() {
  const t = useT()
  const { can } = useSession()
  return (
    <ListPage
      title={t('sla.list.title')}
      method="slaDefinitions.list"
      defaultSort="code"
      exportName="slas"
      searchPlaceholder={t('sla.list.search')}
      newPath={can('sla.configure') ? '/slas/new' : undefined}
      newLabel={t('sla.list.new')}
      rowPath={(r) => `/slas/${r.id}`}
      columns={[
        { key: 'code', label: t('sla.list.code'), sort: 'code', width: 140 },
        { key: 'name', label: t('sla.list.name'), sort: 'name' },
        {
          key: 'targets',
          label: t('sla.list.targets'),
          render: (r) => (
            <Text size="sm" truncate maw={420}>
              {targetsText(t, r)}
            </Text>
          )
        },
        {
          key: 'calendar',
          label: t('sla.list.calendar'),
          width: 110,
          render: (r) => (r.workingHours ? t('sla.list.own') : t('sla.list.shop'))
        },
        { key: 'inUse', label: t('sla.list.assigned'), align: 'right', width: 80 },
        {
          key: 'suspended',
          label: '',
          width: 100,
          render: (r) =>
            r.suspended ? (
              <Badge size="xs" color="gray" variant="light">
                {t('sla.list.suspended')}
              </Badge>
            ) : null
        }
      ]}
    />
  )
}
