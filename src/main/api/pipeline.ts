import type { z } from 'zod'
import { contract, isMethodName, type MethodName } from '@shared/api/contract'
import type { ApiError, ApiResult, FieldIssue, MessageParams } from '@shared/api/result'
import { can } from '@shared/auth/roles'
import type { SessionUser } from '@shared/domain/system'
import { type T, tFor } from '@shared/i18n/i18n'
import type { Language } from '@shared/i18n/languages'
import { fieldIssues, translate } from '@shared/i18n/issues'
import type { Connection } from '../db/connection'
import { createContext, type DatabaseHost, type ServiceContext, type SessionSlot } from '../services/core/context'
import { AppError, type IssueSpec, type MessageKey } from '../services/core/errors'
import { companyLanguage, loadSettings } from '../services/settings/settings'
import { type ChangeFeed, totalChanges } from './changeFeed'
import { type AnswerCache, type Conditional, isConditional, readTag } from './conditional'
import type { CsvOptions } from './csv'
import { type CsvColumn, csvColumns } from './csvColumns'
import { exportSources, handlers } from './handlers'
import { resumeSession } from './sessions'

export interface ApiHost extends DatabaseHost {
  conn: Connection
  now?: () => number
  /** Validate outputs against the contract as well (tests); off in production for speed. */
  checkOutputs?: boolean
  log?: (message: string, error: unknown) => void
  /** Hosts that serve several clients publish every call that wrote here (live updates). */
  changes?: ChangeFeed
  /** Hosts that serve several clients answer the same list question again from memory (conditional reads). */
  answers?: AnswerCache
}

/** A transport's verdict on who is calling: null = trusted, otherwise the refusal (a message key). */
export type CallerCheck = () => MessageKey | null

/** The CSV columns of a list: the fields of its row schema, in contract order. */
export function listColumns(list: MethodName): string[] {
  const page = contract[list].output as unknown as z.ZodObject<{ rows: z.ZodArray<z.ZodObject> }>
  return Object.keys(page.shape.rows.element.shape)
}

const fail = (error: ApiError): ApiResult<never> => ({ ok: false, error })

/**
 * An error answer in the reader's language. The key and parameters (and each issue's code and parameters)
 * stay in the answer, so that a client may word it by itself.
 */
export function apiError(
  t: T,
  code: ApiError['code'],
  key: MessageKey,
  params: MessageParams = {},
  issues?: readonly (IssueSpec | FieldIssue)[]
): ApiError {
  return {
    code,
    key,
    ...(Object.keys(params).length > 0 ? { params } : {}),
    message: translate(t, key, params),
    ...(issues
      ? {
          issues: issues.map((i) => ({
            path: i.path,
            code: i.code,
            ...(i.params ? { params: i.params } : {}),
            message: translate(t, i.code, i.params)
          }))
        }
      : {})
  }
}

/** An error a handler threw, in the reader's language; anything but an AppError is logged and hidden. */
export function toApiError(e: unknown, t: T, log: ApiHost['log'], method: string): ApiError {
  if (e instanceof AppError) return apiError(t, e.code, e.key, e.params, e.issues)
  log?.(`API ${method} failed`, e)
  return apiError(t, 'INTERNAL', 'errors.internal')
}

function permitted(t: T, method: MethodName, user: SessionUser | null): ApiError | null {
  const access = contract[method].access
  if (access === 'public') return null
  if (!user) return apiError(t, 'FORBIDDEN', 'errors.signInFirst')
  if (access === 'authenticated' || can(user.roles, access)) return null
  return apiError(t, 'FORBIDDEN', 'errors.roleNotAllowed', { permission: access })
}

/**
 * An error a transport gives before (or instead of) the pipeline — a refused caller, a body that is not
 * JSON: nobody is known yet, so it is in the company's language.
 */
export function hostError(host: Pick<ApiHost, 'conn'>, code: ApiError['code'], key: MessageKey, params?: MessageParams): ApiError {
  return apiError(tFor(companyLanguage(host.conn.db)), code, key, params)
}

