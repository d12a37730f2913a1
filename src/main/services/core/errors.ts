import type { ErrorCode, FieldIssue } from '@shared/api/result'

/** The only error services throw on purpose; the pipeline turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[]
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found; it may have been deleted.`)
export const conflict = (what: string) =>
  new AppError('CONFLICT', `${what} was changed by someone else since you opened it. Reload to see the current version.`)
export const forbidden = (message: string) => new AppError('FORBIDDEN', message)
export const invalid = (path: (string | number)[], message: string) => new AppError('VALIDATION', message, [{ path, message }])
