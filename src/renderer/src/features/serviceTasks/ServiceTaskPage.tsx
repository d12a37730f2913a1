import { Grid, NumberInput, Textarea, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { serviceTaskInput, type ServiceTaskRow } from '@shared/domain/masterdata'
import { SmallMultiSelect } from '../../components/EntitySelect'
import { RecordPage } from '../../components/RecordPage'
import { useFormat, useT } from '../../lib/i18n'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'

type Values = Omit<ServiceTaskRow, 'id' | 'version'>
const empty: Values = { code: '', name: '', description: '', defaultDurationMinutes: 60, requiredSkillIds: [] }
const toForm = (r: ServiceTaskRow): Values => ({
  code: r.code,
  name: r.name,
  description: r.description,
  defaultDurationMinutes: r.defaultDurationMinutes,
  requiredSkillIds: r.requiredSkillIds
})

export function ServiceTaskPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  const e = useEditor<ServiceTaskRow, Values>({
    entity: 'serviceTasks',
    label: t('masterdata.serviceTasks.one'),
    id: recordId,
    schema: serviceTaskInput,
    empty,
    toForm,
    pathOf: (i) => `/tasks/${i}`,
    listPath: '/tasks'
  })
  const { form } = e
  const minutes = form.values.defaultDurationMinutes

  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : t('masterdata.serviceTasks.one')}
      subtitle={e.record ? t('masterdata.serviceTasks.usually', { duration: f.duration(e.record.defaultDurationMinutes) }) : undefined}
      listLabel={t('masterdata.serviceTasks.title')}
      listPath="/tasks"
      editor={e}
      readOnly={!can('catalog.write')}
      deleteWhat={t('masterdata.serviceTasks.deleteWhat')}
      audit={{ entity: 'serviceTask', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label={t('masterdata.field.code')} withAsterisk {...form.getInputProps('code')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <NumberInput
            label={t('masterdata.serviceTasks.defaultDuration')}
            min={0}
            max={24 * 60 * 7}
            step={15}
            allowDecimal={false}
            allowNegative={false}
            description={`= ${f.duration(typeof minutes === 'number' ? minutes : 0)}`}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('defaultDurationMinutes')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <SmallMultiSelect
            label={t('masterdata.serviceTasks.requiredSkills')}
            placeholder={form.values.requiredSkillIds.length ? undefined : t('masterdata.serviceTasks.noSpecialSkills')}
            list="skills.list"
            labelOf={(s) => s.name}
            value={form.values.requiredSkillIds}
            onChange={(v) => form.setFieldValue('requiredSkillIds', v)}
            error={form.errors.requiredSkillIds}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label={t('masterdata.field.description')} autosize minRows={3} {...form.getInputProps('description')} />
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
