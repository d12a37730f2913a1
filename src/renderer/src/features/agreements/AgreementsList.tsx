import { Button, Select } from '@mantine/core'
import { IconPlayerPlay } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { AGREEMENT_STATUSES } from '@shared/api/domains/agreements'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage, type RowOf } from '../../components/ListPage'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { GeneratorDialog } from './GeneratorDialog'
import type { ListFilter } from './useGenerator'
import { useAgreementColumns } from './columns'
import type { AgreementStatus } from './status'

// Module-level, as the columns below are kept: the search box's state lives here (see OrdersList).
const agreementPath = (r: RowOf<'agreements.list'>) => `/agreements/${r.id}`

export function AgreementsList() {
  const t = useT()
  const c = useAgreementColumns()
  const columns = useMemo(() => [c.number, c.customerName, c.description, c.groupName, c.startDate, c.endDate, c.status, c.lineCount], [c])
  const { can } = useSession()
  const [customer, setCustomer] = useState<{ id: number; name: string } | null>(null)
  const [group, setGroup] = useState<{ id: number; name: string } | null>(null)
  const [status, setStatus] = useState<AgreementStatus | null>(null)
  const [q, setQ] = useState('')
  const [generating, setGenerating] = useState(false)

  const filter: ListFilter = {
    customerId: customer?.id ?? null,
    groupId: group?.id ?? null,
    status,
    q: q.trim(),
    label: [
      customer && t('agreements.filterCustomer', { name: customer.name }),
      group && t('agreements.filterGroup', { name: group.name }),
      status && t('agreements.filterStatus', { status: t(`agreements.status.${status}`).toLowerCase() }),
      q.trim() && `“${q.trim()}”`
    ]
      .filter(Boolean)
      .join(', ')
  }

  return (
    <>
      <ListPage
        title={t('agreements.title')}
        method="agreements.list"
        defaultSort="number"
        exportName="agreements"
        searchPlaceholder={t('agreements.search')}
        search={q}
        onSearchChange={setQ}
        filters={{ customerId: filter.customerId, groupId: filter.groupId, status }}
        filterControls={
          <>
            <EntitySelect
              size="xs"
              w={220}
              placeholder={t('agreements.anyCustomer')}
              aria-label={t('agreements.customerAria')}
              list="customers.list"
              labelOf={(c) => `${c.number} ${c.name}`}
              value={customer?.id ?? null}
              onChange={(id, row) => setCustomer(id === null || !row ? null : { id, name: row.name })}
            />
            <EntitySelect
              size="xs"
              w={180}
              placeholder={t('agreements.anyGroup')}
              aria-label={t('agreements.groupAria')}
              list="agreementGroups.list"
              labelOf={(g) => g.name}
              value={group?.id ?? null}
              onChange={(id, row) => setGroup(id === null || !row ? null : { id, name: row.name })}
            />
            <Select
              size="xs"
              w={140}
              placeholder={t('agreements.anyStatus')}
              aria-label={t('agreements.statusAria')}
              clearable
              data={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreements.status.${s}`) }))}
              value={status}
              onChange={(v) => setStatus(v as AgreementStatus | null)}
            />
          </>
        }
        actions={
          can('agreements.generate') && (
            <Button variant="light" size="xs" leftSection={<IconPlayerPlay size={14} />} onClick={() => setGenerating(true)}>
              {t('agreements.createOrders')}
            </Button>
          )
        }
        newPath={can('agreements.write') ? '/agreements/new' : undefined}
        newLabel={t('agreements.new')}
        rowPath={agreementPath}
        columns={columns}
      />
      {generating && <GeneratorDialog opened filter={filter} onClose={() => setGenerating(false)} />}
    </>
  )
}
