// The one error type the network layer throws. `code` is a server error code from shared/errors.ts
// or one of the client-side codes below; pages branch on it and show `describeError`.
import type { ErrorCode } from '@sellerinbox/shared/errors'
import { t, tMaybe } from '../i18n'

/** Failures that never reach the server or that the server did not describe. */
export type ClientErrorCode = 'NETWORK_FAILED' | 'BAD_RESPONSE' | 'UNSUPPORTED_PLATFORM' | 'FILE_OPEN_FAILED'

export interface ErrorDetail {
  path: string
  message: string
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | ClientErrorCode,
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** The whole error body, for codes that carry more than a message (BULK_REJECTED's `results`). */
    readonly body: unknown = undefined,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export function isApiError(error: unknown, ...codes: ApiError['code'][]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code))
}

/** Text for the user: the localized message of the code, else the server's message. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error)
  const known = tMaybe(`error.${error.code}`, { status: error.status })
  if (error.code === 'VALIDATION_FAILED' && error.details.length > 0) {
    return t('error.withDetails', { message: known ?? error.message, details: error.details.map((d) => d.message).join('; ') })
  }
  return known ?? (error.message || t('error.BAD_RESPONSE', { status: error.status }))
}
