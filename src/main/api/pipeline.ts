import type { z } from 'zod'
import { contract, isMethodName, type MethodName } from '@shared/api/contract'
import type { ApiError, ApiResult } from '@shared/api/result'
import { can } from '@shared/auth/roles'
import type { SessionUser } from '@shared/domain/system'
import type { Connection } from '../db/connection'
import { createContext, type ServiceContext, type SessionSlot } from '../services/core/context'
import { AppError } from '../services/core/errors'
import { loadSettings } from '../services/settings/settings'
import type { CsvOptions } from './csv'
import { type CsvColumn, csvColumns } from './csvColumns'
import { exportSources, handlers } from './handlers'
import { resumeSession } from './sessions'

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
 * The user is read afresh on every call so that a role change or a disabled account counts at once; an
 * idle session, or one signed in before the user's password, roles or active flag changed, has ended.
 */
function sessionUser(host: ApiHost, session: SessionSlot): SessionUser | null {
  return resumeSession(host.conn.db, session, (host.now ?? Date.now)())
}

/** What the command line may change about one call; the app's transports never pass these. */
export interface RunOptions {
  /**
   * Runs this instead of the method's handler, after the same checks and into the same envelope: the
   * command line generates agreements synchronously with progress, where the app starts a background run.
   */
  handler?: (ctx: ServiceContext, input: never) => unknown
  /**
   * No access check: the command line on a database without an active administrator, where whoever holds
   * the file may add the first one (as first-start setup does in the app).
   */
  fileOwner?: boolean
}

/**
 * The one request pipeline every host uses:
 * caller check → method lookup → permission check → input validation → handler → result envelope.
 * Access depends only on the method and the user, so it is checked before the input is looked at
 * (docs/adr/0008-feature-slice-registration.md).
 */
export async function runMethod(
  host: ApiHost,
  checkCaller: CallerCheck,
  session: SessionSlot,
  method: string,
  rawInput: unknown,
  options: RunOptions = {}
): Promise<ApiResult<unknown>> {
  const refusal = checkCaller()
  if (refusal) return fail({ code: 'FORBIDDEN', message: refusal })
  if (!isMethodName(method)) return fail({ code: 'NOT_FOUND', message: `Unknown API method "${method}".` })

  const user = sessionUser(host, session)
  const denied = options.fileOwner ? null : permitted(method, user)
  if (denied) return fail(denied)
  const def = contract[method]
  const parsed = def.input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    return fail({ code: 'VALIDATION', message: 'Some fields need attention.', issues: issuesOf(parsed.error) })
  }

  const ctx = createContext(host.conn, user, session, host.now)
  try {
    const handler = (options.handler ?? handlers[method]) as (c: ServiceContext, i: unknown) => unknown
    const data = await handler(ctx, parsed.data)
    if (host.checkOutputs && !options.handler) {
      const out = def.output.safeParse(data)
      if (!out.success) throw new Error(`Output of ${method} does not match the contract: ${out.error.message}`)
    }
    return { ok: true, data }
  } catch (e) {
    return fail(toApiError(e, host, method))
  }
}

/** The same checks as `runMethod`, for a CSV export of a list: answers the row source or the refusal. */
export function startExport(
  host: ApiHost,
  checkCaller: CallerCheck,
  session: SessionSlot,
  list: string,
  rawInput: unknown
): { ok: true; columns: CsvColumn[]; rows: Iterable<unknown>; csv: CsvOptions } | { ok: false; error: ApiError } {
  const refusal = checkCaller()
  if (refusal) return { ok: false, error: { code: 'FORBIDDEN', message: refusal } }
  if (!isMethodName(list)) return { ok: false, error: { code: 'NOT_FOUND', message: `"${list}" cannot be exported.` } }
  const source = (exportSources as Partial<Record<MethodName, (ctx: ServiceContext, input: never) => Iterable<unknown>>>)[list]
  if (!source) return { ok: false, error: { code: 'NOT_FOUND', message: `"${list}" cannot be exported.` } }
  const user = sessionUser(host, session)
  const denied = permitted(list, user)
  if (denied) return { ok: false, error: denied }
  const parsed = contract[list].input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    return { ok: false, error: { code: 'VALIDATION', message: 'Some filters are not valid.', issues: issuesOf(parsed.error) } }
  }
  const ctx = createContext(host.conn, user, session, host.now)
  try {
    // Row sources check their input (the sort) when called, so a refusal comes before any byte is sent.
    // The file is written for the user: their language and CSV dialect, the shop's time zone.
    const settings = loadSettings(host.conn.db)
    const csv: CsvOptions = {
      language: user?.language ?? settings.language,
      dialect: user?.csvDialect ?? 'spreadsheet',
      timeZone: settings.timeZone
    }
    return { ok: true, columns: csvColumns(list), rows: source(ctx, parsed.data as never), csv }
  } catch (e) {
    return { ok: false, error: toApiError(e, host, list) }
  }
}
