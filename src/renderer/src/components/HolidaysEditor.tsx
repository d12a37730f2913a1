import { ActionIcon, Button, Group, Paper, Table, Text, TextInput } from '@mantine/core'
import { DateField } from './DateField'
import { useT } from '../lib/i18n'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import type { ReactNode } from 'react'

interface HolidaysEditorProps {
  value: { date: string; name: string }[]
  readOnly: boolean
  error?: ReactNode
  errorOf: (index: number, field: 'date' | 'name') => ReactNode
  onAdd: () => void
  onRemove: (index: number) => void
  onSet: (index: number, patch: Partial<{ date: string; name: string }>) => void
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
  title,
  description,
  emptyText,
  testId,
  padding
}: HolidaysEditorProps) {
  const t = useT()
  return (
    <Paper withBorder p={padding}>
      <Group justify="space-between" mb={4}>
        {title}
        {!readOnly && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd}>
            {t('common.holidays.add')}
          </Button>
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
