// Turns fetched raw mail into rows-to-be: analysis (mailparser + classifier), blobs stored
// (raw MIME and attachments, content-addressed), the recipient list for routing. No database.
import { slaDueAt } from '@sellerinbox/shared/domain/sla'
import { sha256Hex } from '../lib/random'
import { analyzeMail } from '../mail/analyze'
import type { AnalyzedMail } from '../mail/types'
import { sha256Of, type BlobStore } from '../storage/blob-store'

export interface FetchedMail {
  uid: number
  raw: Buffer
  /** IMAP INTERNALDATE: when the mailbox received it. */
  internalDate: Date | null
}

export interface PreparedAttachment {
  filename: string
  contentType: string
  size: number
  sha256: string
  storageKey: string
  contentId: string | null
  inline: boolean
}

export interface PreparedMail {
  uid: number
  mail: AnalyzedMail
  rawSha256: string
  rawKey: string
  rawSize: number
  messageIdHash: string | null
  receivedAt: Date
  slaDueAt: Date | null
  /** Delivered-To, X-Original-To, To, Cc — in that order of precedence — lower case, unique. */
  recipients: string[]
  attachments: PreparedAttachment[]
}

const LIMITS = { subject: 998, text: 1_000_000, html: 2_000_000, name: 255, address: 320, title: 500, filename: 255, contentType: 127, contentId: 255 }

/** Cuts a string to at most `max` code units without splitting a surrogate pair. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value
  const cut = value.slice(0, max)
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut
}

export function clipOrNull(value: string | null | undefined, max: number): string | null {
  return value === null || value === undefined ? null : clip(value, max)
}

export function recipientsOf(mail: AnalyzedMail): string[] {
  return [...new Set([...mail.deliveredTo, ...mail.xOriginalTo, ...mail.to, ...mail.cc].map((a) => a.toLowerCase()))]
}

export async function prepareMail(storage: BlobStore, fetched: FetchedMail, now: Date): Promise<PreparedMail> {
  const mail = await analyzeMail(fetched.raw)
  const rawSha256 = sha256Of(fetched.raw)
  const { key: rawKey } = await storage.put('raw', fetched.raw, rawSha256)
  const attachments: PreparedAttachment[] = []
  for (const a of mail.attachments) {
    const { key } = await storage.put('attachment', a.content, a.sha256)
    attachments.push({
      filename: clip(a.filename || 'attachment', LIMITS.filename),
      contentType: clip(a.contentType || 'application/octet-stream', LIMITS.contentType),
      size: a.size,
      sha256: a.sha256,
      storageKey: key,
      contentId: clipOrNull(a.contentId, LIMITS.contentId),
      inline: a.inline,
    })
  }
  const receivedAt = fetched.internalDate ?? mail.date ?? now
  return {
    uid: fetched.uid,
    mail,
    rawSha256,
    rawKey,
    rawSize: fetched.raw.length,
    messageIdHash: mail.messageId ? sha256Hex(mail.messageId.trim().toLowerCase()) : null,
    receivedAt,
    slaDueAt: mail.classification.suspicious ? null : slaDueAt(mail.classification.kind, receivedAt),
    recipients: recipientsOf(mail),
    attachments,
  }
}

export { LIMITS }
