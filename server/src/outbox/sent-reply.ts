// After SMTP accepted a reply: the outbox row becomes `sent`, the reply joins the conversation as
// a `sent` message, the SLA clock of what it answers stops, and "send and mark processed" marks
// the answered message. One transaction, so the outcome is all or nothing.
import { sql } from 'kysely'
import { searchTextOf } from '@sellerinbox/shared/domain/search-text'
import { messageSnippet } from '@sellerinbox/shared/domain/snippet'
import type { Db, Tx } from '../db/kysely'
import type { OutboxRow } from '../db/schema'
import { transactionWithRetry } from '../db/transactions'
import { countNewMessages, moveInInboxCounts } from '../modules/messages/inbox-counts.repo'
import { insertEvents } from '../modules/messages/message-events.repo'

export interface SentCopy {
  rawKey: string
  rawSha256: string
  rawSize: number
  messageIdHash: string
  smtpResponse: string
}

export async function recordSentReply(db: Db, row: OutboxRow, copy: SentCopy): Promise<void> {
  await transactionWithRetry(db, async (tx) => {
    const now = new Date()
    // Lock order as everywhere else: messages first, the inbox counters last.
    if (row.markProcessed) await markProcessed(tx, row)
    const inserted = await tx
      .insertInto('messages')
      .values({
        orgId: row.orgId,
        channelId: row.channelId,
        conversationId: row.conversationId,
        sourceId: null,
        uidvalidity: null,
        uid: null,
        messageId: row.emailMessageId,
        messageIdHash: copy.messageIdHash,
        spcId: null,
        rawSha256: copy.rawSha256,
        direction: 'out',
        category: 'sent',
        kind: 'reply',
        subject: row.subject,
        fromAddress: row.fromAddress,
        fromName: null,
        toAddresses: row.toAddress,
        replyTo: null,
        buyerName: null,
        orderId: row.orderId,
        asin: null,
        marketplace: null,
        language: null,
        productTitle: null,
        quantity: null,
        buyerText: null,
        bodyText: row.body,
        bodyHtml: null,
        attachmentCount: 0,
        receivedAt: now,
        status: 'processed',
        isRead: true,
        slaDueAt: null,
        suspicious: false,
        parseError: null,
        rawKey: copy.rawKey,
        rawSize: copy.rawSize,
        searchText: searchTextOf({ subject: row.subject, buyerName: null, orderId: row.orderId, buyerText: row.body }),
        snippet: messageSnippet(null, row.body),
      })
      .executeTakeFirstOrThrow()
    const sentMessageId = Number(inserted.insertId)
    const files = await tx.selectFrom('outboxAttachments').selectAll().where('outboxId', '=', row.id).execute()
    if (files.length) {
      await tx
        .insertInto('attachments')
        .values(files.map((f) => ({ orgId: row.orgId, messageId: sentMessageId, filename: f.filename, contentType: f.contentType, size: f.size, sha256: f.sha256, storageKey: f.storageKey, contentId: null, inline: false })))
        .execute()
      await tx.updateTable('messages').set({ attachmentCount: files.length }).where('id', '=', sentMessageId).execute()
    }
    await tx
      .updateTable('outbox')
      .set({ state: 'sent', sentAt: now, sendingSince: null, smtpResponse: copy.smtpResponse.slice(0, 1000), sentMessageId, lastError: null, updatedAt: now })
      .where('id', '=', row.id)
      .execute()
    // The reply answers everything the buyer had sent so far in this conversation.
    if (row.conversationId) {
      await tx.updateTable('messages').set({ slaDueAt: null }).where('conversationId', '=', row.conversationId).where('kind', '=', 'buyer_message').where('receivedAt', '<=', now).execute()
      await tx.updateTable('conversations').set({ slaDueAt: null, lastMessageAt: sql`GREATEST(last_message_at, ${now})` }).where('id', '=', row.conversationId).execute()
    } else {
      await tx.updateTable('messages').set({ slaDueAt: null }).where('id', '=', row.messageId).execute()
    }
    await countNewMessages(tx, [{ orgId: row.orgId, channelId: row.channelId, category: 'sent', status: 'processed', isRead: true }])
  })
}

/** "Send and mark processed": the answered message becomes processed, recorded as its author's mark. */
async function markProcessed(tx: Tx, row: OutboxRow): Promise<void> {
  const target = await tx
    .selectFrom('messages')
    .select(['id', 'orgId', 'channelId', 'category', 'status', 'isRead'])
    .where('id', '=', row.messageId)
    .forUpdate()
    .executeTakeFirst()
  if (!target || target.status === 'processed' || target.status === 'replied_on_platform') return
  await tx.updateTable('messages').set({ status: 'processed' }).where('id', '=', target.id).execute()
  const author = row.userId ? await tx.selectFrom('users').select(['id', 'displayName']).where('id', '=', row.userId).executeTakeFirst() : undefined
  if (author) await insertEvents(tx, row.orgId, { userId: author.id, userName: author.displayName }, [{ messageId: target.id, change: 'status:processed' }])
  const bucket = { orgId: target.orgId, channelId: target.channelId, category: target.category, isRead: !!target.isRead }
  await moveInInboxCounts(tx, [{ from: { ...bucket, status: target.status }, to: { ...bucket, status: 'processed' } }])
}
