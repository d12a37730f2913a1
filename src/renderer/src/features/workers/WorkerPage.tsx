import { Anchor, Checkbox, Grid, Group, MultiSelect, Stack, Text, TextInput, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link, useParams, useSearchParams } from 'react-router'
import { WORKER_ROLES, workerInput, type WeekHours, type WorkerRow } from '@shared/domain/masterdata'
import { CoordinateInputs } from '../../components/CoordinateInputs'
import { EntitySelect, SmallMultiSelect } from '../../components/EntitySelect'
import { RecordPage } from '../../components/RecordPage'
import { WeekHoursEditor } from '../../components/WeekHoursEditor'
import { call } from '../../lib/api'
import { useT } from '../../lib/i18n'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'
import { settingsQuery } from '../../lib/settings'

type WorkerRole = (typeof WORKER_ROLES)[number]

type Values = {
  number: string
  name: string
  email: string
  phone: string
  roles: WorkerRole[]
  teamId: number | null
  skillIds: number[]
  homeBase: string
  homeLatitude: number | null
  homeLongitude: number | null
  workingHours: WeekHours | null
  active: boolean
}

const toForm = (r: WorkerRow): Values => ({
  number: r.number,
  name: r.name,
  email: r.email,
  phone: r.phone,
  roles: r.roles,
  teamId: r.teamId,
  skillIds: r.skillIds,
  homeBase: r.homeBase,
  homeLatitude: r.homeLatitude,
  homeLongitude: r.homeLongitude,
  workingHours: r.workingHours,
  active: r.active
})

const OFFICE_HOURS: WeekHours = [0, 1, 2, 3, 4, 5, 6].map((d) => ({ open: d < 5, start: '08:00', end: '17:00' }))

/** Who the worker signs in as, if anyone (only administrators may open user accounts). */
function LinkedUser({ userId }: { userId: number | null }) {
  const t = useT()
  const { can } = useSession()
  const mayOpen = can('users.manage')
  const user = useQuery({
    queryKey: ['record', 'users', userId ?? 0],
    queryFn: () => call('users.get', { id: userId! }),
    enabled: userId !== null && mayOpen
  })
  if (userId === null) {
    return (
      <Text size="sm" c="dimmed" data-testid="worker-user">
        {t('masterdata.workers.noUser')}
      </Text>
    )
  }
  return (
    <Text size="sm" data-testid="worker-user">
      {t('masterdata.workers.signsInAs')}{' '}
      {mayOpen ? (
        <Anchor component={Link} to={`/users/${userId}`} size="sm">
          {user.data ? `${user.data.username} (${user.data.displayName})` : t('masterdata.workers.userAccount')}
        </Anchor>
      ) : (
        t('masterdata.workers.linkedUserAccount')
      )}
      .
    </Text>
  )
}

export function WorkerPage() {
  const { id } = useParams()
  const [search] = useSearchParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const presetTeam = search.get('teamId')
  const e = useEditor<WorkerRow, Values>({
    entity: 'workers',
    label: t('masterdata.workers.one'),
    id: recordId,
    schema: workerInput,
    empty: {
      number: '',
      name: '',
      email: '',
      phone: '',
      roles: ['technician'],
      teamId: presetTeam ? Number(presetTeam) : null,
      skillIds: [],
      homeBase: '',
      homeLatitude: null,
      homeLongitude: null,
      workingHours: null,
      active: true
    },
    toForm,
    pathOf: (i) => `/workers/${i}`,
    listPath: '/workers'
  })
  const { form } = e
  const settings = useQuery(settingsQuery)
  const hours = form.values.workingHours

  return (
    <RecordPage
      title={e.record ? `${e.record.number} ${e.record.name}` : t('masterdata.workers.one')}
      subtitle={
        e.record
          ? [e.record.roles.map((r) => t(`enums.workerRole.${r}`)).join(', '), e.record.teamName].filter(Boolean).join(' · ')
          : undefined
      }
      listLabel={t('masterdata.workers.title')}
      listPath="/workers"
      editor={e}
      readOnly={!can('resources.write')}
      deleteWhat={t('masterdata.workers.deleteWhat')}
      audit={{ entity: 'worker', id: recordId }}
    >
      <Stack gap="md">
        <Grid gap="sm">
          <Grid.Col span={2}>
            <TextInput
              label={t('masterdata.field.number')}
              placeholder={t('masterdata.field.nextFromSequence')}
              {...form.getInputProps('number')}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput label={t('masterdata.field.email')} {...form.getInputProps('email')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput label={t('masterdata.field.phone')} {...form.getInputProps('phone')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <MultiSelect
              label={t('masterdata.field.roles')}
              withAsterisk
              data={WORKER_ROLES.map((r) => ({ value: r, label: t(`enums.workerRole.${r}`) }))}
              value={form.values.roles}
              onChange={(v) => form.setFieldValue('roles', v as WorkerRole[])}
              error={form.errors.roles}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <EntitySelect
              label={t('masterdata.workers.dispatchTeam')}
              placeholder={t('masterdata.workers.noTeam')}
              list="dispatchTeams.list"
              labelOf={(team) => team.name}
              value={form.values.teamId}
              onChange={(v) => form.setFieldValue('teamId', v)}
              error={form.errors.teamId}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput
              label={t('masterdata.workers.homeBase')}
              placeholder={t('masterdata.workers.homeBaseHint')}
              {...form.getInputProps('homeBase')}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <CoordinateInputs
              labels={{ latitude: t('masterdata.workers.homeLatitude'), longitude: t('masterdata.workers.homeLongitude'), visible: true }}
              value={{ latitude: form.values.homeLatitude, longitude: form.values.homeLongitude }}
              onChange={(p) => form.setValues({ homeLatitude: p.latitude, homeLongitude: p.longitude })}
              errors={{ latitude: form.errors.homeLatitude, longitude: form.errors.homeLongitude }}
              testId="home-coordinates"
            />
          </Grid.Col>
          <Grid.Col span={5}>
            <SmallMultiSelect
              label={t('masterdata.workers.skills')}
              placeholder={form.values.skillIds.length ? undefined : t('masterdata.workers.noSkills')}
              list="skills.list"
              labelOf={(s) => s.name}
              value={form.values.skillIds}
              onChange={(v) => form.setFieldValue('skillIds', v)}
              error={form.errors.skillIds}
            />
          </Grid.Col>
          <Grid.Col span={3} style={{ display: 'flex', alignItems: 'end' }}>
            <Checkbox label={t('masterdata.field.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          </Grid.Col>
          {!e.isNew && (
            <Grid.Col span={12}>
              <LinkedUser userId={e.record?.userId ?? null} />
            </Grid.Col>
          )}
        </Grid>

        <div>
          <Group gap="md" mb={6} align="center">
            <Title order={5}>{t('masterdata.workers.workingHours')}</Title>
            <Checkbox
              label={t('masterdata.workers.usesCompanyCalendar')}
              checked={hours === null}
              onChange={(ev) =>
                form.setFieldValue('workingHours', ev.currentTarget.checked ? null : (settings.data?.workingHours ?? OFFICE_HOURS))
              }
            />
          </Group>
          {hours === null ? (
            <Text size="sm" c="dimmed">
              {t('masterdata.workers.worksCompanyCalendar')}
            </Text>
          ) : (
            <WeekHoursEditor
              value={hours}
              onChange={(v) => form.setFieldValue('workingHours', v)}
              errorOf={(day, field) => form.errors[`workingHours.${day}.${field}`]}
              error={form.errors.workingHours}
            />
          )}
        </div>
      </Stack>
    </RecordPage>
  )
}
