// The one exception type handlers throw; the error handler turns it into `{code, message}`.
import { httpStatusOf, type ErrorBody, type ErrorCode } from '@sellerinbox/shared/errors'

export class AppError extends Error {
  readonly statusCode: number
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorBody['details'],
    /** More top-level fields of the error body (e.g. a bulk action's per-message results). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'AppError'
    this.statusCode = httpStatusOf(code)
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`)
