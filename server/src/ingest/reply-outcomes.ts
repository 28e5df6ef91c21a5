// What Amazon's notices say about replies already sent: an opt-out (the buyer does not accept the
// seller's messages) about an order marks the latest reply for that order `rejected_by_amazon` and
// re-opens the message it answered. SMTP's 250 only meant "sent"; this is the delivery verdict.
// The latest sent reply is the one meant: notices follow sends, and IMAP arrival times have only
// one-second resolution, too coarse to compare with the send time.
import type { Tx } from '../db/kysely'
import { moveInInboxCounts } from '../modules/messages/inbox-counts.repo'
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
