// Re-reads a stored message from its raw MIME with the current analysis (after a parser or
// classifier fix, or for mail stored with a parse error). The message keeps its id, status, read
// flag and tags; what came from the email itself is replaced.
import type { Db } from '../db/kysely'
import type { BlobStore } from '../storage/blob-store'
import { prepareMail } from './prepare'
import { messageRow, resolveConversations, touchConversations } from './store'
import { moveInInboxCounts } from '../modules/messages/inbox-counts.repo'
import { rebuildOrderFacts } from '../modules/messages/order-facts.repo'

export interface ReprocessResult {
  id: number
  parseError: string | null
  category: string
  kind: string
}

/** Reprocesses one message of `orgId`; null when it does not exist in that org. */
export async function reprocessMessage(deps: { db: Db; storage: BlobStore }, orgId: number, id: number): Promise<ReprocessResult | null> {
  const { db } = deps
  const row = await db.selectFrom('messages').selectAll().where('orgId', '=', orgId).where('id', '=', id).executeTakeFirst()
  if (!row) return null
  const raw = await deps.storage.get(row.rawKey)
  const prepared = await prepareMail(deps.storage, { uid: row.uid ?? 0, raw, internalDate: row.receivedAt }, row.receivedAt)
  const channel = { id: row.channelId, address: '' }
  await db.transaction().execute(async (tx) => {
    const routed = [{ mail: prepared, channel }]
    const [conversationId] = await resolveConversations(tx, orgId, routed)
    const origin = { orgId, sourceId: row.sourceId ?? 0, uidvalidity: row.uidvalidity ?? 0 }
    const fresh = messageRow(origin, prepared, row.channelId, conversationId ?? null)
    await tx
      .updateTable('messages')
      .set({
        conversationId: fresh.conversationId,
        messageId: fresh.messageId,
        messageIdHash: fresh.messageIdHash,
        spcId: fresh.spcId,
        category: fresh.category,
        kind: fresh.kind,
        direction: fresh.direction,
        subject: fresh.subject,
        fromAddress: fresh.fromAddress,
        fromName: fresh.fromName,
        toAddresses: fresh.toAddresses,
        replyTo: fresh.replyTo,
        buyerName: fresh.buyerName,
        orderId: fresh.orderId,
        asin: fresh.asin,
        marketplace: fresh.marketplace,
        language: fresh.language,
        productTitle: fresh.productTitle,
        quantity: fresh.quantity,
        buyerText: fresh.buyerText,
        bodyText: fresh.bodyText,
        bodyHtml: fresh.bodyHtml,
        suspicious: fresh.suspicious,
        parseError: fresh.parseError,
        attachmentCount: prepared.attachments.length,
        searchText: fresh.searchText!,
        snippet: fresh.snippet!,
      })
      .where('id', '=', row.id)
      .execute()
    await tx.deleteFrom('attachments').where('messageId', '=', row.id).execute()
    if (prepared.attachments.length) {
      await tx.insertInto('attachments').values(prepared.attachments.map((a) => ({ orgId, messageId: row.id, ...a }))).execute()
    }
    await touchConversations(tx, routed, [conversationId ?? null])
    // What the message said about its order may have changed, or the order itself.
    const orders = new Set([row.orderId, fresh.orderId].filter((o): o is string => !!o))
    await rebuildOrderFacts(tx, [...orders].map((orderId) => ({ orgId, channelId: row.channelId, orderId })))
    const bucket = { orgId, channelId: row.channelId, status: row.status, isRead: row.isRead }
    await moveInInboxCounts(tx, [{ from: { ...bucket, category: row.category }, to: { ...bucket, category: fresh.category } }])
  })
  const after = await db.selectFrom('messages').select(['id', 'parseError', 'category', 'kind']).where('id', '=', row.id).executeTakeFirstOrThrow()
  return after
}
