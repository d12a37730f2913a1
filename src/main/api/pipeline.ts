import type { z } from 'zod'
import { contract, isMethodName, type MethodName } from '@shared/api/contract'
import type { ApiError, ApiResult } from '@shared/api/result'
import { can } from '@shared/auth/roles'
import type { SessionUser } from '@shared/domain/system'
import type { Connection } from '../db/connection'
import { loadSessionUser } from '../services/auth/service'
import { createContext, type ServiceContext, type SessionSlot } from '../services/core/context'
import { AppError } from '../services/core/errors'
import { exportSources, handlers } from './handlers'

export interface ApiHost {
  conn: Connection
  now?: () => number
  /** Validate outputs against the contract as well (tests); off in production for speed. */
  checkOutputs?: boolean
  log?: (message: string, error: unknown) => void
}

/** A transport's verdict on who is calling: null = trusted, otherwise the refusal. */
export type CallerCheck = () => string | null

/** The CSV columns of a list: the fields of its row schema, in contract order. */
export function listColumns(list: MethodName): string[] {
  const page = contract[list].output as unknown as z.ZodObject<{ rows: z.ZodArray<z.ZodObject> }>
  return Object.keys(page.shape.rows.element.shape)
}

const fail = (error: ApiError): ApiResult<never> => ({ ok: false, error })

function issuesOf(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }))
}

function toApiError(e: unknown, host: ApiHost, method: string): ApiError {
  if (e instanceof AppError) return { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) }
  host.log?.(`API ${method} failed`, e)
  return { code: 'INTERNAL', message: 'Something went wrong; nothing was changed. The details are in the log.' }
}

function permitted(method: MethodName, user: SessionUser | null): ApiError | null {
  const access = contract[method].access
  if (access === 'public') return null
  if (!user) return { code: 'FORBIDDEN', message: 'Sign in first.' }
  if (access === 'authenticated' || can(user.roles, access)) return null
  return { code: 'FORBIDDEN', message: `Your role does not allow this (${access}).` }
}

/**
 * The one request pipeline both transports use:
 * caller check → method lookup → input validation → permission check → handler → result envelope.
 */
export async function dispatch(
  host: ApiHost,
  checkCaller: CallerCheck,
  session: SessionSlot,
  method: string,
  rawInput: unknown
): Promise<ApiResult<unknown>> {
  const refusal = checkCaller()
  if (refusal) return fail({ code: 'FORBIDDEN', message: refusal })
  if (!isMethodName(method)) return fail({ code: 'NOT_FOUND', message: `Unknown API method "${method}".` })

  const def = contract[method]
  const parsed = def.input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    return fail({ code: 'VALIDATION', message: 'Some fields need attention.', issues: issuesOf(parsed.error) })
  }
  // The user is read afresh on every call so that a role change or a disabled account counts at once.
  const user = session.userId === null ? null : loadSessionUser(host.conn.db, session.userId)
  if (session.userId !== null && !user) session.userId = null
  const denied = permitted(method, user)
  if (denied) return fail(denied)

  const ctx = createContext(host.conn, user, session, host.now)
  try {
    const handler = handlers[method] as (c: ServiceContext, i: unknown) => unknown
    const data = await handler(ctx, parsed.data)
    if (host.checkOutputs) {
      const out = def.output.safeParse(data)
      if (!out.success) throw new Error(`Output of ${method} does not match the contract: ${out.error.message}`)
    }
    return { ok: true, data }
  } catch (e) {
    return fail(toApiError(e, host, method))
  }
}

/** The same checks as `dispatch`, for a CSV export of a list: answers the row source or the refusal. */
export function startExport(
  host: ApiHost,
  checkCaller: CallerCheck,
  session: SessionSlot,
  list: string,
  rawInput: unknown
): { ok: true; columns: string[]; rows: Iterable<unknown> } | { ok: false; error: ApiError } {
  const refusal = checkCaller()
  if (refusal) return { ok: false, error: { code: 'FORBIDDEN', message: refusal } }
  const source = exportSources[list]
  if (!source || !isMethodName(list)) return { ok: false, error: { code: 'NOT_FOUND', message: `"${list}" cannot be exported.` } }
  const parsed = contract[list].input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    return { ok: false, error: { code: 'VALIDATION', message: 'Some filters are not valid.', issues: issuesOf(parsed.error) } }
  }
  const user = session.userId === null ? null : loadSessionUser(host.conn.db, session.userId)
  const denied = permitted(list, user)
  if (denied) return { ok: false, error: denied }
  const ctx = createContext(host.conn, user, session, host.now)
  try {
    // Row sources check their input (the sort) when called, so a refusal comes before any byte is sent.
    return { ok: true, columns: listColumns(list), rows: source(ctx, parsed.data as never) }
  } catch (e) {
    return { ok: false, error: toApiError(e, host, list) }
  }
}
