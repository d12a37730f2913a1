import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { orderHeaderInput, type OrderRow, type Priority } from '@shared/domain/orders'
import { objectLabel, type Relation, taskLabel } from '../../components/RelationsEditor'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { i18n } from '../../lib/i18n'
import { useRecordEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'
import { schemaValidator } from '../../lib/validation'
import { orderKeys } from './queries'

export type RelationValue = Relation<'note'>

export interface HeaderValues {
  customerId: number | null
  siteId: number | null
  oneTimeAddress: string
  contactId: number | null
  description: string
  priority: Priority
  requestedStart: number | null
  requestedEnd: number | null
  plannedStart: number | null
  plannedEnd: number | null
  actualStart: number | null
  actualEnd: number | null
  preferredWorkerId: number | null
  responsibleWorkerId: number | null
  notes: string
  isTemplate: boolean
  /** The order's own SLA (override); null = the agreement's or the customer group's. */
  slaId: number | null
  /** The agreement the order is made under (a hand-made order may name one of the customer's). */
  agreementId: number | null
  objects: RelationValue[]
  tasks: RelationValue[]
}

export const emptyHeader: HeaderValues = {
  customerId: null,
  siteId: null,
  oneTimeAddress: '',
  contactId: null,
  description: '',
  priority: 'normal',
  requestedStart: null,
  requestedEnd: null,
  plannedStart: null,
  plannedEnd: null,
  actualStart: null,
  actualEnd: null,
  preferredWorkerId: null,
  responsibleWorkerId: null,
  notes: '',
  isTemplate: false,
  slaId: null,
  agreementId: null,
  objects: [],
  tasks: []
}

export function toHeader(o: OrderRow): HeaderValues {
  return {
    customerId: o.customerId,
    siteId: o.siteId,
    oneTimeAddress: o.oneTimeAddress,
    contactId: o.contactId,
    description: o.description,
    priority: o.priority,
    requestedStart: o.requestedStart,
    requestedEnd: o.requestedEnd,
    plannedStart: o.plannedStart,
    plannedEnd: o.plannedEnd,
    actualStart: o.actualStart,
    actualEnd: o.actualEnd,
    preferredWorkerId: o.preferredWorkerId,
    responsibleWorkerId: o.responsibleWorkerId,
    notes: o.notes,
    isTemplate: o.isTemplate,
    slaId: o.slaId,
    agreementId: o.agreementId,
    objects: o.objects.map((r) => ({ id: r.id, note: r.note, label: objectLabel(r) })),
    tasks: o.tasks.map((r) => ({ id: r.id, note: r.note, label: taskLabel(r) }))
  }
}

const resolve = schemaValidator(orderHeaderInput)
function validate(values: HeaderValues) {
  const errors = resolve(values)
  if (values.customerId === null) errors.customerId = i18n.t('orders.header.chooseCustomer')
  return errors
}

/**
 * The order header's form on the one record editor, with two particulars: actions elsewhere on the screen
 * (a line saved, a stage changed) replace the cached order without wiping header edits in progress, and
 * a technician's save registers only actual times and notes.
 */
export function useOrderEditor(id: number | null) {
  const { can } = useSession()
  const registerOnly = !can('orders.write') && can('orders.register')
  const editor = useRecordEditor<OrderRow, HeaderValues>({
    id,
    queryKey: orderKeys.one,
    load: (orderId) => call('serviceOrders.get', { id: orderId }),
    initialValues: emptyHeader,
    validate,
    toForm: toHeader,
    create: (values) => call('serviceOrders.create', orderHeaderInput.parse(values)),
    update: (values, current) =>
      registerOnly
        ? call('serviceOrders.register', {
            id: current.id,
            version: current.version,
            actualStart: values.actualStart,
            actualEnd: values.actualEnd,
            notes: values.notes
          })
        : call('serviceOrders.update', { ...orderHeaderInput.parse(values), id: current.id, version: current.version }),
    alsoInvalidate: [['audit']],
    savedLabel: (row, created) => (created ? i18n.t('orders.orderNumber', { number: row.number }) : i18n.t('orders.order')),
    pathOf: (orderId) => `/orders/${orderId}`,
    listPath: '/orders',
    keepEdits: true
  })
  const link = useLinkAgreement(editor)
  return { ...editor, registerOnly, link: link.mutate, linking: link.isPending }
}

/**
 * The entitlement panel's *Link* on a saved order saves the link at once: the order as stored with the
 * agreement set, through the order writer with the version the screen read — one click, as on a new order,
 * and the agreement's SLA applies right away. Header edits in progress are neither saved nor lost: they stay
 * on the form (which now names the agreement too), to be saved or discarded as before.
 */
function useLinkAgreement(editor: ReturnType<typeof useRecordEditor<OrderRow, HeaderValues>>) {
  const qc = useQueryClient()
  const { form, record } = editor
  return useMutation({
    mutationFn: ({ agreementId }: { agreementId: number; agreementNumber: string }) => {
      const current = record!
      return call('serviceOrders.update', {
        ...orderHeaderInput.parse(toHeader(current)),
        agreementId,
        id: current.id,
        version: current.version
      })
    },
    onSuccess: (row, { agreementNumber }) => {
      // A clean form refills from the saved row by itself; one with edits keeps them and takes the link.
      if (form.isDirty()) form.setFieldValue('agreementId', row.agreementId)
      qc.setQueryData(orderKeys.one(row.id), row)
      void qc.invalidateQueries({ queryKey: ['list'] })
      void qc.invalidateQueries({ queryKey: ['entitlement'] })
      void qc.invalidateQueries({ queryKey: ['audit'] })
      notifications.show({
        color: 'teal',
        message: i18n.t('intake.panel.linkSaved', { order: row.number, agreement: agreementNumber }),
        autoClose: 3000
      })
    },
    onError: (e) => showApiError(e)
  })
}
