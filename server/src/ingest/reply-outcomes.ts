// What Amazon's notices say about replies: an opt-out (the buyer does not accept the seller's
// messages) about an order marks the latest reply for that order `rejected_by_amazon` and re-opens
// the message it answered — SMTP's 250 only meant "sent"; this is the delivery verdict. Amazon's
// copy of a reply written in Seller Central (`reply_confirmation`) marks the buyer's open messages
// about that order replied on platform, which stops their SLA clock (DESIGN §4).
// The latest sent reply is the one meant: notices follow sends, and IMAP arrival times have only
// one-second resolution, too coarse to compare with the send time.
import type { Tx } from '../db/kysely'
import { moveInInboxCounts } from '../modules/messages/inbox-counts.repo'
import { insertEvents } from '../modules/messages/message-events.repo'
import type { Routed } from './store'

const REJECTION_KINDS = new Set(['buyer_opt_out'])

export async function applyReplyOutcomes(tx: Tx, stored: Routed[]): Promise<void> {
  for (const { mail, channel } of stored) {
    const c = mail.mail.classification
    if (!REJECTION_KINDS.has(c.kind) || !c.orderId || c.suspicious) continue
    const reply = await tx
      .selectFrom('outbox')
      .select(['id', 'messageId'])
      .where('channelId', '=', channel.id)
      .where('orderId', '=', c.orderId)
      .where('state', '=', 'sent')
      .orderBy('sentAt', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (!reply) continue
    await tx
      .updateTable('outbox')
      .set({ state: 'rejected_by_amazon', lastError: 'Amazon did not deliver this reply: the buyer has opted out of seller messages', updatedAt: new Date() })
      .where('id', '=', reply.id)
      .execute()
    const answered = await tx
      .selectFrom('messages')
      .select(['id', 'orgId', 'channelId', 'category', 'status', 'isRead'])
      .where('id', '=', reply.messageId)
      .forUpdate()
      .executeTakeFirst()
    if (answered?.status !== 'processed') continue
    await tx.updateTable('messages').set({ status: 'pending' }).where('id', '=', answered.id).execute()
    const bucket = { orgId: answered.orgId, channelId: answered.channelId, category: answered.category, isRead: !!answered.isRead }
    await moveInInboxCounts(tx, [{ from: { ...bucket, status: 'processed' }, to: { ...bucket, status: 'pending' } }])
  }
}

/** Who the event log names for a change Amazon's mail made, not a user (no user has id 0). */
export const SELLER_CENTRAL = { userId: 0, userName: 'Seller Central' }

/**
 * Runs after the batch is counted, so a buyer message and the copy of its answer arriving in the
 * same batch move between counters that already hold them.
 */
export async function applySellerCentralReplies(tx: Tx, stored: Routed[]): Promise<void> {
  for (const { mail, channel } of stored) {
    const c = mail.mail.classification
    if (c.kind !== 'reply_confirmation' || !c.orderId || c.suspicious) continue
    const answered = await tx
      .selectFrom('messages')
      .select(['id', 'orgId', 'channelId', 'category', 'status', 'isRead'])
      .where('channelId', '=', channel.id)
      .where('orderId', '=', c.orderId)
      .where('direction', '=', 'in')
      .where('kind', '=', 'buyer_message')
      .where('status', 'in', ['pending', 'follow_up'])
      .where('receivedAt', '<=', mail.receivedAt)
      .forUpdate()
      .execute()
    if (!answered.length) continue
    await tx
      .updateTable('messages')
      .set({ status: 'replied_on_platform', slaDueAt: null })
      .where('id', 'in', answered.map((m) => m.id))
      .execute()
    await moveInInboxCounts(
      tx,
      answered.map((m) => {
        const bucket = { orgId: m.orgId, channelId: m.channelId, category: m.category, isRead: !!m.isRead }
        return { from: { ...bucket, status: m.status }, to: { ...bucket, status: 'replied_on_platform' as const } }
      }),
    )
    await insertEvents(tx, answered[0]!.orgId, SELLER_CENTRAL, answered.map((m) => ({ messageId: m.id, change: 'replied_on_platform' })))
  }
}
