import { Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { EntitySelect } from '../../components/EntitySelect'
import { useT } from '../../lib/i18n'
import { useRepairAction } from './queries'

/** Moves the whole structure, with its template link, to another object that has none. */
export function TransferStructureDialog({ serviceObjectId, onClose }: { serviceObjectId: number; onClose: () => void }) {
  const t = useT()
  const [toObjectId, setTo] = useState<number | null>(null)
  const [note, setNote] = useState('')
  const transfer = useRepairAction('structures.transfer', onClose)
  return (
    <Modal opened onClose={onClose} title={t('repair.structure.transferTitle')}>
      <Stack gap="sm">
        <EntitySelect
          label={t('repair.structure.transferTo')}
          list="serviceObjects.list"
          labelOf={(o) => `${o.number} ${o.name}`}
          value={toObjectId}
          onChange={setTo}
        />
        <TextInput label={t('repair.structure.note')} value={note} maxLength={500} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={toObjectId === null}
            loading={transfer.isPending}
            onClick={() => transfer.mutate({ serviceObjectId, toObjectId: toObjectId!, note })}
          >
            {t('repair.structure.transfer')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
