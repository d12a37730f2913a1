import { Paper, SimpleGrid, Text, Title } from '@mantine/core'
import { useT } from '../../lib/i18n'
import { HolidaysEditor } from '../../components/HolidaysEditor'
import { WeekHoursEditor } from '../../components/WeekHoursEditor'
import type { SectionProps } from './settingsForm'

/** The company's working week and its holidays, side by side. */
export function CalendarSection({ form, readOnly }: SectionProps) {
  const t = useT()
  const v = form.values
  return (
    <SimpleGrid cols={2} spacing="md">
      <Paper withBorder p="md">
        <Title order={5} mb={4}>
          {t('settings.calendar.title')}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          {t('settings.calendar.hint')}
        </Text>
        <WeekHoursEditor
          value={v.workingHours}
          onChange={(w) => form.setFieldValue('workingHours', w)}
          errorOf={(day, field) => form.errors[`workingHours.${day}.${field}`]}
          error={form.errors.workingHours}
        />
      </Paper>

      <HolidaysEditor
        value={v.holidays}
        readOnly={readOnly}
        error={form.errors.holidays}
        errorOf={(i, field) => form.errors[`holidays.${i}.${field}`]}
        onAdd={() => form.insertListItem('holidays', { date: '', name: '' })}
        onRemove={(i) => form.removeListItem('holidays', i)}
        onReplace={(list) => form.setFieldValue('holidays', list)}
        onSet={(i, patch) => {
          for (const [field, value] of Object.entries(patch)) form.setFieldValue(`holidays.${i}.${field}`, value)
        }}
        title={<Title order={5}>{t('settings.calendar.holidays')}</Title>}
        description={t('settings.calendar.holidaysHint')}
        emptyText={t('settings.calendar.noHolidays')}
        testId="holidays"
        padding="md"
      />
    </SimpleGrid>
  )
}
