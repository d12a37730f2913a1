import { Grid, Select, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { DISPOSITION_ACTIONS, dispositionInput, type DispositionRow } from '@shared/domain/returns'
import { RecordPage } from '../../../components/RecordPage'
import { useT } from '../../../lib/i18n'
import { useEditor } from '../../../lib/useEditor'
import { useSession } from '../../../lib/session'

type Values = Omit<DispositionRow, 'id' | 'version'>
const empty: Values = { code: '', name: '', action: 'credit' }
const toForm = (r: DispositionRow): Values => ({ code: r.code, name: r.name, action: r.action })

/** A disposition code: the shop's name for one of the seven actions. */
export function DispositionCodePage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const e = useEditor<DispositionRow, Values>({
    entity: 'dispositionCodes',
    label: t('returns.setup.dispositions.one'),
    id: recordId,
    schema: dispositionInput,
    empty,
    toForm,
    pathOf: (i) => `/disposition-codes/${i}`,
    listPath: '/disposition-codes'
  })
  const { form } = e
  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : t('returns.setup.dispositions.one')}
      listLabel={t('returns.setup.dispositions.title')}
      listPath="/disposition-codes"
      editor={e}
      readOnly={!can('returns.configure')}
      deleteWhat={t('returns.setup.dispositions.deleteWhat')}
      audit={{ entity: 'dispositionCode', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label={t('masterdata.field.code')} withAsterisk {...form.getInputProps('code')} />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={4}>
          <Select
            label={t('returns.setup.dispositions.action')}
            withAsterisk
            data={DISPOSITION_ACTIONS.map((a) => ({ value: a, label: t(`enums.dispositionAction.${a}`) }))}
            {...form.getInputProps('action')}
          />
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
