import { schemaResolver, useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { orderHeaderInput, type OrderRow, type Priority } from '@shared/domain/orders'
import { call, isApiError } from '../../lib/api'
import { notifySaved, showApiError } from '../../lib/forms'
import { useSession } from '../../lib/session'
import { orderKeys } from './queries'

export interface RelationValue {
  id: number
  note: string
  /** Shown only; the API takes id and note. */
  label: string
}

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
  objects: [],
  tasks: []
}

export const objectLabel = (o: { number: string; name: string; serialNumber: string }) => `${o.number} ${o.name}${o.serialNumber ? ` · S/N ${o.serialNumber}` : ''}`
export const taskLabel = (t: { code: string; name: string }) => `${t.code} · ${t.name}`

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
    objects: o.objects.map((r) => ({ id: r.id, note: r.note, label: objectLabel(r) })),
    tasks: o.tasks.map((r) => ({ id: r.id, note: r.note, label: taskLabel(r) }))
  }
}

const resolve = schemaResolver(orderHeaderInput, { sync: true })
function validate(values: HeaderValues) {
  const errors = resolve(values)
  if (values.customerId === null) errors.customerId = 'Choose a customer'
  return errors
}

/**
 * The order header's form. Like useEditor (same CONFLICT banner and reload), with two differences: actions
 * elsewhere on the screen (a line saved, a stage changed) replace the cached order without wiping header
 * edits in progress, and a technician's save registers only actual times and notes.
 */
export function useOrderEditor(id: number | null) {
  const qc = useQueryClient()
  const navigate = useNavigate()
  const { can } = useSession()
  const [conflict, setConflict] = useState(false)
  const form = useForm<HeaderValues>({ initialValues: emptyHeader, validate })
  const registerOnly = !can('orders.write') && can('orders.register')

  const record = useQuery({
    queryKey: orderKeys.one(id ?? 0),
    queryFn: () => call('serviceOrders.get', { id: id! }),
    enabled: id !== null
  })

  // Fill the form when a version arrives — unless the user is in the middle of editing the header and
  // the new version came from another action on this screen (then their edits stay; the save carries
  // the newest version). A save or an explicit reload always refills.
  const dirty = form.isDirty()
  const dirtyRef = useRef(dirty)
  dirtyRef.current = dirty
  const refill = useRef(true)
  const { setValues, resetDirty } = form
  useEffect(() => {
    if (!record.data) return
    if (dirtyRef.current && !refill.current) return
    refill.current = false
    const v = toHeader(record.data)
    setValues(v)
    resetDirty(v)
  }, [record.data, setValues, resetDirty])

  const save = useMutation({
    mutationFn: async (values: HeaderValues): Promise<OrderRow> => {
      if (id === null) return call('serviceOrders.create', orderHeaderInput.parse(values))
      const current = record.data!
      if (registerOnly) {
        return call('serviceOrders.register', { id, version: current.version, actualStart: values.actualStart, actualEnd: values.actualEnd, notes: values.notes })
      }
      return call('serviceOrders.update', { ...orderHeaderInput.parse(values), id, version: current.version })
    },
    onSuccess: (row) => {
      setConflict(false)
      refill.current = true
      qc.setQueryData(orderKeys.one(row.id), row)
      void qc.invalidateQueries({ queryKey: ['list'] })
      void qc.invalidateQueries({ queryKey: ['audit'] })
      notifySaved(id === null ? `Order ${row.number}` : 'Order')
      if (id === null) navigate(`/orders/${row.id}`, { replace: true })
    },
    onError: (e) => {
      if (isApiError(e, 'CONFLICT') && id !== null) setConflict(true)
      showApiError(e, form)
    }
  })

  const reload = async () => {
    setConflict(false)
    refill.current = true
    await record.refetch()
  }

  return {
    form,
    record: record.data ?? null,
    loading: id !== null && record.isLoading,
    loadError: record.error,
    isNew: id === null,
    registerOnly,
    conflict,
    reload,
    submit: form.onSubmit((values) => save.mutate(values)),
    saving: save.isPending
  }
}
