// The inbox's read side: filtered pages (keyset), category counts, one message with its order
// panel and change history, its raw MIME and attachments, and a conversation's history.
// Visibility rules live in the repos; JSON shapes in the presenter; marks in marks.service.
import type { InboxCounts, InboxCountsQuery, InboxQuery } from '@sellerinbox/shared/api/inbox'
import type { ConversationHistory, MessageDetail, MessagePage, Tag } from '@sellerinbox/shared/api/messages'
import { CATEGORIES } from '@sellerinbox/shared/domain/taxonomy'
import type { Db } from '../../db/kysely'
import type { BlobStore } from '../../storage/blob-store'
import type { Actor } from '../actor'
import type { ChannelDirectory } from '../stores/channel-directory'
import { tagsOfMessages } from '../tags/tags.repo'
import { resolveInboxFilter } from './inbox-filter'
import { countInboxRows, listInboxRows } from './inbox-query.repo'
import { decodeCursor, pageOf } from './keyset-cursor'
import {
  attachmentsOf,
  conversationMessageRows,
  getAttachmentRow,
  getConversationRow,
  getMessageDetailRow,
  getRawKey,
  type MessageSummaryRow,
} from './messages.repo'
import { presentConversation, presentMessageDetail, presentMessageSummary, presentTag } from './messages.presenter'
import { orderPanelOf } from './order-panel'
import { safeContentType } from './download'

export interface MessagesContext {
  db: Db
  storage: BlobStore
}

export interface InboxContext {
  db: Db
  channels: ChannelDirectory
}

export interface FileDownload {
  filename: string
  contentType: string
  data: Buffer
}

/** A conversation is one buyer × order; more than this many messages means something else is wrong. */
const CONVERSATION_HISTORY_MAX = 500

export async function listMessages(ctx: InboxContext, actor: Actor, query: InboxQuery, now = new Date()): Promise<MessagePage> {
  const after = query.cursor ? decodeCursor(query.cursor) : null
  const limit = query.limit ?? 20
  const filter = await resolveInboxFilter(ctx.db, ctx.channels, actor, query, now)
  if (!filter) return { items: [], nextCursor: null }
  const { rows, nextCursor } = pageOf(await listInboxRows(ctx.db, filter, after, limit), limit)
  return { items: rows.map((row) => presentMessageSummary(row, row.tags.map(presentTag))), nextCursor }
}

const emptyBadge = () => ({ total: 0, unread: 0, pending: 0 })

export async function countMessages(ctx: InboxContext, actor: Actor, query: InboxCountsQuery, now = new Date()): Promise<InboxCounts> {
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, emptyBadge()])) as InboxCounts['categories']
  const all = emptyBadge()
  const filter = await resolveInboxFilter(ctx.db, ctx.channels, actor, query, now)
  if (!filter) return { categories, all }
  for (const row of await countInboxRows(ctx.db, filter)) {
    const badge = categories[row.category as keyof InboxCounts['categories']]
    // Categories outside the taxonomy (none today) still count in `all`.
    if (badge) Object.assign(badge, { total: row.total, unread: row.unread, pending: row.pending })
    all.total += row.total
    all.unread += row.unread
    all.pending += row.pending
  }
  return { categories, all }
}

export async function getMessage(db: Db, actor: Actor, id: number): Promise<MessageDetail> {
  const row = await getMessageDetailRow(db, actor, id)
  // Attachments only when there are some (most mail has none): each query costs server CPU too.
  const attachments = row.attachmentCount > 0 ? await attachmentsOf(db, actor.orgId, row.id) : []
  return presentMessageDetail(row, {
    attachments,
    tags: row.tags.map(presentTag),
    history: row.history,
    order: orderPanelOf(row.orderId, row.channelMarketplace, row.orderFacts),
  })
}

async function presentSummaries(db: Db, orgId: number, rows: MessageSummaryRow[]) {
  const tags = await tagsOfMessages(db, orgId, rows.map((r) => r.id))
  return rows.map((row) => presentMessageSummary(row, (tags.get(row.id) ?? []).map(presentTag) satisfies Tag[]))
}

export async function getRawMessage(ctx: MessagesContext, actor: Actor, id: number): Promise<FileDownload> {
  const rawKey = await getRawKey(ctx.db, actor, id)
  return { filename: `message-${id}.eml`, contentType: 'message/rfc822', data: await ctx.storage.get(rawKey) }
}

export async function getAttachmentFile(ctx: MessagesContext, actor: Actor, id: number): Promise<FileDownload> {
  const row = await getAttachmentRow(ctx.db, actor, id)
  return { filename: row.filename, contentType: safeContentType(row.contentType), data: await ctx.storage.get(row.storageKey) }
}

export async function getConversationHistory(db: Db, actor: Actor, id: number): Promise<ConversationHistory> {
  const conversation = await getConversationRow(db, actor, id)
  const rows = await conversationMessageRows(db, actor, conversation.id, CONVERSATION_HISTORY_MAX)
  return { conversation: presentConversation(conversation), messages: await presentSummaries(db, actor.orgId, rows) }
}
