// Keyset pagination over (receivedAt, id), newest first: the cursor names the last row a page
// showed, so mail that arrives between pages neither shifts nor repeats rows (OFFSET would).
// Repos spell the condition out as `receivedAt < x OR (receivedAt = x AND id < y)`: older MySQL
// optimizers do not turn the row comparison `(receivedAt, id) < (x, y)` into an index range.
import { AppError } from '../../lib/errors'

export interface Keyset {
  receivedAt: Date
  id: number
}

/** Opaque to clients: base64url of `[epoch ms, id]`. */
export function encodeCursor(key: Keyset): string {
  return Buffer.from(JSON.stringify([key.receivedAt.getTime(), key.id])).toString('base64url')
}

export function decodeCursor(cursor: string): Keyset {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    parsed = null
  }
  if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    return { receivedAt: new Date(parsed[0] as number), id: parsed[1] as number }
  }
  throw new AppError('VALIDATION_FAILED', 'The cursor is not one this list returned; start again without it', [
    { path: 'querystring/cursor', message: 'is not a cursor from this list' },
  ])
}

/** Splits a `limit + 1` fetch into the page and the cursor of the next one. */
export function pageOf<T extends Keyset>(rows: T[], limit: number): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last) : null }
}
