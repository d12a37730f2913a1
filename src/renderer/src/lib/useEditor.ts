import { type FormErrors, useForm } from '@mantine/form'
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import type { z } from 'zod'
import type { MethodName } from '@shared/api/contract'
import { call, isApiError } from './api'
import { notifyDeleted, notifySaved, showApiError } from './forms'
import { schemaValidator } from './validation'

type CrudName = { [M in MethodName]: M extends `${infer N}.get` ? N : never }[MethodName]

interface Versioned {
  id: number
  version: number
}

export const recordKeys = { one: (entity: string, id: number) => ['record', entity, id] as const }

export interface RecordEditorOptions<R extends Versioned, V extends object> {
  /** null = a new record. */
  id: number | null
  queryKey: (id: number) => QueryKey
  load: (id: number) => Promise<R>
  initialValues: V
  validate: (values: V) => FormErrors
  toForm: (row: R) => V
  create: (values: V) => Promise<R>
  /** `current` is the version the form was filled from; the update carries its version. */
  update: (values: V, current: R) => Promise<R>
  remove?: (current: R) => Promise<unknown>
  /** Queries to refresh after a save, besides every list. */
  alsoInvalidate?: QueryKey[]
  /** The notification after a save, e.g. "Order SO-000123" → "Order SO-000123 saved". */
  savedLabel: (row: R, created: boolean) => string
  /** What the notification after a delete names ("Customer" → "Customer deleted"); the saved label when omitted. */
  deletedLabel?: string
  /** Where to go after creating or deleting. */
  pathOf: (id: number) => string
  listPath: string
  /**
   * When a newer version arrives while the user edits (another action on the same screen replaced the
   * cached record): by default the form is refilled — on screens where nothing refetches on its own that
   * only happens after a save or a reload. `true` keeps the edits (the save carries the newest version);
   * a function keeps them too and adds what it returns, for fields the user must not lose sight of.
   */
  keepEdits?: true | ((now: V, next: V) => Partial<V>)
}

/**
 * Loading, editing, saving and deleting one record — the one pattern every editor uses: the form fills
 * from each version that arrives, the save carries the version it read, and a CONFLICT keeps the user's
 * edits on screen and offers a reload.
 */
export function useRecordEditor<R extends Versioned, V extends object>(o: RecordEditorOptions<R, V>) {
  const qc = useQueryClient()
  const navigate = useNavigate()
  const [conflict, setConflict] = useState(false)
  // The refusal's own words when it names who saved in between ("… changed by Mari Maasikas at 10:42 …").
  const [conflictBy, setConflictBy] = useState<string | null>(null)
  const form = useForm<V>({ initialValues: o.initialValues, validate: o.validate })
  const { id } = o

  const record = useQuery({
    queryKey: o.queryKey(id ?? 0),
    queryFn: () => o.load(id!),
    enabled: id !== null
  })

  // The effect reads the options and the dirty flag through refs: callers may pass inline functions, and
  // a dependency that changes on every render would refill the form on every render.
  const opts = useRef(o)
  opts.current = o
  const dirty = form.isDirty()
  const dirtyRef = useRef(dirty)
  dirtyRef.current = dirty
  const valuesRef = useRef(form.getValues)
  valuesRef.current = form.getValues
  // A save or an explicit reload always refills, whatever keepEdits says.
  const refill = useRef(true)
  const { setValues, resetDirty } = form
  useEffect(() => {
    if (!record.data) return
    const { keepEdits, toForm } = opts.current
    const next = toForm(record.data)
    if (keepEdits && dirtyRef.current && !refill.current) {
      if (keepEdits !== true) {
        const added = keepEdits(valuesRef.current(), next)
        if (Object.keys(added).length > 0) setValues(added)
      }
      return
    }
    refill.current = false
    setValues(next)
    resetDirty(next)
  }, [record.data, setValues, resetDirty])

  const invalidateLists = () => qc.invalidateQueries({ queryKey: ['list'] })

  const save = useMutation({
    mutationFn: (values: V): Promise<R> => (id === null ? o.create(values) : o.update(values, record.data!)),
    onSuccess: (row) => {
      setConflict(false)
      setConflictBy(null)
      refill.current = true
      qc.setQueryData(o.queryKey(row.id), row)
      void invalidateLists()
      for (const queryKey of o.alsoInvalidate ?? []) void qc.invalidateQueries({ queryKey })
      notifySaved(o.savedLabel(row, id === null))
      if (id === null) void navigate(o.pathOf(row.id), { replace: true })
    },
    onError: (e) => {
      if (isApiError(e, 'CONFLICT') && id !== null) {
        setConflict(true)
        setConflictBy(e.key === 'errors.conflictBy' ? e.message : null)
      }
      showApiError(e, form)
    }
  })

  const remove = useMutation({
    mutationFn: () => o.remove!(record.data!),
    onSuccess: () => {
      void invalidateLists()
      notifyDeleted(o.deletedLabel ?? o.savedLabel(record.data!, false))
      void navigate(o.listPath)
    },
    onError: (e) => {
      if (isApiError(e, 'CONFLICT') && (e.key === 'errors.conflict' || e.key === 'errors.conflictBy')) {
        setConflict(true)
        setConflictBy(e.key === 'errors.conflictBy' ? e.message : null)
      }
      showApiError(e)
    }
  })

  const reload = async () => {
    setConflict(false)
    setConflictBy(null)
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
    conflictBy,
    reload,
    submit: form.onSubmit((values) => save.mutate(values)),
    saving: save.isPending,
    remove: () => remove.mutate(),
    removing: remove.isPending
  }
}

export type RecordEditor<R extends Versioned, V extends object> = ReturnType<typeof useRecordEditor<R, V>>

export interface EditorOptions<R extends Versioned, V extends object> {
  /** The CRUD family, e.g. 'customers'. */
  entity: CrudName
  label: string
  /** null = a new record. */
  id: number | null
  schema: z.ZodType
  empty: V
  toForm: (row: R) => V
  /** Where to go after creating or deleting. */
  pathOf: (id: number) => string
  listPath: string
}

/** The record editor over a plain CRUD family (`<entity>.get/create/update/delete`), validated by the API's own schema. */
export function useEditor<R extends Versioned, V extends object>(o: EditorOptions<R, V>) {
  const method = (verb: string) => `${o.entity}.${verb}` as MethodName
  const parse = (values: V) => o.schema.parse(values) as object
  return useRecordEditor<R, V>({
    id: o.id,
    queryKey: (id) => recordKeys.one(o.entity, id),
    load: (id) => call(method('get'), { id } as never) as Promise<unknown> as Promise<R>,
    initialValues: o.empty,
    validate: schemaValidator(o.schema),
    toForm: o.toForm,
    create: (values) => call(method('create'), parse(values) as never) as Promise<unknown> as Promise<R>,
    update: (values, current) =>
      call(method('update'), { ...parse(values), id: current.id, version: current.version } as never) as Promise<unknown> as Promise<R>,
    remove: (current) => call(method('delete'), { id: current.id, version: current.version } as never),
    savedLabel: () => o.label,
    deletedLabel: o.label,
    pathOf: o.pathOf,
    listPath: o.listPath
  })
}
