import { Button, Group, Pagination, Paper, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconChevronDown, IconChevronUp, IconDownload, IconPlus, IconSearch, IconSelector } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { memo, type ReactNode, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import type { Input, MethodName, Output } from '@shared/api/contract'
import { call, exportCsv } from '../lib/api'
import { today } from '../lib/today'
import { useFormat, useT } from '../lib/i18n'
import { showApiError } from '../lib/forms'
import classes from './ListPage.module.css'

/** The paged list methods (`x.list` answering `{ rows, total }`; e.g. savedViews.list is not one). */
export type ListMethod = {
  [M in MethodName]: M extends `${string}.list` ? (Output<M> extends { rows: unknown[]; total: number } ? M : never) : never
}[MethodName]
export type RowOf<M extends ListMethod> = Output<M>['rows'][number]

export interface Column<R> {
  key: string
  label: string
  /** Sort key understood by the list method; omit for unsortable columns. */
  sort?: string
  width?: number | string
  align?: 'left' | 'right' | 'center'
  render?: (row: R) => ReactNode
}

export interface ListPageProps<M extends ListMethod> {
  title: string
  method: M
  columns: Column<RowOf<M>>[]
  defaultSort: string
  /** The default sort's direction (e.g. newest first); ascending when omitted. */
  defaultDir?: 'asc' | 'desc'
  /** The list's own filters (besides the search box), already in the method's input shape. */
  filters?: Partial<Input<M>>
  filterControls?: ReactNode
  rowPath: (row: RowOf<M>) => string
  newPath?: string
  newLabel?: string
  exportName: string
  searchPlaceholder?: string
  /** Set when embedded in another screen: no page title, smaller page size. */
  embedded?: boolean
  /** Controlled search text (e.g. restored from a saved view); uncontrolled when omitted. */
  search?: string
  onSearchChange?: (q: string) => void
  /** Controlled sort (e.g. set by a view); uncontrolled from `defaultSort`/`defaultDir` when omitted. */
  sort?: ListSort
  onSortChange?: (sort: ListSort) => void
  /** Extra buttons next to "Export CSV" (e.g. a saved-views menu). */
  actions?: ReactNode
  /** Figures between the title and the filters (e.g. the return list's open-by-reason strip). */
  summary?: ReactNode
}

export interface ListSort {
  key: string
  dir: 'asc' | 'desc'
}

export const listKeys = {
  all: (method: ListMethod) => ['list', method] as const,
  page: (method: ListMethod, input: unknown) => ['list', method, input] as const
}

interface ListRowsProps<R> {
  rows: R[]
  columns: Column<R>[]
  rowPath: (row: R) => string
}

/**
 * The page of rows, rendered again only when the rows or the columns change: typing in the search box, a
 * background refetch or the export button re-render the list's frame, and a page is fifty rows of Mantine cells.
 * A list that keeps its own state above ListPage passes columns and rowPath that stay the same (OrdersList).
 * `data-render-count` is the number of renders, read by the lists spec.
 */
const ListRows = memo(function ListRows<R>({ rows, columns, rowPath }: ListRowsProps<R>) {
  const navigate = useNavigate()
  const renders = useRef(0)
  renders.current += 1
  return rows.map((row) => (
    <Table.Tr
      key={(row as { id: number }).id}
      data-render-count={renders.current}
      className={classes.row}
      tabIndex={0}
      onClick={() => navigate(rowPath(row))}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void navigate(rowPath(row))
      }}
    >
      {columns.map((c) => (
        <Table.Td key={c.key} style={{ textAlign: c.align ?? 'left' }}>
          {c.render ? c.render(row) : String((row as Record<string, unknown>)[c.key] ?? '')}
        </Table.Td>
      ))}
    </Table.Tr>
  ))
}) as <R>(props: ListRowsProps<R>) => ReactNode

/**
 * A server-paged, sorted, searchable list with CSV export of the current view (every matching row, not
 * only the page). Every master-data list is one of these.
 */
