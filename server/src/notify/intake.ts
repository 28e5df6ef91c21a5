// The hook between ingestion and notifications: ingest/store.ts calls this inside the transaction
// that stores new messages, so each stored message gets exactly one intake row, committed with it
// (a crash loses neither), and the planner (planner.ts) consumes the rows under row locks.
import type { Tx } from '../db/kysely'

export interface StoredKey {
  channelId: number
  rawSha256: string
}

/** Queues the just-inserted messages (identified by their unique channel × raw-bytes key) for planning. */
export async function enqueueStoredMessages(tx: Tx, orgId: number, keys: StoredKey[]): Promise<void> {
  if (!keys.length) return
  const channelIds = [...new Set(keys.map((k) => k.channelId))]
  const hashes = [...new Set(keys.map((k) => k.rawSha256))]
  await tx
    .insertInto('notificationIntake')
    .ignore()
    .columns(['messageId', 'orgId'])
    .expression(
      tx
        .selectFrom('messages')
        .select(['id', 'orgId'])
        .where('orgId', '=', orgId)
        // the two INs use the unique (channel_id, raw_sha256) index; the pairs make it exact
        .where('channelId', 'in', channelIds)
        .where('rawSha256', 'in', hashes)
        .where((eb) => eb(eb.refTuple('channelId', 'rawSha256'), 'in', keys.map((k) => eb.tuple(k.channelId, k.rawSha256)))),
    )
    .execute()
}
