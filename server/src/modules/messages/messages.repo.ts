// Reads messages, their attachments and conversations as one actor may see them: scoped by org,
// and visible iff the message's channel belongs to a store the actor may see. Writes nothing.
import { sql } from 'kysely'
import type { Db } from '../../db/kysely'
import type { AttachmentRow, ConversationRow, MessageStatus } from '../../db/schema'
import { notFound } from '../../lib/errors'
import type { Actor } from '../actor'
import { visibleStores } from '../stores/stores.repo'
import type { Keyset } from './keyset-cursor'

export interface MessageSummaryRow {
  id: number
  channelId: number
  storeId: number
  channelMarketplace: string
  conversationId: number | null
  direction: 'in' | 'out'
  category: string
  kind: string
  subject: string
  fromName: string | null
  fromAddress: string | null
  buyerName: string | null
  orderId: string | null
  asin: string | null
  /** The start of the buyer's words, or of the body when there are none (trimmed in the presenter). */
  snippetSource: string | null
  receivedAt: Date
  status: MessageStatus
  isRead: boolean | number
  slaDueAt: Date | null
  suspicious: boolean | number
  parseError: string | null
  attachmentCount: number
}

export interface MessageDetailRow extends MessageSummaryRow {
  replyTo: string | null
  language: string | null
  productTitle: string | null
  quantity: number | null
  buyerText: string | null
  bodyText: string
  bodyHtml: string | null
  toAddresses: string
  rawKey: string
}

/** Enough characters for a 120-character snippet after whitespace runs collapse. */
const SNIPPET_SOURCE_CHARS = 400

function visibleMessages(db: Db, actor: Actor) {
  return db
    .selectFrom('messages')
    .innerJoin('channels', 'channels.id', 'messages.channelId')
    .where('messages.orgId', '=', actor.orgId)
    .where('channels.storeId', 'in', visibleStores(db, actor).clearSelect().select('stores.id'))
}

const snippetSource = sql<string | null>`left(coalesce(nullif(trim(${sql.ref('messages.buyerText')}), ''), ${sql.ref('messages.bodyText')}), ${SNIPPET_SOURCE_CHARS})`

const MESSAGE_COLUMNS = [
  'messages.id',
  'messages.channelId',
  'messages.conversationId',
  'messages.direction',
  'messages.category',
  'messages.kind',
  'messages.subject',
  'messages.fromName',
  'messages.fromAddress',
  'messages.buyerName',
  'messages.orderId',
  'messages.asin',
  'messages.receivedAt',
  'messages.status',
  'messages.isRead',
  'messages.slaDueAt',
  'messages.suspicious',
  'messages.parseError',
  'messages.attachmentCount',
] as const

function selectSummary(db: Db, actor: Actor) {
  return visibleMessages(db, actor).select([...MESSAGE_COLUMNS, 'channels.storeId', 'channels.marketplace as channelMarketplace', snippetSource.as('snippetSource')])
}

export interface ChannelRef {
  id: number
  storeId: number
  marketplace: string
}

/** The channels of every store the actor may see (a few hundred at most, even for a large seller). */
export async function visibleChannels(db: Db, actor: Actor): Promise<ChannelRef[]> {
  return db
    .selectFrom('channels')
    .select(['channels.id', 'channels.storeId', 'channels.marketplace'])
    .where('channels.orgId', '=', actor.orgId)
    .where('channels.storeId', 'in', visibleStores(db, actor).clearSelect().select('stores.id'))
    .execute()
}

/**
 * One page of `channels`' messages, newest first, `limit + 1` rows so the caller knows whether
 * another page exists. Reads `messages` alone with the channel ids as a list: joined to channels,
 * MariaDB drives the query from the small channels table and sorts every message of the org for
 * each page; alone, it walks (org_id, received_at, id) backwards and stops after `limit + 1`.
 */
export async function listMessageRows(
  db: Db,
  orgId: number,
  channels: ChannelRef[],
  filter: { category?: string },
  after: Keyset | null,
  limit: number,
): Promise<MessageSummaryRow[]> {
  if (!channels.length) return []
  const byId = new Map(channels.map((c) => [c.id, c]))
  let query = db
    .selectFrom('messages')
    .select([...MESSAGE_COLUMNS, snippetSource.as('snippetSource')])
    .where('messages.orgId', '=', orgId)
    .where('messages.channelId', 'in', [...byId.keys()])
  if (filter.category !== undefined) query = query.where('messages.category', '=', filter.category)
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('messages.receivedAt', '<', after.receivedAt), eb.and([eb('messages.receivedAt', '=', after.receivedAt), eb('messages.id', '<', after.id)])]),
    )
  }
  const rows = await query.orderBy('messages.receivedAt', 'desc').orderBy('messages.id', 'desc').limit(limit + 1).execute()
  return rows.flatMap((row) => {
    const channel = byId.get(row.channelId)
    return channel ? [{ ...row, storeId: channel.storeId, channelMarketplace: channel.marketplace }] : []
  })
}

export async function getMessageDetailRow(db: Db, actor: Actor, id: number): Promise<MessageDetailRow> {
  const row = await selectSummary(db, actor)
    .select([
      'messages.replyTo',
      'messages.language',
      'messages.productTitle',
      'messages.quantity',
      'messages.buyerText',
      'messages.bodyText',
      'messages.bodyHtml',
      'messages.toAddresses',
      'messages.rawKey',
    ])
    .where('messages.id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound('message')
  return row
}

export async function getRawKey(db: Db, actor: Actor, id: number): Promise<string> {
  const row = await visibleMessages(db, actor).select('messages.rawKey').where('messages.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('message')
  return row.rawKey
}

export async function attachmentsOf(db: Db, orgId: number, messageId: number): Promise<AttachmentRow[]> {
  return db.selectFrom('attachments').selectAll().where('orgId', '=', orgId).where('messageId', '=', messageId).orderBy('id').execute()
}

/** An attachment is visible iff its message is. */
export async function getAttachmentRow(db: Db, actor: Actor, id: number): Promise<AttachmentRow> {
  const row = await db
    .selectFrom('attachments')
    .selectAll('attachments')
    .where('attachments.orgId', '=', actor.orgId)
    .where('attachments.id', '=', id)
    .where('attachments.messageId', 'in', visibleMessages(db, actor).select('messages.id'))
    .executeTakeFirst()
  if (!row) throw notFound('attachment')
  return row
}

/** A conversation is visible iff its channel's store is. */
export async function getConversationRow(db: Db, actor: Actor, id: number): Promise<ConversationRow> {
  const row = await db
    .selectFrom('conversations')
    .innerJoin('channels', 'channels.id', 'conversations.channelId')
    .selectAll('conversations')
    .where('conversations.orgId', '=', actor.orgId)
    .where('conversations.id', '=', id)
    .where('channels.storeId', 'in', visibleStores(db, actor).clearSelect().select('stores.id'))
    .executeTakeFirst()
  if (!row) throw notFound('conversation')
  return row
}

/** The newest `max` messages of a conversation, oldest first. */
export async function conversationMessageRows(db: Db, actor: Actor, conversationId: number, max: number): Promise<MessageSummaryRow[]> {
  const newest = await selectSummary(db, actor)
    .where('messages.conversationId', '=', conversationId)
    .orderBy('messages.receivedAt', 'desc')
    .orderBy('messages.id', 'desc')
    .limit(max)
    .execute()
  return newest.reverse()
}