export function ListPage<M extends ListMethod>(props: ListPageProps<M>) {
  const t = useT()
  const f = useFormat()
  const navigate = useNavigate()
  const [ownQ, setOwnQ] = useState('')
  const q = props.search ?? ownQ
  const setQ = (v: string) => (props.onSearchChange ? props.onSearchChange(v) : setOwnQ(v))
  const [debouncedQ] = useDebouncedValue(q, 200)
  // Back to the first page whenever the filters change (a page number of another filter means nothing).
  const filterKey = JSON.stringify(props.filters ?? {})
  const [paging, setPaging] = useState({ filterKey, page: 1 })
  const page = paging.filterKey === filterKey ? paging.page : 1
  const setPage = (p: number) => setPaging({ filterKey, page: p })
  const [ownSort, setOwnSort] = useState<ListSort>({ key: props.defaultSort, dir: props.defaultDir ?? 'asc' })
  const sort = props.sort ?? ownSort
  const [exporting, setExporting] = useState(false)
  const pageSize = props.embedded ? 15 : 50

  const input = { ...props.filters, q: debouncedQ, page, pageSize, sort: sort.key, dir: sort.dir } as Input<M>
  const query = useQuery({
    queryKey: listKeys.page(props.method, input),
    queryFn: () => call(props.method, input),
    placeholderData: keepPreviousData
  })
  const data = query.data as Output<ListMethod> | undefined
  const rows = (data?.rows ?? []) as RowOf<M>[]
  const total = data?.total ?? 0
  const pages = Math.max(1, Math.ceil(total / pageSize))

  const toggleSort = (key: string) => {
    const next: ListSort = sort.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }
    if (props.onSortChange) props.onSortChange(next)
    else setOwnSort(next)
    setPage(1)
  }

  const doExport = async () => {
    setExporting(true)
    try {
      await exportCsv(props.method, { ...input, page: 1 }, `${props.exportName}-${today()}.csv`)
    } catch (e) {
      showApiError(e)
    } finally {
      setExporting(false)
    }
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        {props.embedded ? <span /> : <Title order={3}>{props.title}</Title>}
        <Group gap="xs">
          {props.actions}
          <Button variant="default" size="xs" leftSection={<IconDownload size={14} />} loading={exporting} onClick={doExport}>
            {t('common.exportCsv')}
          </Button>
          {props.newPath && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => navigate(props.newPath!)}>
              {props.newLabel ?? t('common.new')}
            </Button>
          )}
        </Group>
      </Group>
      {props.summary}
      <Group gap="xs" align="end">
        <TextInput
          size="xs"
          w={280}
          placeholder={props.searchPlaceholder ?? t('common.search')}
          aria-label={t('common.list.searchAria', { what: props.title.toLowerCase() })}
          leftSection={<IconSearch size={14} />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value)
            setPage(1)
          }}
        />
        {props.filterControls}
        <Text size="xs" c="dimmed" ml="auto" data-testid="list-total">
          {data?.capped
            ? t('common.list.totalAtLeast', { n: f.number(total, 0) })
            : t('common.list.total', { count: total, n: f.number(total, 0) })}
        </Text>
      </Group>
      <Paper withBorder radius="sm" className={classes.tableWrap}>
        <Table striped highlightOnHover stickyHeader verticalSpacing={4} fz="sm" className={classes.table}>
          <Table.Thead>
            <Table.Tr>
              {props.columns.map((c) => (
                <Table.Th key={c.key} w={c.width} style={{ textAlign: c.align ?? 'left' }}>
                  {c.sort ? (
                    <UnstyledButton className={classes.sortButton} onClick={() => toggleSort(c.sort!)}>
                      {c.label}
                      {sort.key === c.sort ? (
                        sort.dir === 'asc' ? (
                          <IconChevronUp size={12} />
                        ) : (
                          <IconChevronDown size={12} />
                        )
                      ) : (
                        <IconSelector size={12} opacity={0.4} />
                      )}
                    </UnstyledButton>
                  ) : (
                    c.label
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <ListRows rows={rows} columns={props.columns} rowPath={props.rowPath} />
            {rows.length === 0 && !query.isFetching && (
              <Table.Tr>
                <Table.Td colSpan={props.columns.length}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    {q ? t('common.list.noMatches') : t('common.list.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      {pages > 1 && <Pagination size="sm" total={pages} value={page} onChange={setPage} />}
      {query.isError && (
        <Text c="red" size="sm">
          {(query.error as Error).message}
        </Text>
      )}
    </Stack>
  )
}
