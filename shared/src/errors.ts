// Stable error codes shared by server and clients. Clients branch on `code`, never on `message`.
// Adding a code is fine; renaming or re-purposing one breaks released mini program versions.

export const ErrorCodes = {
  VALIDATION_FAILED: 400,
  WECHAT_CODE_INVALID: 400,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  REFRESH_TOKEN_INVALID: 401,
  FORBIDDEN_ROLE: 403,
  WECHAT_USER_BLOCKED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  INVITE_INVALID: 404,
  QR_TICKET_INVALID: 404,
  ALREADY_REGISTERED: 409,
  CHANNEL_EXISTS: 409,
  STORE_ARCHIVED: 409,
  INVITE_EXPIRED: 410,
  INVITE_USED: 410,
  QR_TICKET_EXPIRED: 410,
  QR_TICKET_USED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE_TYPE: 415,
  REPLY_POLICY_VIOLATION: 422,
  NOT_REPLYABLE: 409,
  UPLOAD_INVALID: 404,
  RATE_LIMITED: 429,
  WECHAT_RATE_LIMITED: 429,
  TAG_LIMIT: 400,
  STATUS_FINAL: 409,
  BULK_REJECTED: 409,
  TAG_NAME_TAKEN: 409,
  NOTIFY_WINDOW_INVALID: 400,
  TIME_ZONE_INVALID: 400,
  STORE_NOT_VISIBLE: 400,
  NOTIFY_TEMPLATE_UNKNOWN: 400,
  WECHAT_SIGNATURE_INVALID: 403,
  NOTIFICATIONS_OFF: 409,
  INTERNAL: 500,
  WECHAT_UNAVAILABLE: 503,
  NOT_READY: 503,
} as const

export type ErrorCode = keyof typeof ErrorCodes

/** Body of every error response. */
export interface ErrorBody {
  code: ErrorCode
  message: string
  /** For VALIDATION_FAILED: one entry per problem, all at once. */
  details?: { path: string; message: string }[]
}

/**
 * Outcomes of an IMAP connection test. They are not HTTP errors: the test answers 200 with
 * `{ok: false, error: {code, message}}`, because a wrong password is a result, not a failed request.
 */
export const IMAP_ERROR_CODES = [
  'IMAP_AUTH_FAILED',
  'IMAP_TLS_FAILED',
  'IMAP_UNREACHABLE',
  'IMAP_MAILBOX_MISSING',
  'IMAP_PROTOCOL_ERROR',
] as const

export type ImapErrorCode = (typeof IMAP_ERROR_CODES)[number]

export function httpStatusOf(code: ErrorCode): number {
  return ErrorCodes[code]
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ErrorCodes, value)
}
