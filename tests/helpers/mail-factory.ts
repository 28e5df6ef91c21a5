// Inserts ingested mail straight into the database (conversations, messages, attachments,
// unrouted mail, sync state) for tests of the read side; ingestion has its own tests. Raw MIME
// and attachment bytes go through the app's blob store so /raw and downloads serve them.
import type { FastifyInstance } from 'fastify'
import type { Channel } from '@sellerinbox/shared'
import { searchTextOf } from '@sellerinbox/shared/domain/search-text'
import { messageSnippet } from '@sellerinbox/shared/domain/snippet'
import { countNewMessages } from '@sellerinbox/server/modules/messages/inbox-counts.repo'
import { orderMailOf, recordOrderFacts } from '@sellerinbox/server/modules/messages/order-facts.repo'
import type { NewMessageRow } from '@sellerinbox/server/db/schema'
import type { Client } from './app'

let counter = 0
const unique = () => `${process.pid}-${Date.now().toString(36)}-${++counter}`

export interface MessageFields {
  conversationId?: number | null
  receivedAt?: Date
  subject?: string
  category?: string
  kind?: string
  direction?: 'in' | 'out'
  fromName?: string | null
  fromAddress?: string | null
  toAddresses?: string
  replyTo?: string | null
  buyerName?: string | null
  orderId?: string | null
  asin?: string | null
  buyerText?: string | null
  bodyText?: string
  bodyHtml?: string | null
  isRead?: boolean
  suspicious?: boolean
  parseError?: string | null
  slaDueAt?: Date | null
  status?: 'pending' | 'follow_up' | 'processed' | 'replied_on_platform'
  productTitle?: string | null
  quantity?: number | null
  /** Raw MIME; a small unique email when absent (raw bytes are unique per channel). */
  raw?: Buffer
}

export interface InsertedMessage {
  id: number
  raw: Buffer
}

