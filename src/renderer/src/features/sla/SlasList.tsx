import { Badge, Text } from '@mantine/core'
import { PRIORITY_LABELS } from '@shared/domain/orders'
import type { SlaRow } from '@shared/domain/sla'
import { formatMinutes } from '@shared/sla/clock'
import { ListPage } from '../../components/ListPage'
import { useSession } from '../../lib/session'

/** "High 1 h / 8 h · Normal 4 h / 3 d": response and resolution per priority at a glance. */
function targetsText(r: SlaRow): string {
  return r.targets
    .map((t) => `${PRIORITY_LABELS[t.priority]} ${formatMinutes(t.responseMinutes)} / ${formatMinutes(t.resolutionMinutes)}`)
    .join(' · ')
}

export function SlasList() {
  const { can } = useSession()
  return (
    <ListPage
      title="SLAs"
      method="slaDefinitions.list"
      defaultSort="code"
      exportName="slas"
      searchPlaceholder="Code or name"
      newPath={can('sla.configure') ? '/slas/new' : undefined}
      newLabel="New SLA"
      rowPath={(r) => `/slas/${r.id}`}
      columns={[
        { key: 'code', label: 'Code', sort: 'code', width: 140 },
        { key: 'name', label: 'Name', sort: 'name' },
        {
          key: 'targets',
          label: 'Response / resolution (business time)',
          render: (r) => (
            <Text size="sm" truncate maw={420}>
              {targetsText(r)}
            </Text>
          )
        },
        { key: 'calendar', label: 'Calendar', width: 110, render: (r) => (r.workingHours ? 'Own' : 'Shop') },
        { key: 'inUse', label: 'Assigned', align: 'right', width: 80 },
        {
          key: 'suspended',
          label: '',
          width: 100,
          render: (r) =>
            r.suspended ? (
              <Badge size="xs" color="gray" variant="light">
                suspended
              </Badge>
            ) : null
        }
      ]}
    />
  )
}
