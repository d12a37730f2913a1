import { ActionIcon, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { lineAmount } from '@shared/domain/orderRules'
import type { ManualLineInput } from '@shared/domain/orders'
import { PriceCell, QuantityCell } from '../../components/GridCells'
import { useFormat, useT } from '../../lib/i18n'
import { settingsQuery } from '../../lib/settings'

export type ManualCharge = ManualLineInput & { key: number }

/** The net amount of the charges, as the invoice will compute it. */
export const manualNet = (charges: ManualCharge[]) => charges.reduce((s, c) => s + lineAmount(c.quantity, c.unitPrice), 0)

/**
 * Charges typed on the invoice itself (a call-out fee, parking): description, quantity, unit, price and a
 * VAT rate of the settings. Errors arrive by the charge's place in the list.
 */
export function ManualCharges({
  charges,
  onChange,
  errors
}: {
  charges: ManualCharge[]
  onChange: (charges: ManualCharge[]) => void
  errors: Record<string, string>
}) {
  const t = useT()
  const f = useFormat()
  const settings = useQuery(settingsQuery)
  const rates = settings.data?.vatRates ?? []
  const defaultCode = rates.find((r) => r.isDefault)?.code ?? ''
  const set = (key: number, patch: Partial<ManualLineInput>) => onChange(charges.map((c) => (c.key === key ? { ...c, ...patch } : c)))
  const add = () =>
    onChange([
      ...charges,
      { key: Math.max(0, ...charges.map((c) => c.key)) + 1, description: '', quantity: 1000, unit: '', unitPrice: 0, vatCode: defaultCode }
    ])
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t('invoices.manual.title')}
        </Text>
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={add}>
          {t('invoices.manual.add')}
        </Button>
      </Group>
      {charges.length > 0 && (
        <Table verticalSpacing={3} fz="sm" withTableBorder data-testid="manual-charges">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoices.manual.description')}</Table.Th>
              <Table.Th w={100}>{t('invoices.manual.quantity')}</Table.Th>
              <Table.Th w={80}>{t('invoices.manual.unit')}</Table.Th>
              <Table.Th w={110}>{t('invoices.manual.unitPrice')}</Table.Th>
              <Table.Th w={110}>{t('invoices.manual.vat')}</Table.Th>
              <Table.Th w={100} style={{ textAlign: 'right' }}>
                {t('orders.invoice.amount')}
              </Table.Th>
              <Table.Th w={36} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {charges.map((c, n) => {
              return (
                <Table.Tr key={c.key}>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('invoices.manual.description')}
                      maxLength={500}
                      value={c.description}
                      onChange={(e) => set(c.key, { description: e.currentTarget.value })}
                      error={errors[`${n}.description`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <QuantityCell
                      size="xs"
                      aria-label={t('invoices.manual.quantity')}
                      value={c.quantity}
                      onChange={(q) => set(c.key, { quantity: q })}
                      error={errors[`${n}.quantity`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('invoices.manual.unit')}
                      maxLength={20}
                      value={c.unit}
                      onChange={(e) => set(c.key, { unit: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <PriceCell
                      size="xs"
                      aria-label={t('invoices.manual.unitPrice')}
                      value={c.unitPrice}
                      onChange={(p) => set(c.key, { unitPrice: p ?? 0 })}
                      error={errors[`${n}.unitPrice`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={t('invoices.manual.vat')}
                      data={rates.map((r) => ({ value: r.code, label: `${r.code} ${f.rate(r.rate)}` }))}
                      value={c.vatCode}
                      allowDeselect={false}
                      onChange={(v) => set(c.key, { vatCode: v ?? defaultCode })}
                      error={errors[`${n}.vatCode`]}
                    />
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{f.money(lineAmount(c.quantity, c.unitPrice))}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="gray"
                      aria-label={t('invoices.manual.remove')}
                      onClick={() => onChange(charges.filter((x) => x.key !== c.key))}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