/** A factory bound to one org (the main account's). */
export function mailFactory(app: FastifyInstance, owner: Client) {
  const { db, storage } = app.ctx
  const orgId = owner.session.user.orgId

  return {
    async conversation(channel: Channel, fields: { buyerName?: string; orderId?: string; slaDueAt?: Date | null } = {}): Promise<number> {
      const result = await db
        .insertInto('conversations')
        .values({
          orgId,
          channelId: channel.id,
          buyerKey: `buyer-${unique()}@marketplace.amazon.com`,
          orderId: fields.orderId ?? '',
          buyerName: fields.buyerName ?? null,
          lastMessageAt: new Date(),
          slaDueAt: fields.slaDueAt ?? null,
        })
        .executeTakeFirstOrThrow()
      return Number(result.insertId)
    },

    async message(channel: Channel, fields: MessageFields = {}): Promise<InsertedMessage> {
      const id = unique()
      const subject = fields.subject ?? `Message ${id}`
      const raw = fields.raw ?? Buffer.from(`Message-ID: <${id}@test.example>\r\nSubject: ${subject}\r\nFrom: buyer@example.com\r\n\r\nHello ${id}\r\n`)
      const { key, sha256 } = await storage.put('raw', raw)
      const buyerText = fields.buyerText === undefined ? `Where is my order? ${id}` : fields.buyerText
      const bodyText = fields.bodyText ?? `Body of ${id}`
      const row: NewMessageRow = {
        orgId,
        channelId: channel.id,
        conversationId: fields.conversationId ?? null,
        sourceId: null,
        uidvalidity: null,
        uid: null,
        messageId: null,
        messageIdHash: null,
        spcId: null,
        rawSha256: sha256,
        direction: fields.direction ?? 'in',
        category: fields.category ?? 'buyer_message',
        kind: fields.kind ?? 'buyer_message',
        subject,
        fromAddress: fields.fromAddress === undefined ? 'buyer-abc+case@marketplace.amazon.com' : fields.fromAddress,
        fromName: fields.fromName === undefined ? 'Jane Buyer - Amazon Marketplace' : fields.fromName,
        toAddresses: fields.toAddresses ?? channel.dedicatedAddress,
        replyTo: fields.replyTo ?? null,
        buyerName: fields.buyerName ?? null,
        orderId: fields.orderId ?? null,
        asin: fields.asin ?? null,
        marketplace: channel.marketplace,
        language: 'en',
        productTitle: fields.productTitle ?? null,
        quantity: fields.quantity ?? null,
        buyerText,
        bodyText,
        bodyHtml: fields.bodyHtml ?? null,
        receivedAt: fields.receivedAt ?? new Date(),
        isRead: fields.isRead ?? false,
        slaDueAt: fields.slaDueAt ?? null,
        suspicious: fields.suspicious ?? false,
        parseError: fields.parseError ?? null,
        rawKey: key,
        rawSize: raw.length,
        status: fields.status ?? 'pending',
        searchText: searchTextOf({ subject, buyerName: fields.buyerName ?? null, orderId: fields.orderId ?? null, buyerText }),
        snippet: messageSnippet(buyerText, bodyText),
      }
      // Like ingestion: the row, its order's facts and the inbox counters in one transaction.
      const result = await db.transaction().execute(async (tx) => {
        const inserted = await tx.insertInto('messages').values(row).executeTakeFirstOrThrow()
        await recordOrderFacts(tx, [orderMailOf(row)])
        await countNewMessages(tx, [row])
        return inserted
      })
      return { id: Number(result.insertId), raw }
    },

    async attachment(messageId: number, fields: { filename: string; contentType: string; data: Buffer; inline?: boolean }): Promise<number> {
      const { key, sha256 } = await storage.put('attachment', fields.data)
      const result = await db
        .insertInto('attachments')
        .values({
          orgId,
          messageId,
          filename: fields.filename,
          contentType: fields.contentType,
          size: fields.data.length,
          sha256,
          storageKey: key,
          contentId: null,
          inline: fields.inline ?? false,
        })
        .executeTakeFirstOrThrow()
      await db
        .updateTable('messages')
        .set((eb) => ({ attachmentCount: eb('attachmentCount', '+', 1) }))
        .where('id', '=', messageId)
        .execute()
      return Number(result.insertId)
    },

    async unrouted(sourceId: number, fields: { subject?: string; recipients?: string[]; receivedAt?: Date } = {}): Promise<number> {
      const id = unique()
      const raw = Buffer.from(`Message-ID: <${id}@test.example>\r\nSubject: unrouted\r\n\r\n${id}\r\n`)
      const { key, sha256 } = await storage.put('raw', raw)
      const result = await db
        .insertInto('unroutedMail')
        .values({
          orgId,
          sourceId,
          uidvalidity: 1,
          uid: ++counter,
          rawSha256: sha256,
          messageId: `<${id}@test.example>`,
          subject: fields.subject ?? `Unrouted ${id}`,
          fromAddress: 'sender@example.com',
          recipients: (fields.recipients ?? ['old-address@in.test.example']).join(' '),
          receivedAt: fields.receivedAt ?? new Date(),
          rawKey: key,
          rawSize: raw.length,
          routedMessageId: null,
          routedAt: null,
        })
        .executeTakeFirstOrThrow()
      return Number(result.insertId)
    },

    /** The sync state a worker would have written for the source's mailbox. */
    async syncState(
      sourceId: number,
      mailbox: string,
      fields: { connected?: boolean; lastUid?: number; serverUidNext?: number | null; leaseExpiresAt?: Date | null; lastError?: string | null },
    ): Promise<void> {
      await db
        .insertInto('mailboxSync')
        .values({
          sourceId,
          mailbox,
          uidvalidity: 1,
          lastUid: fields.lastUid ?? 0,
          highestModseq: null,
          leaseOwner: fields.leaseExpiresAt ? 'worker-test' : null,
          leaseExpiresAt: fields.leaseExpiresAt ?? null,
          lastSuccessAt: new Date('2026-11-22T01:00:00.000Z'),
          lastError: fields.lastError ?? null,
          lastErrorAt: fields.lastError ? new Date('2026-11-22T01:30:00.000Z') : null,
          serverUidNext: fields.serverUidNext ?? null,
          connected: fields.connected ?? false,
        })
        .execute()
    },
  }
}
