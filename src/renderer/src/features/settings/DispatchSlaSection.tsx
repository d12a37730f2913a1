import { NumberInput, Paper, SimpleGrid, Switch, Title } from '@mantine/core'
import { useT } from '../../lib/i18n'
import type { SectionProps } from './settingsForm'

/** The board's past limit and the SLA thresholds. */
export function DispatchSlaSection({ form }: SectionProps) {
  const t = useT()
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {t('settings.dispatchSla.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <NumberInput
          label={t('settings.dispatchSla.atRisk')}
          description={t('settings.dispatchSla.atRiskHint')}
          min={0}
          allowDecimal={false}
          {...form.getInputProps('slaAtRiskMinutes')}
        />
        <NumberInput
          label={t('settings.dispatchSla.pastLimit')}
          description={t('settings.dispatchSla.pastLimitHint')}
          min={0}
          allowDecimal={false}
          {...form.getInputProps('dispatchPastLimitHours')}
        />
        <NumberInput
          label={t('settings.dispatchSla.idle')}
          description={t('settings.dispatchSla.idleHint')}
          min={1}
          allowDecimal={false}
          {...form.getInputProps('sessionIdleHours')}
        />
        <NumberInput
          label={t('settings.dispatchSla.rmaValidity')}
          description={t('settings.dispatchSla.rmaValidityHint')}
          min={0}
          allowDecimal={false}
          {...form.getInputProps('rmaValidityDays')}
        />
        <NumberInput
          label={t('settings.dispatchSla.firstTimeFix')}
          description={t('settings.dispatchSla.firstTimeFixHint')}
          min={1}
          allowDecimal={false}
          {...form.getInputProps('firstTimeFixDays')}
        />
        <Switch
          mt="lg"
          label={t('settings.dispatchSla.reasonRequired')}
          {...form.getInputProps('slaReasonRequired', { type: 'checkbox' })}
        />
        <Switch
          mt="lg"
          label={t('settings.dispatchSla.slaOnGenerated')}
          description={t('settings.dispatchSla.slaOnGeneratedHint')}
          {...form.getInputProps('slaOnGeneratedOrders', { type: 'checkbox' })}
        />
      </SimpleGrid>
    </Paper>
  )
}
