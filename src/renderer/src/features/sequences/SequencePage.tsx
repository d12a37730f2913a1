import { Code, Grid, NumberInput, Text, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { numberSequenceInput, type NumberSequenceRow } from '@shared/domain/masterdata'
import { RecordPage } from '../../components/RecordPage'
import { useT } from '../../lib/i18n'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'

type Values = { code: string; name: string; prefix: string; nextNumber: number; padding: number }
const empty: Values = { code: '', name: '', prefix: '', nextNumber: 1, padding: 6 }
const toForm = (r: NumberSequenceRow): Values => ({
  code: r.code,
  name: r.name,
  prefix: r.prefix,
  nextNumber: r.nextNumber,
  padding: r.padding
})

/** The same format as the service's: prefix + the number padded with zeros. */
function preview(v: Values): string {
  const n = typeof v.nextNumber === 'number' ? v.nextNumber : 1
  const pad = typeof v.padding === 'number' ? Math.min(Math.max(v.padding, 1), 12) : 1
  return `${v.prefix.trim()}${String(n).padStart(pad, '0')}`
}

/**
 * A number sequence. The code is how the app finds its sequence, so it is fixed once created; the next
 * number can only move forward (the service refuses numbers that may already be used). No delete.
 */
export function SequencePage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const e = useEditor<NumberSequenceRow, Values>({
    entity: 'numberSequences',
    label: t('settings.sequences.one'),
    id: recordId,
    schema: numberSequenceInput,
    empty,
    toForm,
    pathOf: (i) => `/sequences/${i}`,
    listPath: '/sequences'
  })
  const { form } = e

  return (
    <RecordPage
      title={e.record ? `${e.record.name} (${e.record.code})` : t('settings.sequences.one')}
      subtitle={e.record ? t('settings.sequences.next', { preview: e.record.preview }) : undefined}
      listLabel={t('settings.sequences.title')}
      listPath="/sequences"
      editor={e}
      readOnly={!can('numberSequences.write')}
      audit={{ entity: 'numberSequence', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput
            label={t('settings.sequences.code')}
            withAsterisk={e.isNew}
            readOnly={!e.isNew}
            variant={e.isNew ? 'default' : 'filled'}
            description={e.isNew ? t('settings.sequences.codeHintNew') : t('settings.sequences.codeHint')}
            {...form.getInputProps('code')}
          />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput
            label={t('settings.sequences.name')}
            withAsterisk
            description={t('settings.sequences.nameHint')}
            {...form.getInputProps('name')}
          />
        </Grid.Col>
        <Grid.Col span={4} />
        <Grid.Col span={2}>
          <TextInput
            label={t('settings.sequences.prefix')}
            placeholder={t('settings.sequences.prefixExample')}
            {...form.getInputProps('prefix')}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <NumberInput
            label={t('settings.sequences.nextNumber')}
            withAsterisk
            min={1}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=" "
            description={e.isNew ? undefined : t('settings.sequences.cannotGoBelow', { n: e.record?.nextNumber ?? 1 })}
            {...form.getInputProps('nextNumber')}
          />
        </Grid.Col>
        <Grid.Col span={2}>
          <NumberInput
            label={t('settings.sequences.digits')}
            min={1}
            max={12}
            allowDecimal={false}
            allowNegative={false}
            description={t('settings.sequences.zeroPadded')}
            {...form.getInputProps('padding')}
          />
        </Grid.Col>
        <Grid.Col span={5} style={{ display: 'flex', alignItems: 'end' }}>
          <Text size="sm" pb={8}>
            {t('settings.sequences.nextDocumentGets')} <Code data-testid="sequence-preview">{preview(form.values)}</Code>
          </Text>
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
