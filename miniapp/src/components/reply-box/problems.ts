// Policy problems for display, pure: the server's 422 details turned back into the shared checker's
// problems (so both show the same way), and the excerpt of the body around an offending span.
import type { PolicyProblem, PolicyProblemCode } from '@sellerinbox/shared/domain/reply-policy'
import type { ErrorDetail } from '../../services/api-error'

const BODY_SPAN = /^body@(\d+)-(\d+)$/

/**
 * The server's REPLY_POLICY_VIOLATION details back into problems: path `body@start-end`,
 * `attachments/<name>` or the bare code; message `<CODE>: text`.
 */
export function problemsFromServer(details: ErrorDetail[], body: string): PolicyProblem[] {
  return details.map((detail) => {
    const separator = detail.message.indexOf(':')
    const code = (separator > 0 ? detail.message.slice(0, separator) : detail.path) as PolicyProblemCode
    const message = separator > 0 ? detail.message.slice(separator + 1).trim() : detail.message
    const span = BODY_SPAN.exec(detail.path)
    if (span) {
      const start = Number(span[1])
      const end = Number(span[2])
      return { code, start, end, text: body.slice(start, end), message }
    }
    if (detail.path.startsWith('attachments/')) return { code, text: detail.path.slice('attachments/'.length), message }
    return { code, message }
  })
}

export interface Excerpt {
  before: string
  match: string
  after: string
}

/** A few characters either side of the span, so the seller sees where in the reply it is. */
export function excerptOf(body: string, start: number, end: number, radius = 14): Excerpt {
  const from = Math.max(0, start - radius)
  const to = Math.min(body.length, end + radius)
  return {
    before: `${from > 0 ? '…' : ''}${body.slice(from, start)}`,
    match: body.slice(start, end),
    after: `${body.slice(end, to)}${to < body.length ? '…' : ''}`,
  }
}
