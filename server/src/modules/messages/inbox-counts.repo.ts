// Keeps `inbox_counts` (messages per channel × category × status × read) exact: every writer of
// messages calls these inside its own transaction. Counter rows are touched last in a
// transaction and in primary-key order, so two writers never wait on each other in a cycle.
import { sql } from 'kysely'
import type { Tx } from '../../db/kysely'
import type { MessageStatus } from '../../db/schema'

export interface CountBucket {
  orgId: number
  channelId: number
  category: string
  status: MessageStatus
  isRead: boolean
}

const keyOf = (b: CountBucket) => `${b.orgId}|${b.channelId}|${b.category}|${b.status}|${b.isRead ? 1 : 0}`

const STATUS_ORDER: Record<MessageStatus, number> = { pending: 0, follow_up: 1, processed: 2, replied_on_platform: 3 }

/** The primary key's own order (the enum sorts by position), so lock waits can never form a cycle. */
function byKey(a: CountBucket, b: CountBucket): number {
  return (
    a.orgId - b.orgId ||
    a.channelId - b.channelId ||
    (a.category < b.category ? -1 : a.category > b.category ? 1 : 0) ||
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    Number(a.isRead) - Number(b.isRead)
  )
}

/** Adds `delta` to each bucket (buckets may repeat; zero sums are skipped). */
export async function addToInboxCounts(tx: Tx, changes: { bucket: CountBucket; delta: number }[]): Promise<void> {
  const merged = new Map<string, { bucket: CountBucket; delta: number }>()
  for (const { bucket, delta } of changes) {
    const key = keyOf(bucket)
    const entry = merged.get(key)
    if (entry) entry.delta += delta
    else merged.set(key, { bucket, delta })
  }
  const ordered = [...merged.values()].filter((e) => e.delta !== 0).sort((a, b) => byKey(a.bucket, b.bucket))
  for (const { bucket, delta } of ordered) {
    // An upsert, not UPDATE-then-INSERT: an UPDATE that misses takes a gap lock, and two
    // writers each holding one and then inserting the same new bucket deadlock.
    await tx
      .insertInto('inboxCounts')
      .values({ ...bucket, n: delta })
      .onDuplicateKeyUpdate({ n: sql`n + ${delta}` })
      .execute()
  }
}

/** New messages (status and read flag default to pending, unread). */
export async function countNewMessages(
  tx: Tx,
  rows: { orgId: number; channelId: number; category: string; status?: MessageStatus; isRead?: boolean }[],
): Promise<void> {
  await addToInboxCounts(
    tx,
    rows.map((r) => ({
      bucket: { orgId: r.orgId, channelId: r.channelId, category: r.category, status: r.status ?? 'pending', isRead: r.isRead ?? false },
      delta: 1,
    })),
  )
}

/** Messages whose bucket changed (status, read flag or category). */
export async function moveInInboxCounts(tx: Tx, moves: { from: CountBucket; to: CountBucket }[]): Promise<void> {
  await addToInboxCounts(
    tx,
    moves.flatMap(({ from, to }) => (keyOf(from) === keyOf(to) ? [] : [{ bucket: from, delta: -1 }, { bucket: to, delta: 1 }])),
  )
}

/** Recounts one org from its messages (repair after writes that bypassed the counters). */
export async function rebuildInboxCounts(tx: Tx, orgId: number): Promise<void> {
  await tx.deleteFrom('inboxCounts').where('orgId', '=', orgId).execute()
  await sql`INSERT INTO inbox_counts (org_id, channel_id, category, status, is_read, n)
    SELECT org_id, channel_id, category, status, is_read, COUNT(*) FROM messages WHERE org_id = ${orgId}
    GROUP BY org_id, channel_id, category, status, is_read`.execute(tx)
}
