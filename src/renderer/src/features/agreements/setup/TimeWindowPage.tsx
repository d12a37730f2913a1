import { Grid, Input, NumberInput, SegmentedControl, Text, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { timeWindowInput, type TimeWindowRow } from '@shared/domain/agreements'
import { WINDOW_KINDS, type WindowKind } from '@shared/recurrence'
import { RecordPage } from '../../../components/RecordPage'
import { useT } from '../../../lib/i18n'
import { useEditor } from '../../../lib/useEditor'
import { useSession } from '../../../lib/session'
import { windowText } from './windowText'

type Values = { code: string; name: string; kind: WindowKind; daysBefore: number | string; daysAfter: number | string }
const empty: Values = { code: '', name: '', kind: 'manual', daysBefore: 0, daysAfter: 0 }
const toForm = (r: TimeWindowRow): Values => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  daysBefore: r.daysBefore,
  daysAfter: r.daysAfter
})

/** A time window: how far a visit may move from its calculated date so that visits share orders. */
export function TimeWindowPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const readOnly = !can('agreements.configure')
  const e = useEditor<TimeWindowRow, Values>({
    entity: 'timeWindows',
    label: t('agreements.timeWindows.one'),
    id: recordId,
    schema: timeWindowInput,
    empty,
    toForm,
    pathOf: (i) => `/time-windows/${i}`,
    listPath: '/time-windows'
  })
  const { form } = e
  const v = form.values
  const manual = v.kind === 'manual'

  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : t('agreements.timeWindows.one')}
      subtitle={e.record ? t('agreements.timeWindows.subtitle', { text: windowText(t, e.record) }) : undefined}
      listLabel={t('agreements.timeWindows.title')}
      listPath="/time-windows"
      editor={e}
      readOnly={readOnly}
      deleteWhat={t('agreements.timeWindows.deleteWhat')}
      audit={{ entity: 'timeWindow', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label={t('masterdata.field.code')} withAsterisk {...form.getInputProps('code')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={3} />
        <Grid.Col span={6}>
          <Input.Wrapper label={t('agreements.timeWindows.kind')} withAsterisk error={form.errors.kind}>
            <SegmentedControl
              fullWidth
              size="sm"
              disabled={readOnly}
              data={WINDOW_KINDS.map((k) => ({ value: k, label: t(`agreements.timeWindows.kinds.${k}`) }))}
              value={v.kind}
              onChange={(k) => {
                form.setFieldValue('kind', k as WindowKind)
                if (k !== 'manual') {
                  form.setFieldValue('daysBefore', 0)
                  form.setFieldValue('daysAfter', 0)
                }
              }}
            />
          </Input.Wrapper>
        </Grid.Col>
        {manual && (
          <>
            <Grid.Col span={2}>
              <NumberInput
                label={t('agreements.timeWindows.daysBefore')}
                min={0}
                max={180}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('daysBefore')}
              />
            </Grid.Col>
            <Grid.Col span={2}>
              <NumberInput
                label={t('agreements.timeWindows.daysAfter')}
                min={0}
                max={180}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('daysAfter')}
              />
            </Grid.Col>
          </>
        )}
        <Grid.Col span={12}>
          <Text size="sm" c="dimmed" data-testid="window-text">
            {t('agreements.timeWindows.explain', {
              text: windowText(t, { kind: v.kind, daysBefore: Number(v.daysBefore) || 0, daysAfter: Number(v.daysAfter) || 0 })
            })}
          </Text>
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
