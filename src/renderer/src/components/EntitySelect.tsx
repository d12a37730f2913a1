import { MultiSelect, Select, type SelectProps } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Input, MethodName } from '@shared/api/contract'
import { call } from '../lib/api'
import { useT } from '../lib/i18n'
import type { ListMethod, RowOf } from './ListPage'

type GetMethod<L extends ListMethod> = L extends `${infer N}.list` ? (`${N}.get` extends MethodName ? `${N}.get` : never) : never

interface EntitySelectProps<L extends ListMethod> extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  list: L
  labelOf: (row: RowOf<L>) => string
  value: number | null
  onChange: (id: number | null, row: RowOf<L> | null) => void
  /** Extra list filters, e.g. { customerId } for service objects. */
  filters?: Partial<Input<L>>
}

/**
 * A searchable select over a server list: it asks the list method with the typed text (so it works for
 * 40,000 service objects as well as for 8 skills) and fetches the label of the current value when the
 * first page does not contain it.
 */
export function EntitySelect<L extends ListMethod>({ list, labelOf, value, onChange, filters, ...rest }: EntitySelectProps<L>) {
  const t = useT()
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search, 200)
  const input = { ...filters, q, pageSize: 30 } as Input<L>
  const options = useQuery({
    queryKey: ['list', list, input],
    queryFn: () => call(list, input),
    placeholderData: keepPreviousData
  })
  const rows = (options.data?.rows ?? []) as RowOf<L>[]
  const getMethod = list.replace(/\.list$/, '.get') as GetMethod<L>
  const inPage = rows.find((r) => (r as { id: number }).id === value)
  const current = useQuery({
    queryKey: ['record', list.replace(/\.list$/, ''), value ?? 0],
    queryFn: () => call(getMethod as MethodName, { id: value! } as never),
    enabled: value !== null && !inPage
  })
  const selected = (inPage ?? current.data ?? null) as RowOf<L> | null
  const all = selected && !inPage ? [selected, ...rows] : rows
  const data = all.map((r) => ({ value: String((r as { id: number }).id), label: labelOf(r) }))

  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={options.isFetching ? t('common.searching') : t('common.nothingFound')}
      {...rest}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(v) => {
        const row = all.find((r) => String((r as { id: number }).id) === v) ?? null
        onChange(v === null ? null : Number(v), row)
      }}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
    />
  )
}

interface SmallMultiSelectProps<L extends ListMethod> {
  list: L
  labelOf: (row: RowOf<L>) => string
  value: number[]
  onChange: (ids: number[]) => void
  label: string
  error?: React.ReactNode
  placeholder?: string
  disabled?: boolean
  /** Extra list filters, e.g. { customerId } for one customer's service objects. */
  filters?: Partial<Input<L>>
}

/** Multi-select over a short list (skills, teams): loads it whole. */
export function SmallMultiSelect<L extends ListMethod>({ list, labelOf, value, onChange, filters, ...rest }: SmallMultiSelectProps<L>) {
  const input = { ...filters, pageSize: 500 } as Input<L>
  const options = useQuery({ queryKey: ['list', list, input], queryFn: () => call(list, input) })
  const data = ((options.data?.rows ?? []) as RowOf<L>[]).map((r) => ({ value: String((r as { id: number }).id), label: labelOf(r) }))
  return <MultiSelect searchable {...rest} data={data} value={value.map(String)} onChange={(v) => onChange(v.map(Number))} />
}
