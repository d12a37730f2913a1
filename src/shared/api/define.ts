import type { z } from 'zod'
import type { Permission } from '../auth/roles'

/** 'public' needs no sign-in (sign-in itself, first-start setup); 'authenticated' needs any signed-in user. */
export type Access = Permission | 'public' | 'authenticated'

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  access: Access
}

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access): MethodDef<I, O> {
  return { input, output, access }
}
