import { Button, Checkbox, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core'
import { IconCopy } from '@tabler/icons-react'
import { useState } from 'react'
import type { AgreementRow } from '@shared/domain/agreements'
import { EntitySelect } from '../../components/EntitySelect'
import { isApiError } from '../../lib/api'
import { useT } from '../../lib/i18n'
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
  const t = useT()
  const [source, setSource] = useState<'template' | 'agreement'>('template')
  const [fromId, setFromId] = useState<number | null>(null)
  const [withRelations, setWithRelations] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const before = agreement.lines.length
  const copy = useAgreementAction('agreements.copyLines', agreement.id, {
    done: (row) => t('agreements.copy.copied', { count: row.lines.length - before }),
    onSuccess: onClose,
    onError: (e) => {
      if (!isApiError(e, 'VALIDATION')) return false
      setError(e.issues[0]?.message ?? e.message)
      return true
    }
  })

  return (
    <Modal opened onClose={onClose} title={t('agreements.copy.title')} size="md">
      <Stack gap="sm">
        <SegmentedControl
          size="xs"
          data={[
            { value: 'template', label: t('agreements.copy.aTemplate') },
            { value: 'agreement', label: t('agreements.copy.another') }
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
          label={source === 'template' ? t('agreements.copy.template') : t('agreements.copy.agreement')}
          placeholder={t('agreements.search')}
          data-autofocus
          list="agreements.list"
          filters={{ status: source === 'template' ? 'template' : null }}
          labelOf={(a) =>
            a.isTemplate
              ? `${a.number} ${a.description} · ${t('agreements.copy.lineCount', { count: a.lineCount })}`
              : `${a.number} ${a.description} — ${a.customerName} · ${t('agreements.copy.lineCount', { count: a.lineCount })}`
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
          label={t('agreements.copy.withRelations')}
          description={t('agreements.copy.withRelationsHint')}
          checked={withRelations}
          onChange={(e) => setWithRelations(e.currentTarget.checked)}
        />
        <Text size="xs" c="dimmed">
          {t('agreements.copy.note')}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="sm" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            size="sm"
            leftSection={<IconCopy size={14} />}
            disabled={fromId === null}
            loading={copy.isPending}
            onClick={() => fromId !== null && copy.mutate({ id: agreement.id, fromAgreementId: fromId, withRelations })}
          >
            {t('agreements.copy.copy')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
