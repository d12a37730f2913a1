import { Code, Grid, NumberInput, Text, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { numberSequenceInput, type NumberSequenceRow } from '@shared/domain/masterdata'
import { RecordPage } from '../../components/RecordPage'
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
  const { can } = useSession()
  const e = useEditor<NumberSequenceRow, Values>({
    entity: 'numberSequences',
    label: 'Number sequence',
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
      title={e.record ? `${e.record.name} (${e.record.code})` : 'Number sequence'}
      subtitle={e.record ? `Next: ${e.record.preview}` : undefined}
      listLabel="Number sequences"
      listPath="/sequences"
      editor={e}
      readOnly={!can('numberSequences.write')}
      audit={{ entity: 'numberSequence', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput
            label="Code"
            withAsterisk={e.isNew}
            readOnly={!e.isNew}
            variant={e.isNew ? 'default' : 'filled'}
            description={e.isNew ? 'How the app finds the sequence; fixed once created' : 'Fixed: the app finds the sequence by it'}
            {...form.getInputProps('code')}
          />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput label="Name" withAsterisk description="What the numbers are for" {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={4} />
        <Grid.Col span={2}>
          <TextInput label="Prefix" placeholder="e.g. SO-" {...form.getInputProps('prefix')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <NumberInput
            label="Next number"
            withAsterisk
            min={1}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=" "
            description={e.isNew ? undefined : `Cannot go below ${e.record?.nextNumber ?? 1}`}
            {...form.getInputProps('nextNumber')}
          />
        </Grid.Col>
        <Grid.Col span={2}>
          <NumberInput
            label="Digits"
            min={1}
            max={12}
            allowDecimal={false}
            allowNegative={false}
            description="Zero-padded"
            {...form.getInputProps('padding')}
          />
        </Grid.Col>
        <Grid.Col span={5} style={{ display: 'flex', alignItems: 'end' }}>
          <Text size="sm" pb={8}>
            Next document gets <Code data-testid="sequence-preview">{preview(form.values)}</Code>
          </Text>
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
