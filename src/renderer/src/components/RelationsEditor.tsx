import { ActionIcon, Grid, Group, Stack, Table, Text, TextInput } from '@mantine/core'
import type { GetInputPropsReturnType } from '@mantine/form'
import { IconTrash } from '@tabler/icons-react'
import { type ReactNode, useState } from 'react'
import { i18n, useT } from '../lib/i18n'
import { EntitySelect } from './EntitySelect'
import classes from './RelationsEditor.module.css'

export const objectLabel = (o: { number: string; name: string; serialNumber: string }) =>
  `${o.number} ${o.name}${o.serialNumber ? ` · ${i18n.t('common.relations.serialNo', { serial: o.serialNumber })}` : ''}`
export const taskLabel = (t: { code: string; name: string }) => `${t.code} · ${t.name}`

/** One related object or task: its id, the notes the record keeps on it, and a label shown only. */
export type Relation<N extends string> = { id: number; label: string } & Record<N, string>

export interface NoteColumn<N extends string> {
  key: N
  /** The column heading (shown only with `headings`). */
  heading: string
  placeholder: string
  ariaLabel: (relationLabel: string) => string
}

/**
 * The part of a Mantine form the editor needs (method syntax, so a form over a wider record fits).
 * The paths are `objects.<i>.<note>` and `tasks.<i>.<note>`.
 */
export interface RelationsForm<N extends string> {
  values: { objects: Relation<N>[]; tasks: Relation<N>[] }
  errors: Record<string, ReactNode>
  getInputProps(path: string): GetInputPropsReturnType
  insertListItem(path: string, item: unknown): void
  removeListItem(path: string, index: number): void
}

interface RelationsEditorProps<N extends string> {
  form: RelationsForm<N>
  /** The customer whose service objects may be added; null = choose the customer first. */
  customerId: number | null
  disabled: boolean
  notes: NoteColumn<N>[]
  /** 'side': objects and tasks side by side (a compact header); 'stacked': one under the other with column headings. */
  layout: 'side' | 'stacked'
  /** Said under "no service objects related", e.g. what the relation is needed for. */
  objectsHint?: string
}

/** The service objects and service tasks a record covers, each with its notes — one editor for orders and agreements. */
export function RelationsEditor<N extends string>({ form, customerId, disabled, notes, layout, objectsHint }: RelationsEditorProps<N>) {
  const t = useT()
  const side = layout === 'side'
  const objects = (
    <RelationSection
      form={form}
      field="objects"
      title={t('common.relations.serviceObjects')}
      disabled={disabled}
      notes={notes}
      headings={!side}
      selectWidth={side ? 240 : 300}
      empty={objectsHint ? t('common.relations.noObjectsHint', { hint: objectsHint }) : t('common.relations.noObjects')}
      add={{
        list: 'serviceObjects.list',
        placeholder: customerId === null ? t('common.relations.customerFirst') : t('common.relations.addObject'),
        ariaLabel: t('common.relations.addObjectAria'),
        customerId
      }}
    />
  )
  const tasks = (
    <RelationSection
      form={form}
      field="tasks"
      title={t('common.relations.serviceTasks')}
      disabled={disabled}
      notes={notes}
      headings={!side}
      selectWidth={side ? 200 : 300}
      empty={t('common.relations.noTasks')}
      add={{ list: 'serviceTasks.list', placeholder: t('common.relations.addTask'), ariaLabel: t('common.relations.addTaskAria') }}
    />
  )
  if (side) {
    return (
      <Grid gap="sm">
        <Grid.Col span={7}>{objects}</Grid.Col>
        <Grid.Col span={5}>{tasks}</Grid.Col>
      </Grid>
    )
  }
  return (
    <Stack gap="md">
      {objects}
      {tasks}
    </Stack>
  )
}

interface RelationSectionProps<N extends string> {
  form: RelationsForm<N>
  field: 'objects' | 'tasks'
  title: string
  disabled: boolean
  notes: NoteColumn<N>[]
  headings: boolean
  selectWidth: number
  empty: string
  add: { list: 'serviceObjects.list' | 'serviceTasks.list'; placeholder: string; ariaLabel: string; customerId?: number | null }
}

function RelationSection<N extends string>({
  form,
  field,
  title,
  disabled,
  notes,
  headings,
  selectWidth,
  empty,
  add
}: RelationSectionProps<N>) {
  const t = useT()
  const [adding, setAdding] = useState(0) // remounts the "add" select after each pick
  const rows = form.values[field]
  const insert = (id: number | null, label: string | null) => {
    if (id !== null && label !== null && !rows.some((r) => r.id === id)) {
      form.insertListItem(field, { id, label, ...Object.fromEntries(notes.map((n) => [n.key, ''])) })
    }
    setAdding((n) => n + 1)
  }
  const common = { size: 'xs', w: selectWidth, placeholder: add.placeholder, 'aria-label': add.ariaLabel, value: null } as const
  return (
    <div>
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Text className={classes.sectionTitle}>{title}</Text>
        {!disabled &&
          (add.list === 'serviceObjects.list' ? (
            <EntitySelect
              key={adding}
              {...common}
              disabled={add.customerId === null}
              list="serviceObjects.list"
              filters={{ customerId: add.customerId }}
              labelOf={objectLabel}
              onChange={(id, row) => insert(id, row && objectLabel(row))}
            />
          ) : (
            <EntitySelect
              key={adding}
              {...common}
              list="serviceTasks.list"
              labelOf={taskLabel}
              onChange={(id, row) => insert(id, row && taskLabel(row))}
            />
          ))}
      </Group>
      {form.errors[field] && (
        <Text c="red" size="xs" mb={4}>
          {form.errors[field]}
        </Text>
      )}
      {rows.length === 0 ? (
        <Text size="xs" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table verticalSpacing={2} withTableBorder fz="sm" data-testid={`relations-${field}`}>
          {headings && (
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="34%">{field === 'objects' ? t('common.relations.serviceObject') : t('common.relations.serviceTask')}</Table.Th>
                {notes.map((n) => (
                  <Table.Th key={n.key}>{n.heading}</Table.Th>
                ))}
                <Table.Th w={36} />
              </Table.Tr>
            </Table.Thead>
          )}
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.id}>
                <Table.Td w={headings ? undefined : '45%'}>
                  <Text size="sm" truncate>
                    {r.label}
                  </Text>
                </Table.Td>
                {notes.map((n) => (
                  <Table.Td key={n.key}>
                    <TextInput
                      size="xs"
                      variant="unstyled"
                      placeholder={n.placeholder}
                      aria-label={n.ariaLabel(r.label)}
                      disabled={disabled}
                      {...form.getInputProps(`${field}.${i}.${n.key}`)}
                    />
                  </Table.Td>
                ))}
                <Table.Td w={headings ? undefined : 32}>
                  {!disabled && (
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="red"
                      aria-label={t('common.relations.removeAria', { label: r.label })}
                      onClick={() => form.removeListItem(field, i)}
                    >
                      <IconTrash size={13} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </div>
  )
}
