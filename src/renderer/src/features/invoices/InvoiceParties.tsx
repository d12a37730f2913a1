import { Anchor, Grid, Group, Paper, Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { Output } from '@shared/api/contract'
import type { InvoiceRow } from '@shared/domain/orders'
import { useFormat, useT } from '../../lib/i18n'

/** The three boxes under the invoice's title: seller (the company settings, blank until loaded), buyer, and the document's facts. */
export function InvoiceParties({ invoice: i, seller: s }: { invoice: InvoiceRow; seller: Output<'settings.get'> | undefined }) {
  const t = useT()
  const f = useFormat()
  const orders = [...new Set(i.lines.map((l) => l.orderNumber).filter((n) => n !== ''))]
  return (
    <Grid gap="sm">
      <Grid.Col span={4}>
        <Party title={t('invoices.parties.seller')}>
          <Text size="sm" fw={500}>
            {s?.companyName}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {s?.companyAddress}
          </Text>
          {s?.companyRegNo && (
            <Text size="xs" c="dimmed">
              {t('invoices.parties.regNo', { number: s.companyRegNo })}
            </Text>
          )}
          {s?.companyVatNumber && (
            <Text size="xs" c="dimmed">
              {t('invoices.parties.vatNo', { number: s.companyVatNumber })}
            </Text>
          )}
        </Party>
      </Grid.Col>
      <Grid.Col span={4}>
        <Party title={t('invoices.parties.buyer')}>
          <Text size="sm" fw={500}>
            {i.customerName}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {i.customerAddress}
          </Text>
          {i.customerVatNumber && (
            <Text size="xs" c="dimmed">
              {t('invoices.parties.vatNo', { number: i.customerVatNumber })}
            </Text>
          )}
        </Party>
      </Grid.Col>
      <Grid.Col span={4}>
        <Party title={i.kind === 'invoice' ? t('invoices.invoice') : t('invoices.creditNote')}>
          <Facts
            rows={[
              [t('invoices.parties.date'), f.date(i.invoiceDate)],
              [t('invoices.parties.due'), f.date(i.dueDate)],
              [t('invoices.parties.currency'), i.currency],
              [
                orders.length === 1 ? t('invoices.parties.order') : t('invoices.parties.orders'),
                <Group gap={6} key="o">
                  {orders.map((n) => (
                    <Anchor key={n} component={Link} to={`/orders/by-number/${encodeURIComponent(n)}`} size="sm">
                      {n}
                    </Anchor>
                  ))}
                </Group>
              ]
            ]}
          />
        </Party>
      </Grid.Col>
    </Grid>
  )
}

function Party({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" h="100%">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>
        {title}
      </Text>
      {children}
    </Paper>
  )
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table verticalSpacing={1} horizontalSpacing={0} fz="sm" withRowBorders={false}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Td c="dimmed" w={90}>
              {k}
            </Table.Td>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
