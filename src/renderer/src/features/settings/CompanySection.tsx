import { Grid, Paper, Select, Textarea, TextInput, Title } from '@mantine/core'
import { useMemo } from 'react'
import type { SectionProps } from './settingsForm'
import { timeZoneOptions } from './timeZones'

/** Who the company is: name, codes, address, currency and the zone its dates and clocks run in. */
export function CompanySection({ form }: SectionProps) {
  const zones = useMemo(() => timeZoneOptions(form.values.timeZone), [form.values.timeZone])
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        Company
      </Title>
      <Grid gap="sm">
        <Grid.Col span={6}>
          <TextInput label="Company name" withAsterisk {...form.getInputProps('companyName')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput label="Registry code" {...form.getInputProps('companyRegNo')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput label="VAT number" {...form.getInputProps('companyVatNumber')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <Textarea label="Address" autosize minRows={2} {...form.getInputProps('companyAddress')} />
        </Grid.Col>
        <Grid.Col span={2}>
          <TextInput
            label="Currency"
            maxLength={3}
            {...form.getInputProps('currency')}
            onChange={(e) => form.setFieldValue('currency', e.currentTarget.value.toUpperCase())}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <Select
            label="Time zone"
            description="Working hours, SLA clocks and dates run in this zone"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            searchable
            allowDeselect={false}
            data={zones}
            limit={400}
            {...form.getInputProps('timeZone')}
          />
        </Grid.Col>
      </Grid>
    </Paper>
  )
}
