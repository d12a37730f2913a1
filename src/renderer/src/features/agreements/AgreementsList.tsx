import { Button, Select } from '@mantine/core'
import { IconPlayerPlay } from '@tabler/icons-react'
import { useState } from 'react'
import { AGREEMENT_STATUSES } from '@shared/api/domains/agreements'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { formatDate } from '../../lib/format'
import { useSession } from '../../lib/session'
import { GeneratorDialog } from './GeneratorDialog'
import type { ListFilter } from './useGenerator'
import { type AgreementStatus, STATUS_LABELS, StatusBadge } from './status'

export function AgreementsList() {
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
      customer && `customer ${customer.name}`,
      group && `group ${group.name}`,
      status && `status ${STATUS_LABELS[status].toLowerCase()}`,
      q.trim() && `“${q.trim()}”`
    ]
      .filter(Boolean)
      .join(', ')
  }

  return (
    <>
      <ListPage
        title="Service agreements"
        method="agreements.list"
        defaultSort="number"
        exportName="agreements"
        searchPlaceholder="Number, description or customer"
        search={q}
        onSearchChange={setQ}
        filters={{ customerId: filter.customerId, groupId: filter.groupId, status }}
        filterControls={
          <>
            <EntitySelect
              size="xs"
              w={220}
              placeholder="Any customer"
              aria-label="Customer filter"
              list="customers.list"
              labelOf={(c) => `${c.number} ${c.name}`}
              value={customer?.id ?? null}
              onChange={(id, row) => setCustomer(id === null || !row ? null : { id, name: row.name })}
            />
            <EntitySelect
              size="xs"
              w={180}
              placeholder="Any group"
              aria-label="Agreement group filter"
              list="agreementGroups.list"
              labelOf={(g) => g.name}
              value={group?.id ?? null}
              onChange={(id, row) => setGroup(id === null || !row ? null : { id, name: row.name })}
            />
            <Select
              size="xs"
              w={140}
              placeholder="Any status"
              aria-label="Status filter"
              clearable
              data={AGREEMENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
              value={status}
              onChange={(v) => setStatus(v as AgreementStatus | null)}
            />
          </>
        }
        actions={
          can('agreements.generate') && (
            <Button variant="light" size="xs" leftSection={<IconPlayerPlay size={14} />} onClick={() => setGenerating(true)}>
              Create service orders…
            </Button>
          )
        }
        newPath={can('agreements.write') ? '/agreements/new' : undefined}
        newLabel="New agreement"
        rowPath={(r) => `/agreements/${r.id}`}
        columns={[
          { key: 'number', label: 'No.', sort: 'number', width: 110 },
          { key: 'customerName', label: 'Customer', sort: 'customerName' },
          { key: 'description', label: 'Description' },
          { key: 'groupName', label: 'Group', sort: 'groupName', width: 140 },
          { key: 'startDate', label: 'Start', sort: 'startDate', width: 100, render: (r) => formatDate(r.startDate) },
          { key: 'endDate', label: 'End', sort: 'endDate', width: 100, render: (r) => (r.endDate ? formatDate(r.endDate) : '—') },
          { key: 'status', label: 'Status', width: 100, render: (r) => <StatusBadge agreement={r} size="xs" /> },
          { key: 'lineCount', label: 'Lines', align: 'right', width: 60 }
        ]}
      />
      {generating && <GeneratorDialog opened filter={filter} onClose={() => setGenerating(false)} />}
    </>
  )
}
