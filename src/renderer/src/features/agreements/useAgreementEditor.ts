import { schemaResolver, useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { agreementHeaderInput, type AgreementRow, type CombineRule } from '@shared/domain/agreements'
import { call, isApiError } from '../../lib/api'
import { today } from '../../lib/format'
import { notifySaved, showApiError } from '../../lib/forms'
import { agreementKeys, agreementQuery } from './queries'

export interface RelationValue {
  id: number
  internalNote: string
  externalNote: string
  /** Shown only; the API takes the id and the notes. */
  label: string
}

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

export const objectLabel = (o: { number: string; name: string; serialNumber: string }) => `${o.number} ${o.name}${o.serialNumber ? ` · S/N ${o.serialNumber}` : ''}`
export const taskLabel = (t: { code: string; name: string }) => `${t.code} · ${t.name}`

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

const resolve = schemaResolver(agreementHeaderInput, { sync: true })
function validate(values: HeaderValues) {
  const errors = resolve(values)
  if (values.customerId === null) errors.customerId = 'Choose a customer'
  if (values.groupId === null) errors.groupId = 'Choose an agreement group'
  if (values.startDate === null) errors.startDate = 'Required'
  return errors
}

/**
 * The agreement header with its object and task relations. Like useEditor (version on save, CONFLICT
 * banner, reload), except that line actions elsewhere on the screen replace the cached agreement without
 * wiping header edits in progress; relations copied in with lines are added to the form.
 */
export function useAgreementEditor(id: number | null) {
  const qc = useQueryClient()
  const navigate = useNavigate()
  const [conflict, setConflict] = useState(false)
  const form = useForm<HeaderValues>({ initialValues: emptyHeader(), validate })
  const record = useQuery({ ...agreementQuery(id ?? 0), enabled: id !== null })

  const dirty = form.isDirty()
  const dirtyRef = useRef(dirty)
  dirtyRef.current = dirty
  const refill = useRef(true)
  const valuesRef = useRef(form.getValues)
  valuesRef.current = form.getValues
  const { setValues, resetDirty, setFieldValue } = form
  useEffect(() => {
    if (!record.data) return
    const next = toHeader(record.data)
    if (dirtyRef.current && !refill.current) {
      // Keep the user's edits, but never drop relations that arrived with copied lines: saving the header
      // replaces the relations, and lines may already use them.
      const now = valuesRef.current()
      const missing = <K extends 'objects' | 'tasks'>(k: K) => next[k].filter((r) => !now[k].some((x) => x.id === r.id))
      if (missing('objects').length > 0) setFieldValue('objects', [...now.objects, ...missing('objects')])
      if (missing('tasks').length > 0) setFieldValue('tasks', [...now.tasks, ...missing('tasks')])
      return
    }
    refill.current = false
    setValues(next)
    resetDirty(next)
  }, [record.data, setValues, resetDirty, setFieldValue])

  const save = useMutation({
    mutationFn: async (values: HeaderValues): Promise<AgreementRow> => {
      const parsed = agreementHeaderInput.parse(values)
      if (id === null) return call('agreements.create', parsed)
      return call('agreements.update', { ...parsed, id, version: record.data!.version })
    },
    onSuccess: (row) => {
      setConflict(false)
      refill.current = true
      qc.setQueryData(agreementKeys.one(row.id), row)
      void qc.invalidateQueries({ queryKey: ['list'] })
      void qc.invalidateQueries({ queryKey: ['audit'] })
      void qc.invalidateQueries({ queryKey: agreementKeys.previews })
      notifySaved(id === null ? `Agreement ${row.number}` : 'Agreement')
      if (id === null) navigate(`/agreements/${row.id}`, { replace: true })
    },
    onError: (e) => {
      if (isApiError(e, 'CONFLICT') && id !== null) setConflict(true)
      showApiError(e, form)
    }
  })

  const remove = useMutation({
    mutationFn: () => call('agreements.delete', { id: id!, version: record.data!.version }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['list'] })
      notifySaved('Agreement deleted —')
      navigate('/agreements')
    },
    onError: (e) => {
      if (isApiError(e, 'CONFLICT') && /changed/.test(e.message)) setConflict(true)
      showApiError(e)
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
    conflict,
    reload,
    submit: form.onSubmit((values) => save.mutate(values)),
    saving: save.isPending,
    remove: () => remove.mutate(),
    removing: remove.isPending
  }
}
