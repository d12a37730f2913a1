import { ActionIcon, Button, Group, NumberInput, Paper, Table, Text, TextInput, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { type Holiday, withYearLoaded } from '@shared/domain/planning'
import { useLanguage, useT } from '../lib/i18n'
import { IconCalendarDown, IconPlus, IconTrash } from '@tabler/icons-react'
import { type ReactNode, useState } from 'react'
import { call } from '../lib/api'
import { DateField } from './DateField'

interface HolidaysEditorProps {
  value: { date: string; name: string }[]
  readOnly: boolean
  error?: ReactNode
  errorOf: (index: number, field: 'date' | 'name') => ReactNode
  onAdd: () => void
  onRemove: (index: number) => void
  onSet: (index: number, patch: Partial<{ date: string; name: string }>) => void
  /** Replaces the list (a year of public holidays loaded into it); without it there is no load control. */
  onReplace?: (holidays: Holiday[]) => void
  title: ReactNode
  description?: ReactNode
  emptyText: string
  testId: string
  padding: 'sm' | 'md'
}

/** A list of days off with their names: the company's (Settings) or an SLA's own calendar. */
export function HolidaysEditor({
  value,
  readOnly,
  error,
  errorOf,
  onAdd,
  onRemove,
  onSet,
  onReplace,
  title,
  description,
  emptyText,
  testId,
  padding
}: HolidaysEditorProps) {
  const t = useT()
  const language = useLanguage()
  const [year, setYear] = useState(() => new Date().getFullYear())
  const [loading, setLoading] = useState(false)
  const load = async () => {
    if (!onReplace) return
    setLoading(true)
    try {
      const loaded = await call('calendar.publicHolidays', { year, language: language === 'et' ? 'et' : 'en' })
      onReplace(withYearLoaded(value, loaded))
      notifications.show({ color: 'teal', message: t('common.holidays.loaded', { count: loaded.length, year }), autoClose: 3000 })
    } catch (e) {
      notifications.show({ color: 'red', title: t('common.holidays.loadFailed'), message: e instanceof Error ? e.message : String(e) })
    } finally {
      setLoading(false)
    }
  }
  return (
    <Paper withBorder p={padding}>
      <Group justify="space-between" mb={4}>
        {title}
        {!readOnly && (
          <Group gap="xs">
            {onReplace && (
              <>
                <NumberInput
                  size="xs"
                  w={80}
                  aria-label={t('common.holidays.year')}
                  min={1990}
                  max={2100}
                  value={year}
                  onChange={(v) => typeof v === 'number' && setYear(v)}
                />
                <Tooltip label={t('common.holidays.loadTip')} multiline w={280}>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconCalendarDown size={14} />}
                    loading={loading}
                    onClick={() => void load()}
                  >
                    {t('common.holidays.load')}
                  </Button>
                </Tooltip>
              </>
            )}
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd}>
              {t('common.holidays.add')}
            </Button>
          </Group>
        )}
      </Group>
      {description && (
        <Text size="xs" c="dimmed" mb="xs">
          {description}
        </Text>
      )}
      {error && (
        <Text c="red" size="xs" mb={4}>
          {error}
        </Text>
      )}
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <Table verticalSpacing={4} withTableBorder fz="sm" data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('common.holidays.date')}</Table.Th>
              <Table.Th>{t('common.holidays.name')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.map((h, i) => {
              const dateError = errorOf(i, 'date')
              return (
                <Table.Tr key={i}>
                  <Table.Td>
                    <DateField
                      size="xs"
                      clearable={false}
                      aria-label={t('common.holidays.dateAria', { n: i + 1 })}
                      value={h.date || null}
                      onChange={(d) => onSet(i, { date: d ?? '' })}
                      error={dateError && h.date === '' ? t('common.holidays.pickDate') : dateError}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('common.holidays.nameAria', { n: i + 1 })}
                      value={h.name}
                      onChange={(ev) => onSet(i, { name: ev.currentTarget.value })}
                      error={errorOf(i, 'name')}
                    />
                  </Table.Td>
                  <Table.Td>
                    {!readOnly && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('common.holidays.removeAria', { n: i + 1 })}
                        onClick={() => onRemove(i)}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
