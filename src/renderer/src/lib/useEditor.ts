import { schemaResolver, useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router'
import type { z } from 'zod'
import type { MethodName } from '@shared/api/contract'
import { call, isApiError } from './api'
import { notifySaved, showApiError } from './forms'

type CrudName = { [M in MethodName]: M extends `${infer N}.get` ? N : never }[MethodName]

interface Versioned {
  id: number
  version: number
}

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

export const recordKeys = { one: (entity: string, id: number) => ['record', entity, id] as const }

/**
 * Loading, editing, saving and deleting one record: the form validates with the API's own zod schema,
 * the save carries the version it read, and a CONFLICT keeps the user's edits on screen and offers a reload.
 */
export function useEditor<R extends Versioned, V extends object>(o: EditorOptions<R, V>) {
  const qc = useQueryClient()
  const navigate = useNavigate()
  const [conflict, setConflict] = useState(false)
  const form = useForm<V>({ initialValues: o.empty, validate: schemaResolver(o.schema, { sync: true }) })

  const record = useQuery({
    queryKey: recordKeys.one(o.entity, o.id ?? 0),
    queryFn: () => call(`${o.entity}.get` as MethodName, { id: o.id! } as never) as Promise<unknown> as Promise<R>,
    enabled: o.id !== null
  })

  // Fill the form whenever a version of the record arrives: first load, after a save, after a reload.
  // (Nothing refetches on its own, so a user's unsaved edits are never replaced behind their back.)
  const { setValues, resetDirty } = form
  const { toForm } = o
  useEffect(() => {
    if (!record.data) return
    setValues(toForm(record.data))
    resetDirty(toForm(record.data))
  }, [record.data, setValues, resetDirty, toForm])

  const invalidate = () => qc.invalidateQueries({ queryKey: ['list'] })

  const save = useMutation({
    mutationFn: async (values: V): Promise<R> => {
      const parsed = o.schema.parse(values) as object
      if (o.id === null) return (await call(`${o.entity}.create` as MethodName, parsed as never)) as unknown as R
      return (await call(`${o.entity}.update` as MethodName, {
        ...parsed,
        id: o.id,
        version: record.data!.version
      } as never)) as unknown as R
    },
    onSuccess: (row) => {
      setConflict(false)
      qc.setQueryData(recordKeys.one(o.entity, row.id), row)
      void invalidate()
      notifySaved(o.label)
      if (o.id === null) navigate(o.pathOf(row.id), { replace: true })
    },
    onError: (e) => {
      if (isApiError(e, 'CONFLICT') && o.id !== null) setConflict(true)
      showApiError(e, form)
    }
  })

  const remove = useMutation({
    mutationFn: () => call(`${o.entity}.delete` as MethodName, { id: o.id!, version: record.data!.version } as never),
    onSuccess: () => {
      void invalidate()
      notifySaved(`${o.label} deleted —`)
      navigate(o.listPath)
    },
    onError: (e) => {
      if (isApiError(e, 'CONFLICT') && e.message.includes('changed')) setConflict(true)
      showApiError(e)
    }
  })

  const reload = async () => {
    setConflict(false)
    await record.refetch()
  }

  return {
    form,
    record: record.data ?? null,
    loading: o.id !== null && record.isLoading,
    loadError: record.error,
    isNew: o.id === null,
    conflict,
    reload,
    submit: form.onSubmit((values) => save.mutate(values)),
    saving: save.isPending,
    remove: () => remove.mutate(),
    removing: remove.isPending
  }
}
