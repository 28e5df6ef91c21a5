// The only place that shapes messages, attachments and conversations as JSON. Body HTML passes
// through only from `bodyHtml`, which ingestion sanitized; no other field carries HTML.
import type { AttachmentInfo, ConversationInfo, MessageDetail, MessageSummary, OrderPanel, StatusChange, Tag } from '@sellerinbox/shared/api/messages'
import type { AttachmentRow, ConversationRow, MessageEventRow, TagRow } from '../../db/schema'
import type { MessageDetailRow, MessageSummaryRow } from './messages.repo'
import { snippetOf } from '@sellerinbox/shared/domain/snippet'

export { SNIPPET_LENGTH, snippetOf } from '@sellerinbox/shared/domain/snippet'

/** MariaDB's BOOLEAN is TINYINT(1): mysql2 hands back 0/1 whatever the schema type says. */
export const flag = (value: boolean | number): boolean => value === true || value === 1

/** Stored as `a@x, b@y` (To then Cc). */
export function addressList(stored: string): string[] {
  return stored
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
}

export function presentTag(row: Pick<TagRow, 'id' | 'name' | 'color'>): Tag {
  return { id: row.id, name: row.name, color: row.color }
}

export function presentMessageSummary(row: MessageSummaryRow, tags: Tag[]): MessageSummary {
  return {
    id: row.id,
    channelId: row.channelId,
    storeId: row.storeId,
    storeName: row.storeName,
    marketplace: row.channelMarketplace,
    conversationId: row.conversationId,
    direction: row.direction,
    category: row.category,
    kind: row.kind,
    subject: row.subject,
    fromName: row.fromName,
    fromAddress: row.fromAddress,
    buyerName: row.buyerName,
    orderId: row.orderId,
    asin: row.asin,
    snippet: snippetOf(row.snippetSource),
    receivedAt: row.receivedAt.toISOString(),
    status: row.status,
    isRead: flag(row.isRead),
    slaDueAt: row.slaDueAt?.toISOString() ?? null,
    suspicious: flag(row.suspicious),
    parseError: row.parseError,
    attachmentCount: row.attachmentCount,
    tags,
  }
}

export function presentAttachment(row: AttachmentRow): AttachmentInfo {
  return { id: row.id, filename: row.filename, contentType: row.contentType, size: row.size, inline: flag(row.inline) }
}

export function presentStatusChange(row: Pick<MessageEventRow, 'createdAt' | 'userId' | 'userName' | 'change'>): StatusChange {
  return { at: row.createdAt.toISOString(), by: { id: row.userId, displayName: row.userName }, change: row.change }
}

export interface DetailParts {
  tags: Tag[]
  attachments: AttachmentRow[]
  order: OrderPanel | null
  history: Pick<MessageEventRow, 'createdAt' | 'userId' | 'userName' | 'change'>[]
}

export function presentMessageDetail(row: MessageDetailRow, parts: DetailParts): MessageDetail {
  return {
    ...presentMessageSummary(row, parts.tags),
    replyTo: row.replyTo,
    language: row.language,
    productTitle: row.productTitle,
    quantity: row.quantity,
    buyerText: row.buyerText,
    bodyText: row.bodyText,
    bodyHtml: row.bodyHtml,
    toAddresses: addressList(row.toAddresses),
    attachments: parts.attachments.map(presentAttachment),
    order: parts.order,
    history: parts.history.map(presentStatusChange),
  }
}

export function presentConversation(row: ConversationRow): ConversationInfo {
  return {
    id: row.id,
    channelId: row.channelId,
    buyerName: row.buyerName,
    // Stored as '' for pre-sale questions so the unique key works; the API says "no order".
    orderId: row.orderId === '' ? null : row.orderId,
    slaDueAt: row.slaDueAt?.toISOString() ?? null,
  }
}
