import { Anchor, Group, Paper, Table } from '@mantine/core'
import { Link } from 'react-router'
import type { InvoiceRow } from '@shared/domain/orders'
import { useFormat, useT } from '../../lib/i18n'

/** The invoice's lines with VAT, and the totals with one VAT row per rate. */
export function InvoiceLines({ invoice: i }: { invoice: InvoiceRow }) {
  const t = useT()
  const f = useFormat()
  const money = (cents: number) => f.money(cents, i.currency)
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
            <Table.Th w={110}>{t('invoices.lines.order')}</Table.Th>
            <Table.Th w={80}>{t('invoices.lines.type')}</Table.Th>
            <Table.Th>{t('invoices.lines.description')}</Table.Th>
            <Table.Th w={100} style={{ textAlign: 'right' }}>
              {t('invoices.lines.quantity')}
            </Table.Th>
            <Table.Th w={110} style={{ textAlign: 'right' }}>
              {t('invoices.lines.unitPrice')}
            </Table.Th>
            <Table.Th w={110} style={{ textAlign: 'right' }}>
              {t('invoices.lines.net')}
            </Table.Th>
            <Table.Th w={70} style={{ textAlign: 'right' }}>
              {t('invoices.lines.vat')}
            </Table.Th>
            <Table.Th w={100} style={{ textAlign: 'right' }}>
              {t('invoices.lines.vatAmount')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {i.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                {/* A manual charge comes from no order. */}
                {l.orderNumber && (
                  <Anchor component={Link} to={`/orders/by-number/${encodeURIComponent(l.orderNumber)}`} size="sm">
                    {l.orderNumber}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>{t(`enums.lineType.${l.type}`)}</Table.Td>
              <Table.Td>{l.description}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {f.quantity(l.quantity)} {l.unit}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{money(l.unitPrice)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{money(l.netAmount)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{f.rate(l.vatRate)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{money(l.vatAmount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end" mt="sm">
        <Table w={340} verticalSpacing={2} fz="sm" data-testid="invoice-totals">
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{t('invoices.lines.netTotal')}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{money(i.netTotal)}</Table.Td>
            </Table.Tr>
            {byRate.map((r) => (
              <Table.Tr key={`${r.code}${r.rate}`}>
                <Table.Td>{t('invoices.lines.vatOf', { rate: f.rate(r.rate), net: money(r.net) })}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{money(r.vat)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td fw={700}>{i.kind === 'invoice' ? t('invoices.lines.totalToPay') : t('invoices.lines.totalCredited')}</Table.Td>
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
