import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconChecks, IconEyeOff } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import type { BankEntryRow, BankEntryStatus } from '@shared/domain/bank'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { InvoicePicker } from './InvoicePicker'

const statementKey = (id: number) => ['record', 'bankStatements', id] as const

const STATUS_KEY = {
  matched: 'bank.status.matched',
  ambiguous: 'bank.status.ambiguous',
  unmatched: 'bank.status.unmatched',
  confirmed: 'bank.status.confirmed',
  ignored: 'bank.status.ignored'
} as const
const STATUS_COLOR: Record<BankEntryStatus, string> = {
  matched: 'teal',
  ambiguous: 'yellow',
  unmatched: 'gray',
  confirmed: 'blue',
  ignored: 'gray'
}
const MATCHED_BY_KEY = {
  reference: 'bank.matchedBy.reference',
  invoiceNumber: 'bank.matchedBy.invoiceNumber',
  amountAndName: 'bank.matchedBy.amountAndName'
} as const

type Filter = BankEntryStatus | 'all'
const FILTERS: Filter[] = ['all', 'matched', 'ambiguous', 'unmatched', 'confirmed', 'ignored']

/**
 * One statement's incoming payments with the invoice proposed for each: the user checks the proposals,
 * chooses an invoice where the matcher found several or none, and confirms the selected ones as payments.
 */
