import type { Column, RowOf } from '../../components/ListPage'
import { useMemo } from 'react'
import type { TFunction } from 'i18next'
import type { Formats } from '@shared/i18n/format'
import { useFormat, useT } from '../../lib/i18n'
import { StatusBadge } from './status'

type AgreementColumn = Column<RowOf<'agreements.list'>>

/**
 * The columns of the agreement list, by name, for every list of agreements to pick from (the main list, a customer's
 * tab). The same objects until the language or the formats change, as the order list's.
 */
export function useAgreementColumns() {
  const t = useT()
  const f = useFormat()
  return useMemo(() => agreementColumns(t, f), [t, f])
}

function agreementColumns(t: TFunction, f: Formats) {
  return {
    number: { key: 'number', label: t('agreements.col.no'), sort: 'number', width: 110 },
    customerName: { key: 'customerName', label: t('agreements.col.customer'), sort: 'customerName' },
    description: { key: 'description', label: t('agreements.col.description') },
    groupName: { key: 'groupName', label: t('agreements.col.group'), sort: 'groupName', width: 140 },
    startDate: { key: 'startDate', label: t('agreements.col.start'), sort: 'startDate', width: 100, render: (r) => f.date(r.startDate) },
    endDate: {
      key: 'endDate',
      label: t('agreements.col.end'),
      sort: 'endDate',
      width: 100,
      render: (r) => (r.endDate ? f.date(r.endDate) : '—')
    },
    status: { key: 'status', label: t('agreements.col.status'), width: 100, render: (r) => <StatusBadge agreement={r} size="xs" /> },
    lineCount: { key: 'lineCount', label: t('agreements.col.lines'), align: 'right', width: 60 }
  } satisfies Record<string, AgreementColumn>
}
