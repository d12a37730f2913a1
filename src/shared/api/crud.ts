import { z } from 'zod'
import type { Permission } from '../auth/roles'
import { deleted, idInput, listInput, pageOf } from './common'
import { id, version } from '../domain/primitives'
import { type MethodDef, method } from './define'

type UpdateOf<C extends z.ZodRawShape> = z.ZodObject<C & { id: typeof id; version: typeof version }>

export type CrudMethods<
  N extends string,
  R extends z.ZodType,
  C extends z.ZodRawShape,
  F extends z.ZodRawShape,
  L extends z.ZodType = R
> = {
  [K in `${N}.list`]: MethodDef<ReturnType<typeof listInput<F>>, ReturnType<typeof pageOf<L>>>
} & { [K in `${N}.get`]: MethodDef<typeof idInput, R> } & {
  [K in `${N}.create`]: MethodDef<z.ZodObject<C>, R>
} & { [K in `${N}.update`]: MethodDef<UpdateOf<C>, R> } & {
  [K in `${N}.delete`]: MethodDef<z.ZodObject<{ id: typeof id; version: typeof version }>, typeof deleted>
}

/**
 * The five methods every master-data entity has. `create` is the editable shape; `update` is the same
 * plus the id and the version the client read (a stale version answers CONFLICT).
 */
export function crud<N extends string, R extends z.ZodType, C extends z.ZodRawShape, F extends z.ZodRawShape, L extends z.ZodType = R>(
  name: N,
  spec: { row: R; create: z.ZodObject<C>; filters: F; read: Permission; write: Permission; listRow?: L }
): CrudMethods<N, R, C, F, L> {
  return {
    [`${name}.list`]: method(listInput(spec.filters), pageOf(spec.listRow ?? spec.row), spec.read),
    [`${name}.get`]: method(idInput, spec.row, spec.read),
    [`${name}.create`]: method(spec.create, spec.row, spec.write),
    [`${name}.update`]: method((spec.create as z.ZodObject).safeExtend({ id, version }), spec.row, spec.write),
    [`${name}.delete`]: method(z.object({ id, version }), deleted, spec.write)
  } as unknown as CrudMethods<N, R, C, F, L>
}
