import { ActionIcon, Group, Tooltip } from '@mantine/core'
import { IconArrowBackUp, IconDeviceFloppy, IconTrash } from '@tabler/icons-react'
import type { AgreementLineRow } from '@shared/domain/agreements'
import { ConfirmButton } from '../../components/ConfirmButton'
import { useT } from '../../lib/i18n'

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
  const t = useT()
  const lower = label.toLowerCase()
  return (
    <Group gap={2} wrap="nowrap" pt={2}>
      {dirty && (
        <>
          <Tooltip label={t('agreements.lines.save')}>
            <ActionIcon
              size="sm"
              variant="subtle"
              aria-label={t('agreements.lines.saveAria', { label: lower })}
              loading={saving}
              onClick={onSave}
            >
              <IconDeviceFloppy size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('agreements.lines.undo')}>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={t('agreements.lines.undoAria', { label: lower })}
              onClick={onUndo}
            >
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
          aria-label={t('agreements.lines.deleteAria', { label: lower })}
          title={t('agreements.lines.deleteTitle', { n: line.lineNo })}
          message={
            line.generatedCount > 0
              ? t('agreements.lines.cannotDelete', { n: line.lineNo, made: line.generatedCount })
              : t('agreements.lines.deleteMessage', { n: line.lineNo, what: line.description || t(`enums.lineType.${line.type}`) })
          }
          confirmLabel={t('agreements.lines.deleteLine')}
          onConfirm={onDelete}
        >
          <IconTrash size={14} />
        </ConfirmButton>
      )}
    </Group>
  )
}
