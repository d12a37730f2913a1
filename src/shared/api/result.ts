export const ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'INTERNAL'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface FieldIssue {
  /** Field path as in the input object, e.g. ['sites', 0, 'city']. */
  path: (string | number)[]
  /** A stable code — the catalogue key of the message, e.g. 'validation.tooLong' — and its parameters. */
  code?: string
  params?: Record<string, string | number>
  /** The message in the caller's language. */
  message: string
}

export interface ApiError {
  code: ErrorCode
  message: string
  issues?: FieldIssue[]
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }
