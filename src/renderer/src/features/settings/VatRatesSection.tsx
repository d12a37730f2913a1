import { ActionIcon, Button, Group, Paper, Radio, Table, Text, TextInput, Title } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useT } from '../../lib/i18n'
import { ScaledNumberInput } from '../../components/ScaledNumberInput'
import type { SectionProps } from './settingsForm'

/** The VAT rates lines may use, exactly one of them the default. */
export function VatRatesSection({ form, readOnly }: SectionProps) {
  const t = useT()
  const rates = form.values.vatRates
  const setDefaultRate = (index: number) =>
    form.setFieldValue(
      'vatRates',
      rates.map((r, i) => ({ ...r, isDefault: i === index }))
    )
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb={4}>
        <Title order={5}>{t('settings.vat.title')}</Title>
        {!readOnly && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('vatRates', { code: '', name: '', rate: 0, isDefault: rates.length === 0 })}
          >
            {t('settings.vat.add')}
          </Button>
        )}
      </Group>
      {form.errors.vatRates && (
        <Text c="red" size="xs" mb={4}>
          {form.errors.vatRates}
        </Text>
      )}
      <Table verticalSpacing={4} withTableBorder fz="sm" data-testid="vat-rates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>{t('settings.vat.code')}</Table.Th>
            <Table.Th>{t('settings.vat.name')}</Table.Th>
            <Table.Th w={130}>{t('settings.vat.rate')}</Table.Th>
            <Table.Th w={80} ta="center">
              {t('settings.vat.default')}
            </Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rates.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput size="xs" aria-label={t('settings.vat.rateCode', { n: i + 1 })} {...form.getInputProps(`vatRates.${i}.code`)} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" aria-label={t('settings.vat.rateName', { n: i + 1 })} {...form.getInputProps(`vatRates.${i}.name`)} />
              </Table.Td>
              <Table.Td>
                <ScaledNumberInput
                  size="xs"
                  aria-label={t('settings.vat.rateRate', { n: i + 1 })}
                  rightSection="%"
                  decimalSeparator=","
                  rightSectionPointerEvents="none"
                  max={100}
                  value={r.rate}
                  onChange={(n) => form.setFieldValue(`vatRates.${i}.rate`, n)}
                  error={form.errors[`vatRates.${i}.rate`]}
                />
              </Table.Td>
              <Table.Td>
                <Group justify="center">
                  <Radio
                    size="xs"
                    aria-label={t('settings.vat.rateDefault', { n: i + 1 })}
                    name="defaultVatRate"
                    checked={r.isDefault}
                    onChange={() => setDefaultRate(i)}
                  />
                </Group>
              </Table.Td>
              <Table.Td>
                {!readOnly && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('settings.vat.remove', { n: i + 1 })}
                    onClick={() => form.removeListItem('vatRates', i)}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