/** The answer's language: the user's; before sign-in (or for a refused caller) the company's. */
function readerOf(host: ApiHost, user: SessionUser | null): T {
  return tFor(user?.language ?? companyLanguage(host.conn.db))
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
  /** The language of the answer when the caller chose one (the command line's --lang). */
  language?: Language
  /** The client that called (a browser tab), so that its own change is not announced back to it. */
  origin?: string
  /**
   * A conditional read: `since` is the tag of the answer the client holds. For a list the pipeline fills in
   * the tag of this answer, and `unchanged` (with no data) when it is the one the client holds.
   */
  conditional?: Conditional
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
  if (refusal) return fail(apiError(readerOf(host, null), 'FORBIDDEN', refusal))
  // Not a method: nobody's session is touched (the call does not count as use), so the company's language.
  if (!isMethodName(method)) {
    const t = options.language ? tFor(options.language) : readerOf(host, null)
    return fail(apiError(t, 'NOT_FOUND', 'errors.unknownMethod', { method }))
  }
  const user = sessionUser(host, session)
  const t = options.language ? tFor(options.language) : readerOf(host, user)

  const denied = options.fileOwner ? null : permitted(t, method, user)
  if (denied) return fail(denied)
  const def = contract[method]
  const parsed = def.input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    return fail(apiError(t, 'VALIDATION', 'validation.summary', {}, fieldIssues(parsed.error.issues, t)))
  }

  // After the checks: an unchanged answer still needs a live session, the permission and a valid input.
  const cond = options.conditional && !options.handler && isConditional(method) ? options.conditional : undefined
  const tagNow = () => readTag(host.conn, user, method, parsed.data, (host.now ?? Date.now)())
  if (cond) {
    cond.tag = tagNow()
    if (cond.since === cond.tag) {
      cond.unchanged = true
      return { ok: true, data: null }
    }
    const held = host.answers?.get(host.conn, cond.tag)
    if (held) return { ok: true, data: held.data }
  }

  const ctx = createContext(host.conn, user, session, host.now, host)
  const conn = host.conn
  const written = host.changes ? totalChanges(conn) : 0
  try {
    const handler = (options.handler ?? handlers[method]) as (c: ServiceContext, i: unknown) => unknown
    const data = await handler(ctx, parsed.data)
    if (host.checkOutputs && !options.handler) {
      const out = def.output.safeParse(data)
      if (!out.success) throw new Error(`Output of ${method} does not match the contract: ${out.error.message}`)
    }
    // Signing in and out writes the user's own session rows: nobody else's screen shows them.
    const domain = method.slice(0, method.indexOf('.'))
    if (host.changes && user && domain !== 'auth' && host.conn === conn && totalChanges(conn) !== written) {
      const at = (host.now ?? Date.now)()
      host.changes.publish({ change: { domain, method, userName: user.displayName, at }, origin: options.origin })
    }
    // Held only when nothing was written while it was read: then the answer is surely the tag's.
    if (cond?.tag && host.conn === conn && tagNow() === cond.tag) host.answers?.set(conn, cond.tag, data)
    return { ok: true, data }
  } catch (e) {
    return fail(toApiError(e, t, host.log, method))
  }
}

/** The same checks as `runMethod`, for a CSV export of a list: answers the row source or the refusal. */
export function startExport(
  host: ApiHost,
  checkCaller: CallerCheck,
  session: SessionSlot,
  list: string,
  rawInput: unknown,
  language?: Language
): { ok: true; columns: CsvColumn[]; rows: Iterable<unknown>; csv: CsvOptions } | { ok: false; error: ApiError } {
  const refusal = checkCaller()
  if (refusal) return { ok: false, error: apiError(readerOf(host, null), 'FORBIDDEN', refusal) }
  const user = sessionUser(host, session)
  const t = language ? tFor(language) : readerOf(host, user)
  if (!isMethodName(list)) return { ok: false, error: apiError(t, 'NOT_FOUND', 'errors.notExportable', { list }) }
  const source = (exportSources as Partial<Record<MethodName, (ctx: ServiceContext, input: never) => Iterable<unknown>>>)[list]
  if (!source) return { ok: false, error: apiError(t, 'NOT_FOUND', 'errors.notExportable', { list }) }
  const denied = permitted(t, list, user)
  if (denied) return { ok: false, error: denied }
  const parsed = contract[list].input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    return { ok: false, error: apiError(t, 'VALIDATION', 'validation.filters', {}, fieldIssues(parsed.error.issues, t)) }
  }
  const ctx = createContext(host.conn, user, session, host.now)
  try {
    // Row sources check their input (the sort) when called, so a refusal comes before any byte is sent.
    // The file is written for the user: their language and CSV dialect, the shop's time zone.
    const settings = loadSettings(host.conn.db)
    const csv: CsvOptions = {
      language: language ?? user?.language ?? settings.language,
      dialect: user?.csvDialect ?? 'spreadsheet',
      timeZone: settings.timeZone
    }
    return { ok: true, columns: csvColumns(list), rows: source(ctx, parsed.data as never), csv }
  } catch (e) {
    return { ok: false, error: toApiError(e, t, host.log, list) }
  }
}
