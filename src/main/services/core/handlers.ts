import type { z } from 'zod'
import type { MethodDef } from '@shared/api/define'
import type { ServiceContext } from './context'

type Slice = Record<string, MethodDef>

/** A domain's handler map: exactly one (ctx, parsed input) → output function per method of its contract slice. */
export type HandlersOf<C extends Slice> = {
  [M in keyof C]: (ctx: ServiceContext, input: z.output<C[M]['input']>) => z.input<C[M]['output']> | Promise<z.input<C[M]['output']>>
}

/** A domain's CSV row sources, keyed by its `*.list` methods only: each walks every row matching the list's input. */
export type ExportSourcesOf<C extends Slice> = {
  [M in Extract<keyof C, `${string}.list`>]?: (ctx: ServiceContext, input: z.output<C[M]['input']>) => Iterable<unknown>
}

interface CrudService {
  list: unknown
  get: unknown
  create: unknown
  update: unknown
  delete: unknown
}

type CrudHandlers<N extends string, S extends CrudService> = { [K in `${N}.list`]: S['list'] } & {
  [K in `${N}.get`]: S['get']
} & { [K in `${N}.create`]: S['create'] } & { [K in `${N}.update`]: S['update'] } & {
  [K in `${N}.delete`]: S['delete']
}

/** The five handlers of an entity service (`masterdata/entity.ts`), named as the contract's `crud()` names them. */
export function crudHandlers<N extends string, S extends CrudService>(name: N, s: S): CrudHandlers<N, S> {
  return {
    [`${name}.list`]: s.list,
    [`${name}.get`]: s.get,
    [`${name}.create`]: s.create,
    [`${name}.update`]: s.update,
    [`${name}.delete`]: s.delete
  } as CrudHandlers<N, S>
}
