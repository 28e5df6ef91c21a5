// Mailbox ownership across workers: one lease row per source mailbox (mailbox_sync), taken when
// free or expired, renewed by heartbeat, checked again inside every ingest transaction (fencing).
// Times come from the database clock so instances with skewed clocks agree.
import { sql } from 'kysely'
import type { Db } from '../db/kysely'

export async function ensureSyncRow(db: Db, sourceId: number, mailbox: string): Promise<void> {
  await db
    .insertInto('mailboxSync')
    .values({ sourceId, mailbox, uidvalidity: null, highestModseq: null, leaseOwner: null, leaseExpiresAt: null, lastSuccessAt: null, lastError: null, lastErrorAt: null, serverUidNext: null })
    .onDuplicateKeyUpdate({ sourceId: sql`source_id` })
    .execute()
}

/** Takes or renews the lease; true when `owner` holds it afterwards. */
export async function acquireLease(db: Db, sourceId: number, mailbox: string, owner: string, ttlMs: number): Promise<boolean> {
  const result = await db
    .updateTable('mailboxSync')
    .set({ leaseOwner: owner, leaseExpiresAt: sql`NOW(3) + INTERVAL ${ttlMs * 1000} MICROSECOND` })
    .where('sourceId', '=', sourceId)
    .where('mailbox', '=', mailbox)
    .where((eb) => eb.or([eb('leaseOwner', 'is', null), eb('leaseOwner', '=', owner), eb('leaseExpiresAt', '<', sql<Date>`NOW(3)`)]))
    .executeTakeFirst()
  // MySQL counts a row whose values did not change as not updated; a renewal always moves the expiry.
  return Number(result.numUpdatedRows) === 1
}

export async function releaseLease(db: Db, sourceId: number, mailbox: string, owner: string): Promise<void> {
  await db
    .updateTable('mailboxSync')
    .set({ leaseOwner: null, leaseExpiresAt: null, connected: false })
    .where('sourceId', '=', sourceId)
    .where('mailbox', '=', mailbox)
    .where('leaseOwner', '=', owner)
    .execute()
}
