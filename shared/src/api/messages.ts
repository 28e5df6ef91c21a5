// Ingested mail as the inbox reads it: lists (keyset pages), one message with its body and
// attachments, and a conversation's history. Body HTML is sanitized at ingestion; nothing else
// here carries HTML.
import { Type, type Static, type TSchema } from 'typebox'
import { Id, Instant } from './common'

export const MessageStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('follow_up'),
  Type.Literal('processed'),
  Type.Literal('replied_on_platform'),
])
export type MessageStatus = Static<typeof MessageStatus>

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** Opaque; pass it back as `cursor` for the next page. Null on the last page. */
export const NextCursor = Type.Union([Type.String(), Type.Null()])

export const PageQuery = Type.Object({
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
})
export type PageQuery = Static<typeof PageQuery>

export const ListMessagesQuery = Type.Object({
  channelId: Type.Optional(Id),
  category: Type.Optional(Type.String({ pattern: '^[a-z_]{1,16}$', description: 'buyer_message, qa, refund, atoz_claim, amazon or sent' })),
  cursor: PageQuery.properties.cursor,
  limit: PageQuery.properties.limit,
})
export type ListMessagesQuery = Static<typeof ListMessagesQuery>

const summaryFields = {
  id: Id,
  channelId: Id,
  storeId: Id,
  marketplace: Type.String({ description: "The channel's marketplace" }),
  conversationId: Nullable(Id),
  direction: Type.Union([Type.Literal('in'), Type.Literal('out')]),
  category: Type.String(),
  kind: Type.String(),
  subject: Type.String(),
  fromName: Nullable(Type.String()),
  fromAddress: Nullable(Type.String()),
  buyerName: Nullable(Type.String()),
  orderId: Nullable(Type.String()),
  asin: Nullable(Type.String()),
  snippet: Type.String({ description: "Start of the buyer's words (or of the body), whitespace collapsed" }),
  receivedAt: Instant,
  status: MessageStatus,
  isRead: Type.Boolean(),
  slaDueAt: Nullable(Instant),
  suspicious: Type.Boolean(),
  parseError: Nullable(Type.String({ description: 'Why the MIME could not be parsed; the raw source is kept' })),
  attachmentCount: Type.Integer({ minimum: 0 }),
}

export const MessageSummary = Type.Object(summaryFields)
export type MessageSummary = Static<typeof MessageSummary>

export const MessagePage = Type.Object({ items: Type.Array(MessageSummary), nextCursor: NextCursor })
export type MessagePage = Static<typeof MessagePage>

export const AttachmentInfo = Type.Object({
  id: Id,
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  inline: Type.Boolean(),
})
export type AttachmentInfo = Static<typeof AttachmentInfo>

export const MessageDetail = Type.Object({
  ...summaryFields,
  replyTo: Nullable(Type.String({ description: 'Buyer relay address to reply to' })),
  language: Nullable(Type.String()),
  productTitle: Nullable(Type.String()),
  quantity: Nullable(Type.Integer()),
  buyerText: Nullable(Type.String()),
  bodyText: Type.String(),
  bodyHtml: Nullable(Type.String({ description: 'Sanitized at ingestion' })),
  toAddresses: Type.Array(Type.String()),
  attachments: Type.Array(AttachmentInfo),
})
export type MessageDetail = Static<typeof MessageDetail>

export const ConversationInfo = Type.Object({
  id: Id,
  channelId: Id,
  buyerName: Nullable(Type.String()),
  orderId: Nullable(Type.String({ description: 'Null for pre-sale questions' })),
  slaDueAt: Nullable(Instant),
})
export type ConversationInfo = Static<typeof ConversationInfo>

export const ConversationHistory = Type.Object({
  conversation: ConversationInfo,
  messages: Type.Array(MessageSummary, { description: 'Oldest first' }),
})
export type ConversationHistory = Static<typeof ConversationHistory>
