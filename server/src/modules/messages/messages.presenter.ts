// The only place that shapes messages, attachments and conversations as JSON. Body HTML passes
// through only from `bodyHtml`, which ingestion sanitized; no other field carries HTML.
import type { AttachmentInfo, ConversationInfo, MessageDetail, MessageSummary } from '@sellerinbox/shared/api/messages'
import type { AttachmentRow, ConversationRow } from '../../db/schema'
import type { MessageDetailRow, MessageSummaryRow } from './messages.repo'

export const SNIPPET_LENGTH = 120

/** MariaDB's BOOLEAN is TINYINT(1): mysql2 hands back 0/1 whatever the schema type says. */
export const flag = (value: boolean | number): boolean => value === true || value === 1

/** The first SNIPPET_LENGTH characters (code points, so no emoji is cut in half), whitespace collapsed. */
export function snippetOf(text: string | null): string {
  const collapsed = (text ?? '').replace(/\s+/g, ' ').trim()
  const chars = Array.from(collapsed)
  return chars.length > SNIPPET_LENGTH ? `${chars.slice(0, SNIPPET_LENGTH).join('').trimEnd()}…` : collapsed
}

/** Stored as `a@x, b@y` (To then Cc). */
export function addressList(stored: string): string[] {
  return stored
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
}

export function presentMessageSummary(row: MessageSummaryRow): MessageSummary {
  return {
    id: row.id,
    channelId: row.channelId,
    storeId: row.storeId,
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
  }
}

export function presentAttachment(row: AttachmentRow): AttachmentInfo {
  return { id: row.id, filename: row.filename, contentType: row.contentType, size: row.size, inline: flag(row.inline) }
}

export function presentMessageDetail(row: MessageDetailRow, attachments: AttachmentRow[]): MessageDetail {
  return {
    ...presentMessageSummary(row),
    replyTo: row.replyTo,
    language: row.language,
    productTitle: row.productTitle,
    quantity: row.quantity,
    buyerText: row.buyerText,
    bodyText: row.bodyText,
    bodyHtml: row.bodyHtml,
    toAddresses: addressList(row.toAddresses),
    attachments: attachments.map(presentAttachment),
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
