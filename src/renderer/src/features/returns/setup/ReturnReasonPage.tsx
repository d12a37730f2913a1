import { Grid, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { returnReasonInput, type ReturnReasonRow } from '@shared/domain/returns'
import { EntitySelect } from '../../../components/EntitySelect'
import { MoneyInput } from '../../../components/MoneyInput'
import { RecordPage } from '../../../components/RecordPage'
import { useT } from '../../../lib/i18n'
import { useEditor } from '../../../lib/useEditor'
import { useSession } from '../../../lib/session'

type Values = Omit<ReturnReasonRow, 'id' | 'version' | 'groupName'>
const empty: Values = { code: '', name: '', groupId: null, chargeCategoryId: null, chargeItemId: null, chargeAmount: 0 }
const toForm = (r: ReturnReasonRow): Values => ({
  code: r.code,
  name: r.name,
  groupId: r.groupId,
  chargeCategoryId: r.chargeCategoryId,
  chargeItemId: r.chargeItemId,
  chargeAmount: r.chargeAmount
})

/** A return reason code, in a group, with the handling charge it may bring. */
export function ReturnReasonPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const e = useEditor<ReturnReasonRow, Values>({
    entity: 'returnReasons',
    label: t('returns.setup.reasons.one'),
    id: recordId,
    schema: returnReasonInput,
    empty,
    toForm,
    pathOf: (i) => `/return-reasons/${i}`,
    listPath: '/return-reasons'
  })
  const { form } = e
  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : t('returns.setup.reasons.one')}
      listLabel={t('returns.setup.reasons.title')}
      listPath="/return-reasons"
      editor={e}
      readOnly={!can('returns.configure')}
      deleteWhat={t('returns.setup.reasons.deleteWhat')}
      audit={{ entity: 'returnReason', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label={t('masterdata.field.code')} withAsterisk {...form.getInputProps('code')} />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={4}>
          <EntitySelect
            label={t('returns.setup.reasons.group')}
            list="returnReasonGroups.list"
            labelOf={(g) => `${g.code} · ${g.name}`}
            value={form.values.groupId}
            onChange={(v) => form.setFieldValue('groupId', v)}
            error={form.errors.groupId}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <EntitySelect
            label={t('returns.setup.reasons.chargeCategory')}
            list="categories.list"
            labelOf={(c) => `${c.code} · ${c.name}`}
            value={form.values.chargeCategoryId}
            onChange={(v) => form.setFieldValue('chargeCategoryId', v)}
            error={form.errors.chargeCategoryId}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <EntitySelect
            label={t('returns.setup.reasons.chargeItem')}
            list="items.list"
            labelOf={(i) => `${i.number} · ${i.name}`}
            value={form.values.chargeItemId}
            onChange={(v) => form.setFieldValue('chargeItemId', v)}
            error={form.errors.chargeItemId}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <MoneyInput
            label={t('returns.setup.reasons.charge')}
            value={form.values.chargeAmount}
            onChange={(v) => form.setFieldValue('chargeAmount', v)}
            error={form.errors.chargeAmount}
          />
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
