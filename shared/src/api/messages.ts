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

/** An org's label; at most 2 per message. */
export const Tag = Type.Object({
  id: Id,
  name: Type.String(),
  color: Type.String({ description: '#RRGGBB' }),
})
export type Tag = Static<typeof Tag>

const summaryFields = {
  id: Id,
  channelId: Id,
  storeId: Id,
  storeName: Type.String(),
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
  tags: Type.Array(Tag, { maxItems: 2 }),
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

/** Everything known about the message's order, gathered from all the channel's mail about it. */
export const OrderPanel = Type.Object({
  orderId: Type.String(),
  marketplace: Type.String(),
  asin: Nullable(Type.String()),
  productTitle: Nullable(Type.String()),
  quantity: Nullable(Type.Integer()),
  refundAmount: Nullable(Type.String({ description: 'As Amazon wrote it, currency included (e.g. "EUR 12,99"); null when unknown' })),
  returnReason: Nullable(Type.String()),
  claimState: Nullable(Type.String({ description: 'opened, decided or chargeback; null when no A-to-z claim is known' })),
  sellerCentralUrl: Type.String({ description: "The order's page in the marketplace's Seller Central" }),
})
export type OrderPanel = Static<typeof OrderPanel>

/** One recorded change to a message, newest first. */
export const StatusChange = Type.Object({
  at: Instant,
  by: Type.Object({ id: Id, displayName: Type.String() }),
  change: Type.String({
    description:
      "'status:pending' | 'status:follow_up' | 'status:processed' | 'replied_on_platform' | 'read' | 'unread' | " +
      "'tag_added:<tag name>' | 'tag_removed:<tag name>'",
  }),
})
export type StatusChange = Static<typeof StatusChange>

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
  order: Nullable(OrderPanel),
  history: Type.Array(StatusChange, { description: 'Changes made by users, newest first' }),
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
