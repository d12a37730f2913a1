import { Grid, Stack, Switch, Textarea, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useParams } from 'react-router'
import { slaInput, type SlaRow } from '@shared/domain/sla'
import { RecordPage } from '../../components/RecordPage'
import { useT } from '../../lib/i18n'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'
import { settingsQuery } from '../../lib/settings'
import { workingDayMinutes } from './calendarText'
import { SlaCalendar } from './SlaCalendar'
import { SlaStages } from './SlaStages'
import { SlaTargets } from './SlaTargets'
import { empty, toForm, type SlaValues } from './slaForm'

/**
 * One service-level agreement: targets per priority in business time, the calendar they count on
 * (the shop's or its own), and which stages pause the clock or meet a target.
 */
export function SlaPage() {
  const t = useT()
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const { can } = useSession()
  const readOnly = !can('sla.configure')
  const settings = useQuery(settingsQuery)
  const e = useEditor<SlaRow, SlaValues>({
    entity: 'slaDefinitions',
    label: t('sla.editor.entity'),
    id: recordId,
    schema: slaInput,
    empty,
    toForm,
    pathOf: (i) => `/slas/${i}`,
    listPath: '/slas'
  })
  const { form } = e
  const v = form.values
  const week = v.workingHours ?? settings.data?.workingHours ?? null
  const dayMinutes = week ? workingDayMinutes(week) : null

  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : t('sla.editor.entity')}
      subtitle={
        e.record ? (e.record.inUse > 0 ? t('sla.editor.assignedIn', { count: e.record.inUse }) : t('sla.editor.notAssigned')) : undefined
      }
      listLabel={t('sla.editor.listLabel')}
      listPath="/slas"
      editor={e}
      readOnly={readOnly}
      deleteWhat={t('sla.editor.deleteWhat')}
      audit={{ entity: 'slaDefinition', id: recordId }}
    >
      <Stack gap="md">
        <Grid gap="sm">
          <Grid.Col span={3}>
            <TextInput label={t('sla.editor.code')} withAsterisk {...form.getInputProps('code')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label={t('sla.editor.name')} withAsterisk {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <Switch
              mt="xl"
              label={t('sla.editor.suspended')}
              description={t('sla.editor.suspendedHint')}
              {...form.getInputProps('suspended', { type: 'checkbox' })}
            />
          </Grid.Col>
          <Grid.Col span={9}>
            <Textarea label={t('sla.editor.description')} autosize minRows={1} {...form.getInputProps('description')} />
          </Grid.Col>
        </Grid>

        <SlaTargets form={form} week={week} dayMinutes={dayMinutes} />

        <SlaCalendar form={form} readOnly={readOnly} shop={settings.data} week={week} />

        <SlaStages form={form} />
      </Stack>
    </RecordPage>
  )
}
