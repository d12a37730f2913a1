import { Anchor, Group, Paper, Table } from '@mantine/core'
import { Link } from 'react-router'
import { LINE_TYPE_LABELS, type InvoiceRow } from '@shared/domain/orders'
import { formatMoney } from '../../lib/format'
import { formatQuantity } from '../../lib/lineDraft'

const percent = (basisPoints: number) => `${new Intl.NumberFormat('et-EE', { maximumFractionDigits: 2 }).format(basisPoints / 100)} %`

/** The invoice's lines with VAT, and the totals with one VAT row per rate. */
export function InvoiceLines({ invoice: i }: { invoice: InvoiceRow }) {
  const money = (cents: number) => formatMoney(cents, i.currency)
  const byRate = [...new Set(i.lines.map((l) => `${l.vatCode}|${l.vatRate}`))].map((k) => {
    const [code, rate] = k.split('|')
    const lines = i.lines.filter((l) => l.vatCode === code && l.vatRate === Number(rate))
    return {
      code: code!,
      rate: Number(rate),
      net: lines.reduce((t, l) => t + l.netAmount, 0),
      vat: lines.reduce((t, l) => t + l.vatAmount, 0)
    }
  })
  return (
    <Paper withBorder p="sm">
      <Table verticalSpacing={4} fz="sm" data-testid="invoice-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>Order</Table.Th>
            <Table.Th w={80}>Type</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th w={100} style={{ textAlign: 'right' }}>
              Quantity
            </Table.Th>
            <Table.Th w={110} style={{ textAlign: 'right' }}>
              Unit price
            </Table.Th>
            <Table.Th w={110} style={{ textAlign: 'right' }}>
              Net
            </Table.Th>
            <Table.Th w={70} style={{ textAlign: 'right' }}>
              VAT
            </Table.Th>
            <Table.Th w={100} style={{ textAlign: 'right' }}>
              VAT amount
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {i.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                <Anchor component={Link} to={`/orders/by-number/${encodeURIComponent(l.orderNumber)}`} size="sm">
                  {l.orderNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>{LINE_TYPE_LABELS[l.type]}</Table.Td>
              <Table.Td>{l.description}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {formatQuantity(l.quantity)} {l.unit}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{money(l.unitPrice)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{money(l.netAmount)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{percent(l.vatRate)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{money(l.vatAmount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end" mt="sm">
        <Table w={340} verticalSpacing={2} fz="sm" data-testid="invoice-totals">
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>Net total</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{money(i.netTotal)}</Table.Td>
            </Table.Tr>
            {byRate.map((r) => (
              <Table.Tr key={`${r.code}${r.rate}`}>
                <Table.Td>
                  VAT {percent(r.rate)} of {money(r.net)}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{money(r.vat)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td fw={700}>{i.kind === 'invoice' ? 'Total to pay' : 'Total credited'}</Table.Td>
              <Table.Td fw={700} style={{ textAlign: 'right' }}>
                {money(i.grossTotal)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Group>
    </Paper>
  )
}
