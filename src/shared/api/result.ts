export const ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'INTERNAL'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/**
 * A parameter of a message: a value; another message by its key and parameters (the kind of a record,
 * "1 service orders", which each language words and inflects itself); or a list of them (joined with ', ').
 */
export type MessageParam = string | number | MessageRef | MessageParam[]
export interface MessageRef {
  key: string
  params?: MessageParams
}
export type MessageParams = { [name: string]: MessageParam }

export interface FieldIssue {
  /** Field path as in the input object, e.g. ['sites', 0, 'city']. */
  path: (string | number)[]
  /** A stable code — the catalogue key of the message, e.g. 'validation.tooLong' — and its parameters. */
  code: string
  params?: MessageParams
  /** The message in the caller's language. */
  message: string
}

export interface ApiError {
  code: ErrorCode
  /** The catalogue key of the message and its parameters, for a client that translates by itself. */
  key?: string
  params?: MessageParams
  /** The message in the caller's language. */
  message: string
  issues?: FieldIssue[]
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }
