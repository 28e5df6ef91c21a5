// Reads messages, their attachments and conversations as one actor may see them: scoped by org,
// and visible iff the message's channel belongs to a store the actor may see. Writes nothing.
// Inbox pages and counts are in inbox-query.repo.ts.
import { sql } from 'kysely'
import type { Db, Tx } from '../../db/kysely'
import type { AttachmentRow, ConversationRow, MessageStatus } from '../../db/schema'
import { notFound } from '../../lib/errors'
import type { Actor } from '../actor'
import { visibleStores } from '../stores/stores.repo'
import type { OrderFacts } from './order-panel'
import { HISTORY_MAX } from './message-events.repo'

export interface MessageSummaryRow {
  id: number
  channelId: number
  storeId: number
  storeName: string
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
  /** The stored snippet (shared/domain/snippet), normalized again in the presenter for rows stored before it existed. */
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
  /** The message's own marketplace field (the channel's is `channelMarketplace`). */
  marketplace: string | null
  tags: DetailTag[]
  /** Newest first, at most HISTORY_MAX. */
  history: DetailEvent[]
  /** What the channel's mail says about the message's order (null without an order, or before any mail said anything). */
  orderFacts: OrderFacts | null
}

export interface DetailTag {
  id: number
  name: string
  color: string
}

export interface DetailEvent {
  id: number
  userId: number
  userName: string
  change: string
  createdAt: Date
}

function visibleMessages(db: Db | Tx, actor: Actor) {
  return db
    .selectFrom('messages')
    .innerJoin('channels', 'channels.id', 'messages.channelId')
    .where('messages.orgId', '=', actor.orgId)
    .where('channels.storeId', 'in', visibleStores(db, actor).clearSelect().select('stores.id'))
}


export const MESSAGE_COLUMNS = [
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
  'messages.snippet as snippetSource',
] as const

function selectSummary(db: Db, actor: Actor) {
  return visibleMessages(db, actor)
    .innerJoin('stores', 'stores.id', 'channels.storeId')
    .select([...MESSAGE_COLUMNS, 'channels.storeId', 'stores.name as storeName', 'channels.marketplace as channelMarketplace'])
}

/** Ids among `ids` of messages the actor may see. */
export async function visibleMessageIds(db: Db | Tx, actor: Actor, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set()
  const rows = await visibleMessages(db, actor).select('messages.id').where('messages.id', 'in', ids).execute()
  return new Set(rows.map((r) => r.id))
}

/** DATETIME(3) as epoch milliseconds inside JSON (sessions run in UTC, see db/kysely.ts). */
const epochMs = (column: string) => sql`floor(unix_timestamp(${sql.raw(column)}) * 1000)`

/**
 * One message as the actor may see it, with everything its detail view shows but attachments:
 * its tags and change history (JSON subqueries) and its order's facts (one row, kept at
 * ingestion). One statement, SQL rather than the builder, named in camelCase and run without
 * the CamelCasePlugin: the detail page is the inbox's second-busiest read, and each extra query
 * cost the server more CPU than the database's own work.
 */
export async function getMessageDetailRow(db: Db, actor: Actor, id: number): Promise<MessageDetailRow> {
  const visible =
    actor.role === 'main'
      ? sql``
      : sql`and c.store_id in (select a.store_id from user_store_access a join stores vs on vs.id = a.store_id
          where a.user_id = ${actor.userId} and vs.org_id = ${actor.orgId} and vs.archived_at is null)`
  const { rows } = await sql<Omit<MessageDetailRow, 'tags' | 'history' | 'orderFacts'> & DetailJson & FactColumns>`
    select m.id, m.channel_id as channelId, m.conversation_id as conversationId, m.direction, m.category, m.kind, m.subject,
      m.from_name as fromName, m.from_address as fromAddress, m.buyer_name as buyerName, m.order_id as orderId, m.asin,
      m.received_at as receivedAt, m.status, m.is_read as isRead, m.sla_due_at as slaDueAt, m.suspicious,
      m.parse_error as parseError, m.attachment_count as attachmentCount, m.snippet as snippetSource, c.store_id as storeId,
      s.name as storeName, c.marketplace as channelMarketplace, m.reply_to as replyTo, m.language,
      m.product_title as productTitle, m.quantity, m.buyer_text as buyerText, m.body_text as bodyText,
      m.body_html as bodyHtml, m.to_addresses as toAddresses, m.raw_key as rawKey, m.marketplace,
      (select json_arrayagg(json_object('id', t.id, 'name', t.name, 'color', t.color, 'at', ${epochMs('mt.created_at')}))
        from message_tags mt join tags t on t.id = mt.tag_id where mt.message_id = m.id) as tagsJson,
      (select json_arrayagg(json_object('id', e.id, 'userId', e.user_id, 'userName', e.user_name, 'change', e.change,
          'at', ${epochMs('e.created_at')}))
        from message_events e where e.message_id = m.id) as historyJson,
      f.channel_id as factsChannelId, f.asin as factAsin, f.product_title as factProductTitle, f.quantity as factQuantity,
      f.refund_amount as factRefundAmount, f.return_reason as factReturnReason, f.claim_state as factClaimState
    from messages m
      join channels c on c.id = m.channel_id
      join stores s on s.id = c.store_id
      left join order_facts f on f.channel_id = m.channel_id and f.order_id = m.order_id
    where m.id = ${id} and m.org_id = ${actor.orgId} ${visible}`.execute(withoutRenaming(db))
  const row = rows[0]
  if (!row) throw notFound('message')
  const { tagsJson, historyJson, factsChannelId, factAsin, factProductTitle, factQuantity, factRefundAmount, factReturnReason, factClaimState, ...rest } = row
  // JSON_ARRAYAGG has no ORDER BY in MySQL: order here. MariaDB hands JSON back as text.
  const tags = jsonArray<DetailTag & { at: number }>(tagsJson).sort((a, b) => a.at - b.at || a.id - b.id)
  const history = jsonArray<DetailEvent & { at: number }>(historyJson).sort((a, b) => b.id - a.id).slice(0, HISTORY_MAX)
  return {
    ...rest,
    tags: tags.map(({ id: tagId, name, color }) => ({ id: tagId, name, color })),
    history: history.map((e) => ({ id: e.id, userId: e.userId, userName: e.userName, change: e.change, createdAt: new Date(e.at) })),
    orderFacts:
      factsChannelId === null
        ? null
        : {
            asin: factAsin,
            productTitle: factProductTitle,
            quantity: factQuantity,
            refundAmount: factRefundAmount,
            returnReason: factReturnReason,
            claimState: factClaimState,
          },
  }
}

interface DetailJson {
  tagsJson: unknown
  historyJson: unknown
}

interface FactColumns {
  factsChannelId: number | null
  factAsin: string | null
  factProductTitle: string | null
  factQuantity: number | null
  factRefundAmount: string | null
  factReturnReason: string | null
  factClaimState: string | null
}

function jsonArray<T>(value: unknown): T[] {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value
  return Array.isArray(parsed) ? (parsed as T[]) : []
}

const plain = new WeakMap<Db, Db>()
/** The same database without the CamelCasePlugin, for SQL that names its columns in camelCase. */
export function withoutRenaming(db: Db): Db {
  let found = plain.get(db)
  if (!found) plain.set(db, (found = db.withoutPlugins()))
  return found
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
