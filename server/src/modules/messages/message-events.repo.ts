// The log of marks users make on messages (who, when, what). Append-only; the detail view reads
// it with the message (messages.repo getMessageDetailRow).
import type { Tx } from '../../db/kysely'

/** Newest changes shown with a message; older ones stay in the table. */
export const HISTORY_MAX = 50

export interface NewEvent {
  messageId: number
  change: string
}

export async function insertEvents(tx: Tx, orgId: number, by: { userId: number; userName: string }, events: NewEvent[]): Promise<void> {
  if (!events.length) return
  const createdAt = new Date()
  await tx
    .insertInto('messageEvents')
    .values(events.map((e) => ({ orgId, messageId: e.messageId, userId: by.userId, userName: by.userName, change: e.change, createdAt })))
    .execute()
}
