// The only place that shapes replies, templates and policy lists as JSON.
import type { BlacklistEntry, ForbiddenWordItem, Reply, ReplyTemplate, Upload } from '@sellerinbox/shared/api/replies'
import type { OutboxRow, ReplyTemplateRow, UploadRow } from '../../db/schema'

export function presentTemplate(row: ReplyTemplateRow): ReplyTemplate {
  return { id: row.id, name: row.name, body: row.body, marketplace: row.marketplace, language: row.language, updatedAt: row.updatedAt.toISOString() }
}

export function presentForbiddenWord(row: { id: number; word: string; language: string | null }): ForbiddenWordItem {
  return { id: row.id, word: row.word, language: row.language }
}

export function presentBlacklistEntry(row: { id: number; kind: 'relay' | 'order'; value: string; note: string | null; createdAt: Date }): BlacklistEntry {
  return { id: row.id, kind: row.kind, value: row.value, note: row.note, createdAt: row.createdAt.toISOString() }
}

export function presentUpload(row: UploadRow): Upload {
  return { id: row.id, filename: row.filename, contentType: row.contentType, size: row.size, expiresAt: row.expiresAt.toISOString() }
}

export function presentReply(
  row: OutboxRow,
  attachments: { filename: string; contentType: string; size: number }[],
  author: { id: number; displayName: string } | null,
): Reply {
  return {
    id: row.id,
    messageId: row.messageId,
    state: row.state,
    subject: row.subject,
    body: row.body,
    toAddress: row.toAddress,
    attempts: row.attempts,
    lastError: row.lastError,
    smtpResponse: row.smtpResponse,
    attachments,
    author,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }
}
