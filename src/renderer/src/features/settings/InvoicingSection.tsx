import {
  ActionIcon,
  Button,
  FileButton,
  Grid,
  Group,
  Image,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title
} from '@mantine/core'
import { IconPhoto, IconPlus, IconTrash } from '@tabler/icons-react'
import { LOGO_MAX_BYTES } from '@shared/domain/system'
import { useCountryOptions } from '../../lib/countries'
import { useT } from '../../lib/i18n'
import type { SectionProps } from './settingsForm'

const emptyAccount = { iban: '', bankName: '', bic: '' }

/**
 * What an invoice says about the seller: legal name, codes, address, contacts, bank accounts, payment terms,
 * footer and logo. The IBAN, BIC and VAT number are checked (and normalised) by the shared schema.
 */
export function InvoicingSection({ form, readOnly }: SectionProps) {
  const t = useT()
  const countries = useCountryOptions()
  const accounts = form.values.bankAccounts

  // The file is read here and checked again by the schema (type by its first bytes, size); a file over the cap
  // is refused before it is read at all.
  const chooseLogo = (file: File | null) => {
    if (!file) return
    if (!['image/png', 'image/jpeg'].includes(file.type)) return form.setFieldError('logo', t('validation.logoFormat'))
    if (file.size > LOGO_MAX_BYTES) return form.setFieldError('logo', t('validation.logoTooLarge'))
    const reader = new FileReader()
    reader.onload = () => {
      form.setFieldValue('logo', String(reader.result))
      void form.validateField('logo')
    }
    reader.readAsDataURL(file)
  }

  return (
    <Paper withBorder p="md" data-testid="invoicing-section">
      <Title order={5}>{t('settings.invoicing.title')}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('settings.invoicing.hint')}
      </Text>
      <Grid gap="sm">
        <Grid.Col span={6}>
          <TextInput
            label={t('settings.invoicing.legalName')}
            description={t('settings.invoicing.legalNameHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            placeholder={form.values.companyName}
            {...form.getInputProps('companyLegalName')}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput label={t('settings.company.regNo')} {...form.getInputProps('companyRegNo')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput label={t('settings.company.vatNumber')} {...form.getInputProps('companyVatNumber')} />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput label={t('settings.invoicing.street')} {...form.getInputProps('companyAddress')} />
        </Grid.Col>
        <Grid.Col span={2}>
          <TextInput label={t('settings.invoicing.postalCode')} {...form.getInputProps('companyPostalCode')} />
        </Grid.Col>
        <Grid.Col span={2}>
          <TextInput label={t('settings.invoicing.city')} {...form.getInputProps('companyCity')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <Select
            label={t('settings.invoicing.country')}
            data={countries}
            searchable
            allowDeselect={false}
            {...form.getInputProps('companyCountry')}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput label={t('settings.invoicing.phone')} {...form.getInputProps('companyPhone')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput label={t('settings.invoicing.email')} {...form.getInputProps('companyEmail')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput label={t('settings.invoicing.web')} {...form.getInputProps('companyWeb')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <NumberInput
            label={t('settings.invoicing.paymentTerms')}
            description={t('settings.invoicing.paymentTermsHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            min={0}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('paymentTermsDays')}
          />
        </Grid.Col>
        <Grid.Col span={8}>
          <Textarea
            label={t('settings.invoicing.footer')}
            description={t('settings.invoicing.footerHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            autosize
            minRows={2}
            {...form.getInputProps('invoiceFooter')}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('settings.invoicing.logo')}
            </Text>
            <Group gap="sm" align="center" wrap="nowrap">
              {form.values.logo ? (
                <Image src={form.values.logo} alt={t('settings.invoicing.logoPreview')} h={48} w="auto" maw={160} fit="contain" />
              ) : (
                <Group gap={4} c="dimmed">
                  <IconPhoto size={18} />
                  <Text size="xs">{t('settings.invoicing.noLogo')}</Text>
                </Group>
              )}
              {!readOnly && (
                <Group gap={4} wrap="nowrap">
                  <FileButton onChange={chooseLogo} accept="image/png,image/jpeg">
                    {(props) => (
                      <Button size="xs" variant="light" {...props}>
                        {t('settings.invoicing.uploadLogo')}
                      </Button>
                    )}
                  </FileButton>
                  {form.values.logo && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('settings.invoicing.removeLogo')}
                      onClick={() => form.setFieldValue('logo', '')}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Group>
              )}
            </Group>
            <Text size="xs" c={form.errors.logo ? 'red' : 'dimmed'} data-testid="logo-message">
              {form.errors.logo ?? t('settings.invoicing.logoHint')}
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>

      <Group justify="space-between" mt="md" mb={4}>
        <div>
          <Text size="sm" fw={500}>
            {t('settings.invoicing.bankAccounts')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('settings.invoicing.bankAccountsHint')}
          </Text>
        </div>
        {!readOnly && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('bankAccounts', { ...emptyAccount })}
          >
            {t('settings.invoicing.addBankAccount')}
          </Button>
        )}
      </Group>
      <Table verticalSpacing={4} withTableBorder fz="sm" data-testid="bank-accounts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="42%">{t('settings.invoicing.iban')}</Table.Th>
            <Table.Th>{t('settings.invoicing.bankName')}</Table.Th>
            <Table.Th w="18%">{t('settings.invoicing.bic')}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text size="xs" c="dimmed">
                  {t('settings.invoicing.noBankAccounts')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {accounts.map((_a, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput
                  size="xs"
                  ff="monospace"
                  aria-label={t('settings.invoicing.accountIban', { n: i + 1 })}
                  {...form.getInputProps(`bankAccounts.${i}.iban`)}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={t('settings.invoicing.accountBank', { n: i + 1 })}
                  {...form.getInputProps(`bankAccounts.${i}.bankName`)}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={t('settings.invoicing.accountBic', { n: i + 1 })}
                  {...form.getInputProps(`bankAccounts.${i}.bic`)}
                />
              </Table.Td>
              <Table.Td>
                {!readOnly && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('settings.invoicing.removeAccount', { n: i + 1 })}
                    onClick={() => form.removeListItem('bankAccounts', i)}
                  >
                    <IconTrash size={16} />
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
