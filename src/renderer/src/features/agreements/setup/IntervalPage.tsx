import { Grid, NumberInput, Select, Text, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { intervalInput, type IntervalRow } from '@shared/domain/agreements'
import { INTERVAL_UNITS, type IntervalUnit } from '@shared/recurrence'
import { RecordPage } from '../../../components/RecordPage'
import { useT } from '../../../lib/i18n'
import { useEditor } from '../../../lib/useEditor'
import { useSession } from '../../../lib/session'
import { intervalText } from './intervalText'

type Values = { code: string; name: string; unit: IntervalUnit; every: number | string }
const empty: Values = { code: '', name: '', unit: 'month', every: 1 }
const toForm = (r: IntervalRow): Values => ({ code: r.code, name: r.name, unit: r.unit, every: r.every })

/** A service interval: unit × count ("every 2 weeks"); a line with no interval happens once. */
export function IntervalPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const e = useEditor<IntervalRow, Values>({
    entity: 'serviceIntervals',
    label: t('agreements.intervals.one'),
    id: recordId,
    schema: intervalInput,
    empty,
    toForm,
    pathOf: (i) => `/service-intervals/${i}`,
    listPath: '/service-intervals'
  })
  const { form } = e
  const every = Number(form.values.every)

  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : t('agreements.intervals.one')}
      subtitle={e.record ? intervalText(t, e.record) : undefined}
      listLabel={t('agreements.intervals.title')}
      listPath="/service-intervals"
      editor={e}
      readOnly={!can('agreements.configure')}
      deleteWhat={t('agreements.intervals.deleteWhat')}
      audit={{ entity: 'serviceInterval', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label={t('masterdata.field.code')} withAsterisk {...form.getInputProps('code')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={3} />
        <Grid.Col span={2}>
          <NumberInput
            label={t('agreements.intervals.every')}
            withAsterisk
            min={1}
            max={120}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('every')}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <Select
            label={t('agreements.intervals.unit')}
            withAsterisk
            allowDeselect={false}
            data={INTERVAL_UNITS.map((u) => ({ value: u, label: t(`agreements.intervals.units.${u}`) }))}
            {...form.getInputProps('unit')}
          />
        </Grid.Col>
        <Grid.Col span={4} style={{ display: 'flex', alignItems: 'end' }}>
          <Text size="sm" c="dimmed" pb={6} data-testid="interval-text">
            {Number.isInteger(every) && every >= 1
              ? t('agreements.intervals.repeatsText', { text: intervalText(t, { unit: form.values.unit, every }) })
              : ''}
          </Text>
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
