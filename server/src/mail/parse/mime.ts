// Runs mailparser on a raw message with the options that keep it fast, and turns its result into
// plain values (addresses, text, attachments). Never throws: a parser failure or a parser that
// never finishes comes back as an error string.
import { createHash } from 'node:crypto'
import { simpleParser, type AddressObject, type Attachment, type EmailAddress, type ParsedMail } from 'mailparser'
import type { MailAddress, MailAttachment } from '../types'

const PARSER_OPTIONS = {
  // Keep cid: links as they are (no data: URIs) and do not rewrite or linkify anything: the HTML is
  // sanitized afterwards and text is derived from HTML by our own cheap converter when needed.
  keepCidLinks: true,
  skipImageLinks: true,
  skipTextLinks: true,
  skipTextToHtml: true,
  skipHtmlToText: true,
  checksumAlgo: 'sha256',
} as const

/** A message that takes longer than this is reported as a parse failure instead of stalling ingestion. */
const PARSE_TIMEOUT_MS = 60_000

export type MimeResult = { parsed: ParsedMail; error: null } | { parsed: null; error: string }

export async function parseMime(raw: Buffer): Promise<MimeResult> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<MimeResult>((resolve) => {
    timer = setTimeout(() => resolve({ parsed: null, error: `MIME parser did not finish within ${PARSE_TIMEOUT_MS} ms` }), PARSE_TIMEOUT_MS)
  })
  const parse = simpleParser(raw, PARSER_OPTIONS).then(
    (parsed): MimeResult => ({ parsed, error: null }),
    (err: unknown): MimeResult => ({ parsed: null, error: `MIME parser failed: ${err instanceof Error ? err.message : String(err)}` }),
  )
  try {
    return await Promise.race([parse, timeout])
  } catch (err) {
    return { parsed: null, error: `MIME parser failed: ${err instanceof Error ? err.message : String(err)}` }
  } finally {
    clearTimeout(timer)
  }
}

/** Flattens one or more address headers (with groups) into addresses with display names. */
export function addressesOf(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  if (!value) return []
  const objects = Array.isArray(value) ? value : [value]
  const result: MailAddress[] = []
  const visit = (entry: EmailAddress): void => {
    if (entry.group) entry.group.forEach(visit)
    else if (entry.address) result.push({ address: entry.address.trim().toLowerCase(), name: (entry.name ?? '').trim() })
  }
  for (const object of objects) object.value.forEach(visit)
  return result
}

export function referencesOf(value: string | string[] | undefined): string[] {
  if (!value) return []
  return (Array.isArray(value) ? value : value.split(/\s+/)).map((id) => id.trim()).filter((id) => id !== '')
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'application/pdf': '.pdf',
  'text/plain': '.txt',
  'text/html': '.html',
  'text/calendar': '.ics',
  'message/rfc822': '.eml',
}

export function attachmentsOf(list: readonly Attachment[]): MailAttachment[] {
  return list.map((attachment, index) => {
    const content: Buffer = Buffer.isBuffer(attachment.content) ? attachment.content : Buffer.alloc(0)
    const contentType = (attachment.contentType || 'application/octet-stream').toLowerCase()
    const checksum = typeof attachment.checksum === 'string' && /^[0-9a-f]{64}$/.test(attachment.checksum) ? attachment.checksum : createHash('sha256').update(content).digest('hex')
    const cid = attachment.cid?.replace(/^<|>$/g, '').trim()
    return {
      filename: attachment.filename?.trim() || `attachment-${index + 1}${EXTENSIONS[contentType] ?? '.bin'}`,
      contentType,
      size: content.length,
      sha256: checksum,
      content,
      contentId: cid ? cid : null,
      inline: attachment.contentDisposition === 'inline' || attachment.related === true,
    }
  })
}
