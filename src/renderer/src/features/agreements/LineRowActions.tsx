import { ActionIcon, Group, Tooltip } from '@mantine/core'
import { IconArrowBackUp, IconDeviceFloppy, IconTrash } from '@tabler/icons-react'
import type { AgreementLineRow } from '@shared/domain/agreements'
import { LINE_TYPE_LABELS } from '@shared/domain/orders'
import { ConfirmButton } from '../../components/ConfirmButton'

interface LineRowActionsProps {
  label: string
  line: AgreementLineRow | null
  dirty: boolean
  saving: boolean
  onSave: () => void
  onUndo: () => void
  onDelete: () => void
}

/** Save and undo while a row has changes; delete (with what it would remove, or why it cannot) for a saved line. */
export function LineRowActions({ label, line, dirty, saving, onSave, onUndo, onDelete }: LineRowActionsProps) {
  return (
    <Group gap={2} wrap="nowrap" pt={2}>
      {dirty && (
        <>
          <Tooltip label="Save (Enter)">
            <ActionIcon size="sm" variant="subtle" aria-label={`Save ${label.toLowerCase()}`} loading={saving} onClick={onSave}>
              <IconDeviceFloppy size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Undo changes (Escape)">
            <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Undo changes to ${label.toLowerCase()}`} onClick={onUndo}>
              <IconArrowBackUp size={14} />
            </ActionIcon>
          </Tooltip>
        </>
      )}
      {line && (
        <ConfirmButton
          size="compact-xs"
          variant="subtle"
          color="red"
          px={4}
          aria-label={`Delete ${label.toLowerCase()}`}
          title={`Delete line ${line.lineNo}?`}
          message={
            line.generatedCount > 0
              ? `Line ${line.lineNo} has already produced ${line.generatedCount} order line(s), so it cannot be deleted; mark it stopped instead.`
              : `This removes line ${line.lineNo} (${line.description || LINE_TYPE_LABELS[line.type]}) from the agreement. No orders were created from it.`
          }
          confirmLabel="Delete line"
          onConfirm={onDelete}
        >
          <IconTrash size={14} />
        </ConfirmButton>
      )}
    </Group>
  )
}
