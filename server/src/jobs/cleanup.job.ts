// Deletes sign-in state nobody can use any more: expired QR tickets, expired or long-revoked
// refresh tokens. Idempotent, so several workers running it at once is harmless.
import type { Db } from '../db/kysely'

const GRACE_MS = 24 * 3600_000

export async function cleanupExpiredSignInState(db: Db, now = new Date()): Promise<{ tickets: number; refreshTokens: number }> {
  const cutoff = new Date(now.getTime() - GRACE_MS)
  const tickets = await db.deleteFrom('qrLoginTickets').where('expiresAt', '<', cutoff).executeTakeFirst()
  const tokens = await db
    .deleteFrom('refreshTokens')
    .where((eb) => eb.or([eb('expiresAt', '<', now), eb('revokedAt', '<', cutoff)]))
    .executeTakeFirst()
  return { tickets: Number(tickets.numDeletedRows), refreshTokens: Number(tokens.numDeletedRows) }
}
