import { Button, Group, Modal, SegmentedControl, Stack, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { EntitySelect } from '../../components/EntitySelect'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useT } from '../../lib/i18n'

/**
 * A new, editable template copied from another template or from a service object's current structure; opens it.
 * An attached template is kept as it was, so a changed model starts from a copy.
 */
export function CopyTemplateDialog({ fromTemplateId = null, onClose }: { fromTemplateId?: number | null; onClose: () => void }) {
  const t = useT()
  const navigate = useNavigate()
  const qc = useQueryClient()
  const [source, setSource] = useState<'template' | 'object'>('template')
  const [templateId, setTemplateId] = useState<number | null>(fromTemplateId)
  const [objectId, setObjectId] = useState<number | null>(null)
  const [number, setNumber] = useState('')
  const [name, setName] = useState('')
  const copy = useMutation({
    mutationFn: () =>
      call('bomTemplates.copy', {
        number,
        name,
        fromTemplateId: source === 'template' ? templateId : null,
        fromObjectId: source === 'object' ? objectId : null
      }),
    onSuccess: (created) => {
      void qc.invalidateQueries({ queryKey: ['list', 'bomTemplates.list'] })
      onClose()
      void navigate(`/bom-templates/${created.id}`)
    },
    onError: (e) => showApiError(e)
  })
  return (
    <Modal opened onClose={onClose} title={t('repair.templates.copyTitle')}>
      <Stack gap="sm">
        <SegmentedControl
          value={source}
          onChange={(v) => setSource(v as 'template' | 'object')}
          data={[
            { value: 'template', label: t('repair.templates.fromTemplate') },
            { value: 'object', label: t('repair.templates.fromObject') }
          ]}
        />
        {source === 'template' ? (
          <EntitySelect
            label={t('repair.templates.one')}
            list="bomTemplates.list"
            labelOf={(b) => `${b.number} · ${b.name}`}
            value={templateId}
            onChange={setTemplateId}
          />
        ) : (
          <EntitySelect
            label={t('repair.lines.object')}
            list="serviceObjects.list"
            labelOf={(o) => `${o.number} ${o.name}`}
            value={objectId}
            onChange={setObjectId}
          />
        )}
        <TextInput label={t('repair.templates.number')} maxLength={30} value={number} onChange={(e) => setNumber(e.currentTarget.value)} />
        <TextInput label={t('masterdata.field.name')} maxLength={100} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={copy.isPending}
            disabled={(source === 'template' ? templateId : objectId) === null}
            onClick={() => copy.mutate()}
            data-testid="copy-template-save"
          >
            {t('repair.templates.copy')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
