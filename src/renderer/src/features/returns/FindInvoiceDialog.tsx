import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { EntitySelect } from '../../components/EntitySelect'
import { QuantityCell } from '../../components/GridCells'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { useRefreshReturns, useShopToday } from './shared'

/** "Find invoice": the customer's invoice lines with what may still be returned; the chosen quantities become a return. */
export function FindInvoiceDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT()
  return (
    <Modal opened={opened} onClose={onClose} title={t('returns.find.title')} size="xl">
      {opened && <FindInvoiceForm onClose={onClose} />}
    </Modal>
  )
}

function FindInvoiceForm({ onClose }: { onClose: () => void }) {
  const t = useT()
  const f = useFormat()
  const navigate = useNavigate()
  const refresh = useRefreshReturns()
  const today = useShopToday()
  const [customerId, setCustomerId] = useState<number | null>(null)
  const [reasonId, setReasonId] = useState<number | null>(null)
  const [asks, setAsks] = useState<Record<number, number>>({})
  const lines = useQuery({
    queryKey: ['returns.returnable', customerId],
    queryFn: () => call('returns.returnable', { customerId: customerId! }),
    enabled: customerId !== null
  })
  const chosen = Object.entries(asks).filter(([, q]) => q > 0)
  const create = useMutation({
    mutationFn: () =>
      call('returns.createFromInvoices', {
        customerId: customerId!,
        reasonId: reasonId!,
        createdDate: today,
        lines: chosen.map(([id, quantity]) => ({ invoiceLineId: Number(id), quantity }))
      }),
    onSuccess: (r) => {
      refresh(r.id)
      onClose()
      void navigate(`/returns/${r.id}`)
    },
    onError: (e) => showApiError(e)
  })
  return (
    <Stack gap="sm">
      <Group grow>
        <EntitySelect
          size="xs"
          label={t('returns.find.customer')}
          list="customers.list"
          labelOf={(c) => `${c.number} ${c.name}`}
          value={customerId}
          onChange={(v) => {
            setCustomerId(v)
            setAsks({})
          }}
          data-testid="find-customer"
        />
        <EntitySelect
          size="xs"
          label={t('returns.find.reason')}
          list="returnReasons.list"
          labelOf={(r) => `${r.code} ${r.name}`}
          value={reasonId}
          onChange={setReasonId}
          data-testid="find-reason"
        />
      </Group>
      {customerId !== null && lines.data?.length === 0 && <Alert color="gray">{t('returns.find.nothing')}</Alert>}
      {lines.data && lines.data.length > 0 && (
        <Table striped fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('returns.find.invoice')}</Table.Th>
              <Table.Th>{t('returns.find.description')}</Table.Th>
              <Table.Th ta="right">{t('returns.find.price')}</Table.Th>
              <Table.Th ta="right">{t('returns.find.invoiced')}</Table.Th>
              <Table.Th ta="right">{t('returns.find.returnable')}</Table.Th>
              <Table.Th w={110}>{t('returns.find.quantity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.data.map((l) => (
              <Table.Tr key={l.invoiceLineId} data-testid={`returnable-${l.invoiceLineId}`}>
                <Table.Td>
                  {l.invoiceNumber}
                  <Text span size="xs" c="dimmed">{` · ${f.date(l.invoiceDate)}`}</Text>
                </Table.Td>
                <Table.Td>{l.description}</Table.Td>
                <Table.Td ta="right">{f.money(l.unitPrice)}</Table.Td>
                <Table.Td ta="right">{`${f.quantity(l.invoiced)} ${l.unit}`}</Table.Td>
                <Table.Td ta="right">{`${f.quantity(l.returnable)} ${l.unit}`}</Table.Td>
                <Table.Td>
                  <QuantityCell
                    size="xs"
                    aria-label={t('returns.find.quantityOf', { description: l.description })}
                    value={asks[l.invoiceLineId] ?? 0}
                    onChange={(q) => setAsks((a) => ({ ...a, [l.invoiceLineId]: q }))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="flex-end">
        <Button size="xs" variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          size="xs"
          disabled={customerId === null || reasonId === null || chosen.length === 0}
          loading={create.isPending}
          onClick={() => create.mutate()}
        >
          {t('returns.find.create')}
        </Button>
      </Group>
    </Stack>
  )
}
