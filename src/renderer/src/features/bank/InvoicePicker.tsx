import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { OpenInvoiceRow } from '@shared/domain/bank'
import { call } from '../../lib/api'
import { useFormat, useT } from '../../lib/i18n'

interface Props {
  /** Offered first: the proposal and the candidates of an ambiguous entry. */
  offered: OpenInvoiceRow[]
  currency: string
  value: number | null
  onChange: (id: number | null) => void
  'aria-label': string
}

/** An open invoice to pay an entry with: the matcher's candidates, and any other by number, customer or reference. */
export function InvoicePicker({ offered, currency, value, onChange, ...rest }: Props) {
  const t = useT()
  const f = useFormat()
  const [opened, setOpened] = useState(false)
  const [search, setSearch] = useState('')
  const [typed] = useDebouncedValue(search, 200)
  const label = (r: OpenInvoiceRow) =>
    t('bank.statement.invoiceOption', { number: r.number, customer: r.customerName, open: f.money(r.openAmount, r.currency) })
  const [chosen, setChosen] = useState<OpenInvoiceRow | null>(() => offered.find((o) => o.id === value) ?? null)
  // The select shows the chosen invoice's label in its search box: that is no search.
  const q = chosen && typed === label(chosen) ? '' : typed
  // Asked only while the dropdown is open: a statement has dozens of rows, each with its own picker.
  const found = useQuery({
    queryKey: ['list', 'bankEntries.openInvoices', { q, currency }],
    queryFn: () => call('bankEntries.openInvoices', { q, currency }),
    enabled: opened,
    placeholderData: keepPreviousData
  })
  const rows = [...new Map([...offered, ...(chosen ? [chosen] : []), ...(found.data ?? [])].map((r) => [r.id, r])).values()]
  return (
    <Select
      size="xs"
      searchable
      clearable
      placeholder={t('bank.statement.chooseInvoice')}
      nothingFoundMessage={found.isFetching ? t('common.searching') : t('common.nothingFound')}
      aria-label={rest['aria-label']}
      data={rows.map((r) => ({ value: String(r.id), label: label(r) }))}
      value={value === null ? null : String(value)}
      onChange={(v) => {
        const row = rows.find((r) => String(r.id) === v) ?? null
        setChosen(row)
        onChange(row?.id ?? null)
      }}
      onDropdownOpen={() => setOpened(true)}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      comboboxProps={{ width: 420, position: 'bottom-end' }}
    />
  )
}
