import { Grid, NumberInput, Textarea, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { serviceTaskInput, type ServiceTaskRow } from '@shared/domain/masterdata'
import { SmallMultiSelect } from '../../components/EntitySelect'
import { RecordPage } from '../../components/RecordPage'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'
import { formatMinutes } from './duration'

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
  const { can } = useSession()
  const e = useEditor<ServiceTaskRow, Values>({
    entity: 'serviceTasks',
    label: 'Service task',
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
      title={e.record ? `${e.record.code} · ${e.record.name}` : 'Service task'}
      subtitle={e.record ? `Usually ${formatMinutes(e.record.defaultDurationMinutes)} h` : undefined}
      listLabel="Service tasks"
      listPath="/tasks"
      editor={e}
      readOnly={!can('catalog.write')}
      deleteWhat="the service task and its skill requirements"
      audit={{ entity: 'serviceTask', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label="Code" withAsterisk {...form.getInputProps('code')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <NumberInput
            label="Default duration (minutes)"
            min={0}
            max={24 * 60 * 7}
            step={15}
            allowDecimal={false}
            allowNegative={false}
            description={`= ${formatMinutes(typeof minutes === 'number' ? minutes : 0)} h`}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('defaultDurationMinutes')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <SmallMultiSelect
            label="Required skills"
            placeholder={form.values.requiredSkillIds.length ? undefined : 'No special skills'}
            list="skills.list"
            labelOf={(s) => s.name}
            value={form.values.requiredSkillIds}
            onChange={(v) => form.setFieldValue('requiredSkillIds', v)}
            error={form.errors.requiredSkillIds}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label="Description" autosize minRows={3} {...form.getInputProps('description')} />
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
