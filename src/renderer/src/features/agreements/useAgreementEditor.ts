import { agreementHeaderInput, type AgreementRow, type CombineRule } from '@shared/domain/agreements'
import { objectLabel, type Relation, taskLabel } from '../../components/RelationsEditor'
import { call } from '../../lib/api'
import { today } from '../../lib/today'
import { i18n, useT } from '../../lib/i18n'
import { useRecordEditor } from '../../lib/useEditor'
import { agreementKeys } from './queries'
import { schemaValidator } from '../../lib/validation'

export type RelationValue = Relation<'internalNote' | 'externalNote'>

export interface HeaderValues {
  customerId: number | null
  description: string
  groupId: number | null
  startDate: string | null
  endDate: string | null
  suspended: boolean
  combineRule: CombineRule
  preferredWorkerId: number | null
  responsibleWorkerId: number | null
  contactId: number | null
  templateGroupId: number | null
  /** Overrides the agreement group's SLA; null = the group's. */
  slaId: number | null
  notes: string
  objects: RelationValue[]
  tasks: RelationValue[]
}

export const emptyHeader = (): HeaderValues => ({
  customerId: null,
  description: '',
  groupId: null,
  startDate: today(),
  endDate: null,
  suspended: false,
  combineRule: 'agreement',
  preferredWorkerId: null,
  responsibleWorkerId: null,
  contactId: null,
  templateGroupId: null,
  slaId: null,
  notes: '',
  objects: [],
  tasks: []
})

export function toHeader(a: AgreementRow): HeaderValues {
  return {
    customerId: a.customerId,
    description: a.description,
    groupId: a.groupId,
    startDate: a.startDate,
    endDate: a.endDate,
    suspended: a.suspended,
    combineRule: a.combineRule,
    preferredWorkerId: a.preferredWorkerId,
    responsibleWorkerId: a.responsibleWorkerId,
    contactId: a.contactId,
    templateGroupId: a.templateGroupId,
    slaId: a.slaId,
    notes: a.notes,
    objects: a.objects.map((o) => ({ id: o.id, internalNote: o.internalNote, externalNote: o.externalNote, label: objectLabel(o) })),
    tasks: a.tasks.map((t) => ({ id: t.id, internalNote: t.internalNote, externalNote: t.externalNote, label: taskLabel(t) }))
  }
}

const resolve = schemaValidator(agreementHeaderInput)
function validate(values: HeaderValues) {
  const errors = resolve(values)
  if (values.customerId === null) errors.customerId = i18n.t('agreements.header.chooseCustomer')
  if (values.groupId === null) errors.groupId = i18n.t('agreements.header.chooseGroup')
  if (values.startDate === null) errors.startDate = i18n.t('agreements.header.required')
  return errors
}

// Keeps the user's edits when line actions replace the cached agreement, but never drops relations that
// arrived with copied lines: saving the header replaces the relations, and lines may already use them.
function addMissingRelations(now: HeaderValues, next: HeaderValues): Partial<HeaderValues> {
  const added: Partial<HeaderValues> = {}
  for (const k of ['objects', 'tasks'] as const) {
    const missing = next[k].filter((r) => !now[k].some((x) => x.id === r.id))
    if (missing.length > 0) added[k] = [...now[k], ...missing]
  }
  return added
}

/** The agreement header with its object and task relations, on the one record editor. */
export function useAgreementEditor(id: number | null) {
  const t = useT()
  return useRecordEditor<AgreementRow, HeaderValues>({
    id,
    queryKey: agreementKeys.one,
    load: (agreementId) => call('agreements.get', { id: agreementId }),
    initialValues: emptyHeader(),
    validate,
    toForm: toHeader,
    create: (values) => call('agreements.create', agreementHeaderInput.parse(values)),
    update: (values, current) =>
      call('agreements.update', { ...agreementHeaderInput.parse(values), id: current.id, version: current.version }),
    remove: (current) => call('agreements.delete', { id: current.id, version: current.version }),
    alsoInvalidate: [['audit'], agreementKeys.previews],
    savedLabel: (row, created) => (created ? t('agreements.page.saved', { number: row.number }) : t('agreements.one')),
    deletedLabel: t('agreements.page.deleted'),
    pathOf: (agreementId) => `/agreements/${agreementId}`,
    listPath: '/agreements',
    keepEdits: addMissingRelations
  })
}
