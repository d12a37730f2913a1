import { Button, Checkbox, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core'
import { IconCopy } from '@tabler/icons-react'
import { useState } from 'react'
import type { AgreementRow } from '@shared/domain/agreements'
import { EntitySelect } from '../../components/EntitySelect'
import { isApiError } from '../../lib/api'
import { useAgreementAction } from './mutations'

interface CopyLinesDialogProps {
  agreement: AgreementRow
  onClose: () => void
}

/**
 * "Copy lines from…": the lines (not stopped) of a template or of another agreement are appended; with
 * relations, its service tasks come along, and its service objects too when it is the same customer's.
 */
export function CopyLinesDialog({ agreement, onClose }: CopyLinesDialogProps) {
  const [source, setSource] = useState<'template' | 'agreement'>('template')
  const [fromId, setFromId] = useState<number | null>(null)
  const [withRelations, setWithRelations] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const before = agreement.lines.length
  const copy = useAgreementAction('agreements.copyLines', agreement.id, {
    done: (row) => `${row.lines.length - before} line${row.lines.length - before === 1 ? '' : 's'} copied`,
    onSuccess: onClose,
    onError: (e) => {
      if (!isApiError(e, 'VALIDATION')) return false
      setError(e.issues[0]?.message ?? e.message)
      return true
    }
  })

  return (
    <Modal opened onClose={onClose} title="Copy lines from…" size="md">
      <Stack gap="sm">
        <SegmentedControl
          size="xs"
          data={[
            { value: 'template', label: 'A template' },
            { value: 'agreement', label: 'Another agreement' }
          ]}
          value={source}
          onChange={(v) => {
            setSource(v as 'template' | 'agreement')
            setFromId(null)
            setError(null)
          }}
        />
        <EntitySelect
          key={source}
          label={source === 'template' ? 'Template' : 'Agreement'}
          placeholder="Number, description or customer"
          data-autofocus
          list="agreements.list"
          filters={{ status: source === 'template' ? 'template' : null }}
          labelOf={(a) =>
            a.isTemplate
              ? `${a.number} ${a.description} · ${a.lineCount} lines`
              : `${a.number} ${a.description} — ${a.customerName} · ${a.lineCount} lines`
          }
          value={fromId}
          onChange={(id) => {
            setFromId(id)
            setError(null)
          }}
          error={error}
          comboboxProps={{ withinPortal: true }}
        />
        <Checkbox
          label="With relations"
          description="Also relate the source’s service tasks (and its service objects, when it is this customer’s)"
          checked={withRelations}
          onChange={(e) => setWithRelations(e.currentTarget.checked)}
        />
        <Text size="xs" c="dimmed">
          Stopped lines are not copied. A line that starts before this agreement starts on its start date; an object that is not related
          here is left blank.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="sm" onClick={onClose}>
            Cancel
          </Button>
          <Button
            size="sm"
            leftSection={<IconCopy size={14} />}
            disabled={fromId === null}
            loading={copy.isPending}
            onClick={() => fromId !== null && copy.mutate({ id: agreement.id, fromAgreementId: fromId, withRelations })}
          >
            Copy lines
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
