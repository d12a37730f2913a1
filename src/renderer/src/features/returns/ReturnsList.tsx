import { Button, Checkbox, Select } from '@mantine/core'
import { IconBarcode, IconBuildingWarehouse, IconPencilPlus, IconPlus, IconZoomCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { Link } from 'react-router'
import { RETURN_STATUSES, type ReturnStatus } from '@shared/domain/returns'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { ArrivalDialog } from './ArrivalDialog'
import { FindInvoiceDialog } from './FindInvoiceDialog'
import { ManualReturnDialog } from './NewReturnDialogs'
import { ReturnFiguresStrip } from './ReturnFigures'
import { ReturnStatusBadge, useShopToday } from './shared'

interface Filters {
  status: ReturnStatus | null
  customerId: number | null
  reasonId: number | null
  overdue: boolean
}

/** Return orders, newest first; filters by status, customer, reason and overdue deadline. */
export function ReturnsList() {
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  const today = useShopToday()
  const [filters, setFilters] = useState<Filters>({ status: null, customerId: null, reasonId: null, overdue: false })
  const [dialog, setDialog] = useState<'invoice' | 'manual' | 'arrival' | null>(null)
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((x) => ({ ...x, [k]: v }))
  return (
    <>
      <ListPage
        title={t('returns.title')}
        method="returns.list"
        defaultSort="createdDate"
        defaultDir="desc"
        exportName={t('returns.exportName')}
        searchPlaceholder={t('returns.list.searchPlaceholder')}
        filters={filters}
        summary={
          <ReturnFiguresStrip
            onReason={(reasonId) => setFilters((x) => ({ ...x, reasonId, overdue: false }))}
            onOverdue={() => setFilters((x) => ({ ...x, reasonId: null, overdue: true }))}
          />
        }
        actions={
          <>
            <Button size="xs" variant="default" component={Link} to="/returns/inspection" leftSection={<IconZoomCheck size={14} />}>
              {t('returns.inspection.title')}
            </Button>
            <Button size="xs" variant="default" component={Link} to="/return-stock" leftSection={<IconBuildingWarehouse size={14} />}>
              {t('returns.stock.title')}
            </Button>
            {can('returns.write') && (
              <>
                <Button size="xs" variant="default" leftSection={<IconBarcode size={14} />} onClick={() => setDialog('arrival')}>
                  {t('returns.arrival.open')}
                </Button>
                <Button size="xs" variant="default" leftSection={<IconPencilPlus size={14} />} onClick={() => setDialog('manual')}>
                  {t('returns.manual.open')}
                </Button>
                <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setDialog('invoice')}>
                  {t('returns.find.open')}
                </Button>
              </>
            )}
          </>
        }
        filterControls={
          <>
            <Select
              size="xs"
              w={140}
              placeholder={t('returns.list.anyStatus')}
              aria-label={t('returns.list.statusFilter')}
              clearable
              data={RETURN_STATUSES.map((s) => ({ value: s, label: t(`enums.returnStatus.${s}`) }))}
              value={filters.status}
              onChange={(v) => set('status', v as ReturnStatus | null)}
            />
            <EntitySelect
              size="xs"
              w={200}
              placeholder={t('returns.list.anyCustomer')}
              aria-label={t('returns.list.customerFilter')}
              list="customers.list"
              labelOf={(c) => `${c.number} ${c.name}`}
              value={filters.customerId}
              onChange={(v) => set('customerId', v)}
            />
            <EntitySelect
              size="xs"
              w={180}
              placeholder={t('returns.list.anyReason')}
              aria-label={t('returns.list.reasonFilter')}
              list="returnReasons.list"
              labelOf={(r) => `${r.code} ${r.name}`}
              value={filters.reasonId}
              onChange={(v) => set('reasonId', v)}
            />
            <Checkbox
              size="xs"
              label={t('returns.list.overdue')}
              checked={filters.overdue}
              onChange={(e) => set('overdue', e.currentTarget.checked)}
            />
          </>
        }
        rowPath={(r) => `/returns/${r.id}`}
        columns={[
          { key: 'number', label: t('returns.list.number'), sort: 'number', width: 120 },
          {
            key: 'status',
            label: t('returns.list.status'),
            sort: 'status',
            width: 110,
            render: (r) => <ReturnStatusBadge status={r.status} />
          },
          { key: 'customerName', label: t('returns.list.customer'), sort: 'customerName' },
          { key: 'reason', label: t('returns.list.reason'), render: (r) => `${r.reasonCode} ${r.reasonName}` },
          { key: 'createdDate', label: t('returns.list.created'), sort: 'createdDate', render: (r) => f.date(r.createdDate) },
          {
            key: 'deadline',
            label: t('returns.list.deadline'),
            sort: 'deadline',
            render: (r) =>
              r.deadline < today && r.expectedCount > 0 && r.status !== 'cancelled' ? `${f.date(r.deadline)} ⚠` : f.date(r.deadline)
          },
          {
            key: 'lines',
            label: t('returns.list.lines'),
            align: 'right',
            render: (r) => t('returns.list.expectedOf', { expected: r.expectedCount, lines: r.lineCount })
          }
        ]}
      />
      <FindInvoiceDialog opened={dialog === 'invoice'} onClose={() => setDialog(null)} />
      <ManualReturnDialog opened={dialog === 'manual'} onClose={() => setDialog(null)} />
      <ArrivalDialog opened={dialog === 'arrival'} onClose={() => setDialog(null)} />
    </>
  )
}
