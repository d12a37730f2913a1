import { Grid, Paper, Select, TextInput, Title } from '@mantine/core'
import { useMemo } from 'react'
import { APP_LANGUAGES } from '@shared/i18n/languages'
import { useT } from '../../lib/i18n'
import type { SectionProps } from './settingsForm'
import { timeZoneOptions } from './timeZones'

/** Who the company is: name, currency, language and the zone its dates and clocks run in (its invoice details: InvoicingSection). */
export function CompanySection({ form }: SectionProps) {
  const t = useT()
  const zones = useMemo(
    () => timeZoneOptions(form.values.timeZone, { common: t('settings.page.commonZones'), all: t('settings.page.allZones') }),
    [form.values.timeZone, t]
  )
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {t('settings.company.title')}
      </Title>
      <Grid gap="sm">
        <Grid.Col span={4}>
          <TextInput label={t('settings.company.name')} withAsterisk {...form.getInputProps('companyName')} />
        </Grid.Col>
        <Grid.Col span={2}>
          <TextInput
            label={t('settings.company.currency')}
            maxLength={3}
            {...form.getInputProps('currency')}
            onChange={(e) => form.setFieldValue('currency', e.currentTarget.value.toUpperCase())}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <Select
            label={t('settings.company.timeZone')}
            description={t('settings.company.timeZoneHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            searchable
            allowDeselect={false}
            data={zones}
            limit={400}
            {...form.getInputProps('timeZone')}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <Select
            label={t('settings.company.language')}
            description={t('settings.company.languageHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            allowDeselect={false}
            data={APP_LANGUAGES.map((l) => ({ value: l, label: t(`format.languages.${l}`) }))}
            {...form.getInputProps('language')}
          />
        </Grid.Col>
      </Grid>
    </Paper>
  )
}
