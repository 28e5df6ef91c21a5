// The inbox's read side: message lists (keyset pages), one message, its raw MIME and attachments,
// and a conversation's history. Visibility rules live in the repo; JSON shapes in the presenter.
import type { ConversationHistory, MessageDetail, MessagePage } from '@sellerinbox/shared/api/messages'
import type { Db } from '../../db/kysely'
import type { BlobStore } from '../../storage/blob-store'
import type { Actor } from '../actor'
import { notFound } from '../../lib/errors'
import { decodeCursor, pageOf } from './keyset-cursor'
import {
  attachmentsOf,
  conversationMessageRows,
  getAttachmentRow,
  getConversationRow,
  getMessageDetailRow,
  getRawKey,
  listMessageRows,
  visibleChannels,
} from './messages.repo'
import { presentConversation, presentMessageDetail, presentMessageSummary } from './messages.presenter'
import { safeContentType } from './download'

export interface MessagesContext {
  db: Db
  storage: BlobStore
}

export interface FileDownload {
  filename: string
  contentType: string
  data: Buffer
}

/** A conversation is one buyer × order; more than this many messages means something else is wrong. */
const CONVERSATION_HISTORY_MAX = 500

export async function listMessages(
  db: Db,
  actor: Actor,
  query: { channelId?: number; category?: string; cursor?: string; limit?: number },
): Promise<MessagePage> {
  const after = query.cursor ? decodeCursor(query.cursor) : null
  const limit = query.limit ?? 20
  let channels = await visibleChannels(db, actor)
  if (query.channelId !== undefined) {
    channels = channels.filter((c) => c.id === query.channelId)
    // Another org's channel, or one of a store this sub-account may not see, is simply unknown.
    if (!channels.length) throw notFound('channel')
  }
  const filter = query.category ? { category: query.category } : {}
  const { rows, nextCursor } = pageOf(await listMessageRows(db, actor.orgId, channels, filter, after, limit), limit)
  return { items: rows.map(presentMessageSummary), nextCursor }
}

export async function getMessage(db: Db, actor: Actor, id: number): Promise<MessageDetail> {
  const row = await getMessageDetailRow(db, actor, id)
  return presentMessageDetail(row, await attachmentsOf(db, actor.orgId, row.id))
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
  return { conversation: presentConversation(conversation), messages: rows.map(presentMessageSummary) }
}
