import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import type { StructureComponentRow } from '@shared/domain/repair'
import { useT } from '../../lib/i18n'
import { useRepairAction } from './queries'

/** Within the tree (components come in tree order, each followed by its sub-components). */
function withDescendants(components: StructureComponentRow[], c: StructureComponentRow): Set<number> {
  const out = new Set<number>([c.id])
  const start = components.findIndex((x) => x.id === c.id)
  for (let n = start + 1; n < components.length && components[n]!.depth > c.depth; n++) out.add(components[n]!.id)
  return out
}

/** Sets a component's serial number or moves it (with its sub-components) under another one, as an office change. */
export function ComponentDialog({
  mode,
  component,
  components,
  onClose
}: {
  mode: 'serial' | 'move'
  component: StructureComponentRow
  components: StructureComponentRow[]
  onClose: () => void
}) {
  const t = useT()
  const [serial, setSerial] = useState(component.serial)
  const [parent, setParent] = useState<string>(component.parentId === null ? 'top' : String(component.parentId))
  const [note, setNote] = useState('')
  const setSerialAction = useRepairAction('structures.setSerial', onClose)
  const move = useRepairAction('structures.move', onClose)
  const excluded = withDescendants(components, component)
  const parents = [
    { value: 'top', label: t('repair.structure.topLevel') },
    ...components.filter((c) => !excluded.has(c.id)).map((c) => ({ value: String(c.id), label: `${c.position} ${c.itemName}` }))
  ]
  const pending = setSerialAction.isPending || move.isPending
  const save = () =>
    mode === 'serial'
      ? setSerialAction.mutate({ id: component.id, version: component.version, serial, note })
      : move.mutate({ id: component.id, version: component.version, parentId: parent === 'top' ? null : Number(parent), note })

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(mode === 'serial' ? 'repair.structure.setSerialTitle' : 'repair.structure.moveTitle', {
        component: `${component.position} ${component.itemName}`
      })}
    >
      <Stack gap="sm">
        {mode === 'serial' ? (
          <TextInput
            data-autofocus
            label={t('repair.structure.serial')}
            value={serial}
            onChange={(e) => setSerial(e.currentTarget.value)}
          />
        ) : (
          <Select
            label={t('repair.templates.parent')}
            data={parents}
            value={parent}
            onChange={(v) => setParent(v ?? 'top')}
            allowDeselect={false}
            searchable
          />
        )}
        <TextInput label={t('repair.structure.note')} value={note} maxLength={500} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={pending} onClick={save} data-testid="component-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
