import { Grid, Group, SegmentedControl, Text, Title } from '@mantine/core'
import type { Output } from '@shared/api/contract'
import type { WeekHours } from '@shared/domain/masterdata'
import { WeekHoursEditor } from '../../components/WeekHoursEditor'
import { HolidaysEditor } from '../../components/HolidaysEditor'
import { useFormat, useT } from '../../lib/i18n'
import { weekText } from './calendarText'
import { OFFICE_HOURS, type SlaForm } from './slaForm'

interface SlaCalendarProps {
  form: SlaForm
  readOnly: boolean
  /** The company settings: the shop calendar, and the starting point of an own calendar. */
  shop: Output<'settings.get'> | undefined
  /** The calendar in force (own or the shop's), null while the settings load. */
  week: WeekHours | null
}

/** The SLA's calendar: the shop's from Settings, or its own working week and holidays. */
export function SlaCalendar({ form, readOnly, shop, week }: SlaCalendarProps) {
  const t = useT()
  const f = useFormat()
  const v = form.values
  const ownCalendar = v.workingHours !== null
  const setCalendar = (own: boolean) => {
    form.setFieldValue('workingHours', own ? (shop?.workingHours ?? OFFICE_HOURS) : null)
    form.setFieldValue('holidays', own ? (shop?.holidays ?? []) : null)
  }

  return (
    <div>
      <Group gap="md" mb={6} align="center">
        <Title order={5}>{t('sla.calendar.title')}</Title>
        <SegmentedControl
          size="xs"
          disabled={readOnly}
          aria-label={t('sla.calendar.title')}
          data={[
            { value: 'shop', label: t('sla.calendar.shop') },
            { value: 'own', label: t('sla.calendar.own') }
          ]}
          value={ownCalendar ? 'own' : 'shop'}
          onChange={(c) => setCalendar(c === 'own')}
        />
      </Group>
      {!ownCalendar ? (
        <Text size="sm" c="dimmed">
          {t('sla.calendar.shopHint', { week: week ? ` (${weekText(t, f, week)})` : '' })}
        </Text>
      ) : (
        <Grid gap="md">
          <Grid.Col span={6}>
            <Text size="xs" c="dimmed" mb={4}>
              {t('sla.calendar.ownHint')}
            </Text>
            <WeekHoursEditor
              value={v.workingHours!}
              onChange={(w) => form.setFieldValue('workingHours', w)}
              errorOf={(day, f) => form.errors[`workingHours.${day}.${f}`]}
              error={form.errors.workingHours}
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <HolidaysEditor
              value={v.holidays ?? []}
              readOnly={readOnly}
              error={form.errors.holidays}
              errorOf={(i, f) => form.errors[`holidays.${i}.${f}`]}
              onAdd={() => form.setFieldValue('holidays', [...(v.holidays ?? []), { date: '', name: '' }])}
              onRemove={(i) =>
                form.setFieldValue(
                  'holidays',
                  (v.holidays ?? []).filter((_, j) => j !== i)
                )
              }
              onSet={(i, patch) =>
                form.setFieldValue(
                  'holidays',
                  (v.holidays ?? []).map((h, j) => (j === i ? { ...h, ...patch } : h))
                )
              }
              onReplace={(list) => form.setFieldValue('holidays', list)}
              title={
                <Text size="sm" fw={500}>
                  {t('sla.calendar.holidays')}
                </Text>
              }
              emptyText={t('sla.calendar.noHolidays')}
              testId="sla-holidays"
              padding="sm"
            />
          </Grid.Col>
        </Grid>
      )}
    </div>
  )
}
