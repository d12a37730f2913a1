import { Alert, Anchor, Breadcrumbs, Button, Group, Loader, Menu, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core'
import { IconDotsVertical, IconDownload, IconX } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import type { ReturnLineRow } from '@shared/domain/returns'
import { ConfirmButton } from '../../components/ConfirmButton'
import { call } from '../../lib/api'
import { usePdf } from '../../lib/usePdf'
import { PrintButton } from '../../components/PrintButton'
import { showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { DisposeDialog, RegisterDialog, UpFrontDialog } from './LineDialogs'
import { LineStatusBadge, returnKey, ReturnStatusBadge, useRefreshReturns, useShopToday } from './shared'

type Action = { kind: 'register' | 'dispose' | 'upFront'; line: ReturnLineRow } | null

/** A return order: header, lines with their state and outcome, links to invoice, credit note and orders, timeline. */
export function ReturnPage() {
  const { id } = useParams()
  const returnId = Number(id)
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  const refresh = useRefreshReturns()
  const today = useShopToday()
  const query = useQuery({ queryKey: returnKey(returnId), queryFn: () => call('returns.get', { id: returnId }) })
  const [action, setAction] = useState<Action>(null)
  const pdf = usePdf((document: 'rma' | 'acknowledgement') => call('returns.pdf', { id: returnId, document }))
  const cancel = useMutation({
    mutationFn: () => call('returns.cancel', { id: returnId, version: query.data!.version }),
    onSuccess: () => refresh(returnId),
    onError: (e) => showApiError(e)
  })
  const shipBack = useMutation({
    mutationFn: (l: ReturnLineRow) => call('returns.shipBack', { lineId: l.id, version: l.version, date: today }),
    onSuccess: () => refresh(returnId),
    onError: (e) => showApiError(e)
  })

  if (query.isLoading) return <Loader m="xl" />
  if (!query.data) {
    return (
      <Alert color="red" title={t('returns.cannotOpen')}>
        {(query.error as Error | null)?.message}
      </Alert>
    )
  }
  const r = query.data
  const writable = can('returns.write') && r.status !== 'cancelled'
  const orderLink = (id: number | null, number: string | null) =>
    id === null ? null : (
      <Anchor component={Link} to={`/orders/${id}`} size="sm">
        {number}
      </Anchor>
    )

  return (
    <Stack gap="sm" maw={1200}>
      <Breadcrumbs fz="sm">
        <Anchor component={Link} to="/returns">
          {t('returns.title')}
        </Anchor>
        <Text size="sm">{r.number}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={3}>{r.number}</Title>
            <ReturnStatusBadge status={r.status} />
          </Group>
          <Text size="sm" c="dimmed" mt={2}>
            {`${r.customerName} · ${r.reasonCode} ${r.reasonName} · ${t('returns.page.created', { date: f.date(r.createdDate) })} · ${t('returns.page.deadline', { date: f.date(r.deadline) })}`}
          </Text>
          <Group gap="xs" mt={2}>
            {r.sourceOrderId !== null && (
              <Text size="sm" c="dimmed">
                {t('returns.page.fromOrder')} {orderLink(r.sourceOrderId, r.sourceOrderNumber)}
              </Text>
            )}
            {r.replacementOrderId !== null && (
              <Text size="sm" c="dimmed" data-testid="replacement-order">
                {t('returns.page.replacementOrder')} {orderLink(r.replacementOrderId, r.replacementOrderNumber)}
              </Text>
            )}
          </Group>
        </div>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} />}
            loading={pdf.download.isPending}
            onClick={() => pdf.download.mutate('rma')}
          >
            {t('returns.page.rmaPdf')}
          </Button>
          <PrintButton
            onPrint={() => pdf.print.mutate('rma')}
            loading={pdf.print.isPending}
            what={t('returns.page.rmaPdf')}
            testId="rma-print"
          />
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} />}
            onClick={() => pdf.download.mutate('acknowledgement')}
          >
            {t('returns.page.ackPdf')}
          </Button>
          <PrintButton onPrint={() => pdf.print.mutate('acknowledgement')} what={t('returns.page.ackPdf')} testId="acknowledgement-print" />
          {writable && r.status === 'created' && (
            <ConfirmButton
              size="xs"
              color="red"
              variant="light"
              leftSection={<IconX size={14} />}
              title={t('returns.page.cancelTitle', { number: r.number })}
              message={t('returns.page.cancelConfirm')}
              confirmLabel={t('returns.page.cancel')}
              onConfirm={() => cancel.mutate()}
            >
              {t('returns.page.cancel')}
            </ConfirmButton>
          )}
        </Group>
      </Group>

      <Paper withBorder p={0}>
        <Table fz="sm" verticalSpacing={4} data-testid="return-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>#</Table.Th>
              <Table.Th>{t('returns.page.item')}</Table.Th>
              <Table.Th>{t('returns.page.serial')}</Table.Th>
              <Table.Th ta="right">{t('returns.page.quantity')}</Table.Th>
              <Table.Th ta="right">{t('returns.page.price')}</Table.Th>
              <Table.Th>{t('returns.page.invoice')}</Table.Th>
              <Table.Th>{t('returns.page.status')}</Table.Th>
              <Table.Th>{t('returns.page.disposition')}</Table.Th>
              <Table.Th>{t('returns.page.outcome')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.lines.map((l) => (
              <Table.Tr key={l.id} data-testid={`return-line-${l.lineNo}`}>
                <Table.Td>{l.lineNo}</Table.Td>
                <Table.Td>
                  {[l.itemNumber, l.description].filter(Boolean).join(' · ')}
                  {l.inspectionNote && (
                    <Text size="xs" c="dimmed">
                      {l.inspectionNote}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{l.serialNumber}</Table.Td>
                <Table.Td ta="right">{`${f.quantity(l.quantity)} ${l.unit}`}</Table.Td>
                <Table.Td ta="right">{f.money(l.returnPrice)}</Table.Td>
                <Table.Td>{l.invoiceNumber}</Table.Td>
                <Table.Td>
                  <LineStatusBadge status={l.status} quarantine={l.quarantine} />
                </Table.Td>
                <Table.Td>{l.dispositionAction ? t(`enums.dispositionAction.${l.dispositionAction}`) : ''}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {l.creditNoteId !== null && (
                      <Anchor component={Link} to={`/invoices/${l.creditNoteId}`} size="sm" data-testid="credit-note-link">
                        {l.creditNoteNumber}
                      </Anchor>
                    )}
                    {orderLink(l.resultOrderId, l.resultOrderNumber)}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {writable && (l.status === 'expected' || l.status === 'registered' || l.status === 'received') && (
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <Button size="compact-xs" variant="subtle" aria-label={t('returns.page.lineActions', { lineNo: l.lineNo })}>
                          <IconDotsVertical size={14} />
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {l.status === 'expected' && (
                          <Menu.Item onClick={() => setAction({ kind: 'register', line: l })}>{t('returns.page.register')}</Menu.Item>
                        )}
                        {l.status !== 'received' && (
                          <Menu.Item onClick={() => setAction({ kind: 'dispose', line: l })}>{t('returns.page.dispose')}</Menu.Item>
                        )}
                        {l.status === 'expected' && l.upFrontOrderId === null && (
                          <Menu.Item onClick={() => setAction({ kind: 'upFront', line: l })}>{t('returns.upFront.menu')}</Menu.Item>
                        )}
                        {l.status === 'received' && <Menu.Item onClick={() => shipBack.mutate(l)}>{t('returns.page.shipBack')}</Menu.Item>}
                      </Menu.Dropdown>
                    </Menu>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="sm">
        <Text fw={600} size="sm" mb="xs">
          {t('returns.page.timeline')}
        </Text>
        <Timeline bulletSize={10} lineWidth={1}>
          {r.events.map((e, n) => (
            <Timeline.Item
              key={n}
              title={<Text size="sm">{t(`returns.events.${e.event}`, { lineNo: e.lineNo ?? '', detail: e.detail })}</Text>}
            >
              <Text size="xs" c="dimmed">{`${f.dateTime(e.at)}${e.userName ? ` · ${e.userName}` : ''}`}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Paper>

      <RegisterDialog line={action?.kind === 'register' ? action.line : null} returnId={r.id} onClose={() => setAction(null)} />
      <DisposeDialog line={action?.kind === 'dispose' ? action.line : null} returnId={r.id} onClose={() => setAction(null)} />
      <UpFrontDialog line={action?.kind === 'upFront' ? action.line : null} returnId={r.id} onClose={() => setAction(null)} />
    </Stack>
  )
}
