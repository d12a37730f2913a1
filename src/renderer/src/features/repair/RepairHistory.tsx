import { Badge, Button, Checkbox } from '@mantine/core'
import { IconFileTypePdf } from '@tabler/icons-react'
import { useState } from 'react'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { call } from '../../lib/api'
import { usePdf } from '../../lib/usePdf'
import { PrintButton } from '../../components/PrintButton'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'

/**
 * Repair history: every repair line, newest first, per object (embedded on its page) or per technician, and
 * the repeat failures for the manager. A technician sees their own repairs.
 */
export function RepairHistory({ serviceObjectId }: { serviceObjectId?: number }) {
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  const [repeatsOnly, setRepeatsOnly] = useState(false)
  const [workerId, setWorkerId] = useState<number | null>(null)
  const embedded = serviceObjectId !== undefined
  const pdf = usePdf(() => call('repairLines.historyPdf', { serviceObjectId: serviceObjectId! }))
  return (
    <ListPage
      embedded={embedded}
      title={t('repair.history.title')}
      method="repairLines.list"
      defaultSort="createdAt"
      defaultDir="desc"
      exportName={embedded ? `repairs-${serviceObjectId}` : 'repairs'}
      searchPlaceholder={t('repair.history.search')}
      filters={{ serviceObjectId: serviceObjectId ?? null, workerId, repeatsOnly }}
      actions={
        embedded && (
          <>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconFileTypePdf size={14} />}
              loading={pdf.download.isPending}
              onClick={() => pdf.download.mutate()}
              data-testid="repair-history-pdf"
            >
              {t('repair.history.pdf')}
            </Button>
            <PrintButton onPrint={() => pdf.print.mutate()} loading={pdf.print.isPending} testId="repair-history-print" />
          </>
        )
      }
      filterControls={
        <>
          {!embedded && can('orders.write') && (
            <EntitySelect
              placeholder={t('repair.lines.technician')}
              list="workers.list"
              labelOf={(w) => w.name}
              value={workerId}
              onChange={setWorkerId}
              clearable
              w={200}
            />
          )}
          <Checkbox
            label={t('repair.history.repeatsOnly')}
            checked={repeatsOnly}
            onChange={(e) => setRepeatsOnly(e.currentTarget.checked)}
            data-testid="repeats-only"
          />
        </>
      }
      rowPath={(r) => `/orders/${r.orderId}`}
      columns={[
        { key: 'createdAt', label: t('repair.history.entered'), sort: 'createdAt', width: 140, render: (r) => f.dateTime(r.createdAt) },
        { key: 'orderNumber', label: t('repair.structure.order'), sort: 'orderNumber', width: 120 },
        ...(embedded ? [] : [{ key: 'objectName', label: t('repair.lines.object'), sort: 'objectName' }]),
        {
          key: 'symptomCodeName',
          label: t('repair.kinds.symptomCode'),
          render: (r) => (
            <>
              {r.symptomCodeName ?? t('common.none')}
              {r.repeatOfOrderNumber && (
                <Badge ml={6} size="xs" color="orange" variant="light">
                  {t('repair.lines.repeatOf', { order: r.repeatOfOrderNumber })}
                </Badge>
              )}
            </>
          )
        },
        { key: 'diagnosisCodeName', label: t('repair.kinds.diagnosisCode'), render: (r) => r.diagnosisCodeName ?? t('common.none') },
        { key: 'resolutionName', label: t('repair.kinds.resolution'), render: (r) => r.resolutionName ?? t('common.none') },
        { key: 'workerName', label: t('repair.lines.technician'), render: (r) => r.workerName ?? t('common.none') },
        {
          key: 'finishedAt',
          label: t('repair.lines.finishedAt'),
          sort: 'finishedAt',
          render: (r) => (r.finishedAt === null ? t('common.none') : f.dateTime(r.finishedAt))
        }
      ]}
    />
  )
}
