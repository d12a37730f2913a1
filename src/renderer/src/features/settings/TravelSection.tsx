import { NumberInput, Paper, SimpleGrid, Text, Title } from '@mantine/core'
import { useT } from '../../lib/i18n'
import type { SectionProps } from './settingsForm'

/** The travel model's three numbers (ADR 0029): the board's travel blocks, the day sheet and suggestions use them. */
export function TravelSection({ form }: SectionProps) {
  const t = useT()
  return (
    <Paper withBorder p="md">
      <Title order={5} mb={2}>
        {t('settings.travel.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('settings.travel.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <NumberInput
          label={t('settings.travel.roadFactor')}
          description={t('settings.travel.roadFactorHint')}
          min={1}
          max={3}
          step={0.05}
          decimalScale={2}
          {...form.getInputProps('travelRoadFactor')}
        />
        <NumberInput
          label={t('settings.travel.speed')}
          description={t('settings.travel.speedHint')}
          min={5}
          max={200}
          allowDecimal={false}
          {...form.getInputProps('travelSpeedKmh')}
        />
        <NumberInput
          label={t('settings.travel.overhead')}
          description={t('settings.travel.overheadHint')}
          min={0}
          allowDecimal={false}
          {...form.getInputProps('travelOverheadMinutes')}
        />
      </SimpleGrid>
    </Paper>
  )
}
