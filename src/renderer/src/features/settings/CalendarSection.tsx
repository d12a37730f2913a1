import { ActionIcon, Button, Group, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { WeekHoursEditor } from '../../components/WeekHoursEditor'
import { parseTypedDate } from '../../lib/dates'
import type { SectionProps } from './settingsForm'

/** The company's working week and its holidays, side by side. */
export function CalendarSection({ form, readOnly }: SectionProps) {
  const v = form.values
  return (
    <SimpleGrid cols={2} spacing="md">
      <Paper withBorder p="md">
        <Title order={5} mb={4}>
          Working calendar
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          The company's week; workers without their own hours follow it.
        </Text>
        <WeekHoursEditor
          value={v.workingHours}
          onChange={(w) => form.setFieldValue('workingHours', w)}
          errorOf={(day, field) => form.errors[`workingHours.${day}.${field}`]}
          error={form.errors.workingHours}
        />
      </Paper>

      <Paper withBorder p="md">
        <Group justify="space-between" mb={4}>
          <Title order={5}>Holidays</Title>
          {!readOnly && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('holidays', { date: '', name: '' })}>
              Add holiday
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed" mb="xs">
          Days off for everybody; they are saved in date order.
        </Text>
        {form.errors.holidays && (
          <Text c="red" size="xs" mb={4}>
            {form.errors.holidays}
          </Text>
        )}
        {v.holidays.length === 0 ? (
          <Text size="sm" c="dimmed">
            No holidays.
          </Text>
        ) : (
          <Table verticalSpacing={4} withTableBorder fz="sm" data-testid="holidays">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>Date</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {v.holidays.map((h, i) => {
                const dateError = form.errors[`holidays.${i}.date`]
                return (
                  <Table.Tr key={i}>
                    <Table.Td>
                      <DateInput
                        size="xs"
                        aria-label={`Holiday ${i + 1} date`}
                        valueFormat="DD.MM.YYYY"
                        dateParser={(text) => parseTypedDate(text)}
                        placeholder="dd.mm.yyyy"
                        value={h.date || null}
                        onChange={(d) => form.setFieldValue(`holidays.${i}.date`, d ?? '')}
                        error={dateError && h.date === '' ? 'Pick a date' : dateError}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={`Holiday ${i + 1} name`} {...form.getInputProps(`holidays.${i}.name`)} />
                    </Table.Td>
                    <Table.Td>
                      {!readOnly && (
                        <ActionIcon variant="subtle" color="red" aria-label={`Remove holiday ${i + 1}`} onClick={() => form.removeListItem('holidays', i)}>
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
    </SimpleGrid>
  )
}