export function BankStatementPage() {
  const { id } = useParams()
  const statementId = Number(id)
  const t = useT()
  const f = useFormat()
  const qc = useQueryClient()
  const statement = useQuery({ queryKey: statementKey(statementId), queryFn: () => call('bankStatements.get', { id: statementId }) })
  const [filter, setFilter] = useState<Filter>('all')
  /** The user's choices; an entry without one keeps its proposal, and a matched entry starts selected. */
  const [invoiceOf, setInvoiceOf] = useState<Record<number, number | null>>({})
  const [checked, setChecked] = useState<Record<number, boolean>>({})

  const done = () => {
    setChecked({})
    setInvoiceOf({})
    void qc.invalidateQueries({ queryKey: ['list'] })
    void qc.invalidateQueries({ queryKey: ['record'] })
  }
  const confirm = useMutation({
    mutationFn: (entries: { id: number; invoiceId: number }[]) => call('bankEntries.confirm', { entries }),
    onSuccess: (r) => {
      notifications.show({ color: 'teal', message: t('bank.statement.confirmedNote', { count: r.confirmed }), autoClose: 3000 })
      done()
    },
    onError: (e) => showApiError(e)
  })
  const ignore = useMutation({
    mutationFn: (ids: number[]) => call('bankEntries.ignore', { ids }),
    onSuccess: (r) => {
      notifications.show({ color: 'gray', message: t('bank.statement.ignoredNote', { count: r.ignored }), autoClose: 3000 })
      done()
    },
    onError: (e) => showApiError(e)
  })

  if (statement.isLoading) return <Loader m="xl" />
  if (!statement.data) {
    return (
      <Alert color="red" title={t('bank.statement.cannotOpen')}>
        {(statement.error as Error | null)?.message}
      </Alert>
    )
  }
  const s = statement.data
  const money = (cents: number, currency: string) => f.money(cents, currency)
  const open = (e: BankEntryRow) => e.status !== 'confirmed'
  const invoiceFor = (e: BankEntryRow) => (e.id in invoiceOf ? invoiceOf[e.id]! : (e.invoice?.id ?? null))
  const isChecked = (e: BankEntryRow) => open(e) && (checked[e.id] ?? e.status === 'matched')
  const shown = s.entries.filter((e) => filter === 'all' || e.status === filter)
  const selected = s.entries.filter(isChecked)
  const missingInvoice = selected.some((e) => invoiceFor(e) === null)
  const selectable = shown.filter(open)
  const allShownChecked = selectable.length > 0 && selectable.every(isChecked)
  const count = (status: BankEntryStatus) => s.entries.filter((e) => e.status === status).length

  return (
    <Stack gap="sm" maw={1400}>
      <Breadcrumbs fz="sm">
        <Anchor component={Link} to="/bank-statements">
          {t('bank.title')}
        </Anchor>
        <Text size="sm">{s.statementId}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>{s.statementId}</Title>
          <Text size="sm" c="dimmed" mt={2}>
            {[
              s.iban,
              s.fileName,
              t('bank.statement.imported', { at: f.dateTime(s.importedAt), name: s.importedByName }),
              money(s.creditTotal, s.currency)
            ]
              .filter((x) => x !== '')
              .join(' · ')}
          </Text>
        </div>
      </Group>

      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={FILTERS.map((k) => ({
            value: k,
            label: `${k === 'all' ? t('bank.statement.all') : t(STATUS_KEY[k])} ${k === 'all' ? s.entries.length : count(k)}`
          }))}
        />
        <Group gap="xs">
          {missingInvoice && (
            <Text size="xs" c="dimmed">
              {t('bank.statement.needInvoice')}
            </Text>
          )}
          <Button
            size="xs"
            variant="default"
            leftSection={<IconEyeOff size={14} />}
            disabled={selected.length === 0}
            loading={ignore.isPending}
            onClick={() => ignore.mutate(selected.map((e) => e.id))}
          >
            {t('bank.statement.ignoreSelected')}
          </Button>
          <Button
            size="xs"
            leftSection={<IconChecks size={14} />}
            disabled={selected.length === 0 || missingInvoice}
            loading={confirm.isPending}
            onClick={() => confirm.mutate(selected.map((e) => ({ id: e.id, invoiceId: invoiceFor(e)! })))}
          >
            {t('bank.statement.confirmSelected', { count: selected.length })}
          </Button>
        </Group>
      </Group>

      <Paper withBorder>
        <Table verticalSpacing={4} fz="sm" highlightOnHover data-testid="bank-entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>
                <Checkbox
                  size="xs"
                  aria-label={t('bank.statement.selectAll')}
                  checked={allShownChecked}
                  indeterminate={!allShownChecked && selectable.some(isChecked)}
                  disabled={selectable.length === 0}
                  onChange={() => setChecked((c) => ({ ...c, ...Object.fromEntries(selectable.map((e) => [e.id, !allShownChecked])) }))}
                />
              </Table.Th>
              <Table.Th w={95}>{t('bank.statement.date')}</Table.Th>
              <Table.Th w={200}>{t('bank.statement.payer')}</Table.Th>
              <Table.Th>{t('bank.statement.details')}</Table.Th>
              <Table.Th w={110} style={{ textAlign: 'right' }}>
                {t('bank.statement.amount')}
              </Table.Th>
              <Table.Th w={150}>{t('bank.statement.status')}</Table.Th>
              <Table.Th w={360}>{t('bank.statement.invoice')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((e) => (
              <Table.Tr key={e.id} data-status={e.status}>
                <Table.Td>
                  <Checkbox
                    size="xs"
                    aria-label={t('bank.statement.selectEntry', { payer: e.debtorName })}
                    disabled={!open(e)}
                    checked={isChecked(e)}
                    onChange={(ev) => {
                      const on = ev.currentTarget.checked
                      setChecked((c) => ({ ...c, [e.id]: on }))
                    }}
                  />
                </Table.Td>
                <Table.Td>{f.date(e.bookingDate)}</Table.Td>
                <Table.Td>{e.debtorName}</Table.Td>
                <Table.Td>
                  {e.referenceNumber !== '' && (
                    <Text span size="sm" mr="xs">
                      {t('bank.statement.reference', { reference: e.referenceNumber })}
                    </Text>
                  )}
                  <Text span size="sm" c="dimmed">
                    {e.remittance}
                  </Text>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{money(e.amount, e.currency)}</Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="light" color={STATUS_COLOR[e.status]}>
                    {t(STATUS_KEY[e.status])}
                  </Badge>
                  {e.matchedBy && e.status !== 'confirmed' && (
                    <Text size="xs" c="dimmed">
                      {t(MATCHED_BY_KEY[e.matchedBy])}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {e.status === 'confirmed' && e.invoice ? (
                    <Text size="sm">
                      <Anchor component={Link} to={`/invoices/${e.invoice.id}`} size="sm">
                        {e.invoice.number}
                      </Anchor>
                      {` · ${e.invoice.customerName}`}
                    </Text>
                  ) : (
                    <InvoicePicker
                      aria-label={t('bank.statement.chooseInvoice')}
                      offered={[...(e.invoice ? [e.invoice] : []), ...e.candidates]}
                      currency={e.currency}
                      value={invoiceFor(e)}
                      onChange={(v) => {
                        setInvoiceOf((m) => ({ ...m, [e.id]: v }))
                        if (v !== null) setChecked((c) => ({ ...c, [e.id]: true }))
                      }}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {shown.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text size="sm" c="dimmed" ta="center" py="sm">
                    {t('bank.statement.noEntries')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  )
}
