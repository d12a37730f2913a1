import { Checkbox, Table, Text } from '@mantine/core'
import { TimePicker } from '@mantine/dates'
import type { ReactNode } from 'react'
import type { DayHours, WeekHours } from '@shared/domain/masterdata'
import { useFormat, useT } from '../lib/i18n'

interface WeekHoursEditorProps {
  value: WeekHours
  onChange: (value: WeekHours) => void
  /** The form's error of one day's field, e.g. `form.errors[`workingHours.${day}.end`]`. */
  errorOf?: (day: number, field: keyof DayHours) => ReactNode
  /** An error about the week as a whole (e.g. "needs at least one working day"). */
  error?: ReactNode
}

/** Seven weekdays, Monday first: open or closed, and from when to when. Used by workers and the company calendar. */
export function WeekHoursEditor({ value, onChange, errorOf, error }: WeekHoursEditorProps) {
  const t = useT()
  const f = useFormat()
  // 2024-01-01 was a Monday: day i of the week is that date plus i, named in the screen's language.
  const dayName = (i: number) => {
    const name = f.weekday(`2024-01-0${i + 1}`)
    return name.charAt(0).toUpperCase() + name.slice(1)
  }
  const set = (day: number, patch: Partial<DayHours>) => onChange(value.map((d, i) => (i === day ? { ...d, ...patch } : d)))
  return (
    <div>
      <Table verticalSpacing={2} withTableBorder fz="sm" w="auto" data-testid="week-hours">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>{t('common.weekHours.day')}</Table.Th>
            <Table.Th w={70}>{t('common.weekHours.open')}</Table.Th>
            <Table.Th w={110}>{t('common.weekHours.from')}</Table.Th>
            <Table.Th w={110}>{t('common.weekHours.to')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {value.map((d, i) => {
            const day = dayName(i)
            return (
              <Table.Tr key={day}>
                <Table.Td c={d.open ? undefined : 'dimmed'}>{day}</Table.Td>
                <Table.Td>
                  <Checkbox
                    size="xs"
                    aria-label={t('common.weekHours.openAria', { day })}
                    checked={d.open}
                    onChange={(e) => set(i, { open: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>
                  <TimePicker
                    size="xs"
                    format="24h"
                    aria-label={t('common.weekHours.fromAria', { day })}
                    hoursInputLabel={t('common.weekHours.fromHours', { day })}
                    minutesInputLabel={t('common.weekHours.fromMinutes', { day })}
                    disabled={!d.open}
                    value={d.start}
                    onChange={(v) => set(i, { start: v })}
                    error={errorOf?.(i, 'start')}
                  />
                </Table.Td>
                <Table.Td>
                  <TimePicker
                    size="xs"
                    format="24h"
                    aria-label={t('common.weekHours.toAria', { day })}
                    hoursInputLabel={t('common.weekHours.toHours', { day })}
                    minutesInputLabel={t('common.weekHours.toMinutes', { day })}
                    disabled={!d.open}
                    value={d.end}
                    onChange={(v) => set(i, { end: v })}
                    error={errorOf?.(i, 'end')}
                  />
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      {error && (
        <Text c="red" size="xs" mt={4}>
          {error}
        </Text>
      )}
    </div>
  )
}
