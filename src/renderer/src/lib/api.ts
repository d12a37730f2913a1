import type { ExportOutcome } from '@shared/api/bridge'
import type { Input, MethodName, Output } from '@shared/api/contract'
import type { ErrorCode, FieldIssue, MessageParams } from '@shared/api/result'
import { i18n } from '@shared/i18n/i18n'
import { translate } from '@shared/i18n/issues'

/** An API refusal, thrown inside TanStack Query so screens can show it and forms can map its issues. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    /** The message's catalogue key (e.g. 'errors.conflict'): what a screen tests, not the worded message. */
    readonly key?: string,
    /** The message's parameters (who changed a record and when, …). */
    readonly params?: MessageParams
  ) {
    super(message)
    this.name = 'ApiCallError'
  }
}

/** The one place the renderer unwraps `{ ok, data | error }`. */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await window.api.call(method, input)
  if (!result.ok)
    throw new ApiCallError(result.error.code, result.error.message, result.error.issues ?? [], result.error.key, result.error.params)
  return result.data as Output<M>
}

export async function exportCsv(list: MethodName, input: unknown, suggestedName: string): Promise<ExportOutcome> {
  const result = await window.api.exportCsv(list, input, suggestedName)
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message, result.error.issues ?? [], result.error.key)
  return result.data
}

export function isApiError(e: unknown, code?: ErrorCode): e is ApiCallError {
  return e instanceof ApiCallError && (code === undefined || e.code === code)
}

/**
 * Who saved a record in between and when ("Mari Maasikas", "at 10:42" in the screen's language), for a stale
 * save whose CONFLICT names them (errors.conflictBy); null for any other error.
 */
export function changedBy(e: unknown): { user: string; when: string } | null {
  if (!isApiError(e, 'CONFLICT') || e.key !== 'errors.conflictBy' || !e.params) return null
  const { user, when } = e.params
  if (typeof user !== 'string' || typeof when !== 'object' || Array.isArray(when)) return null
  return { user, when: translate(i18n.t, when.key, when.params) }
}
