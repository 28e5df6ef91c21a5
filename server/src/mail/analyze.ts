// The one entry point of mail analysis (ingestion and the classify CLI): raw MIME in; parsed fields,
// sanitized HTML, attachments and classification out. Never throws: unparseable MIME comes back with
// parseError and whatever the headers give. Touches neither the database nor IMAP.
import type { ParsedMail } from 'mailparser'
import { classifyMail } from './classify/classify'
import type { MailView } from './classify/signals'
import { bareAddresses, decodeWords, parseAddressList } from './parse/addresses'
import { NO_AUTHENTICATION, parseAuthenticationResults } from './parse/authentication'
import { htmlToText } from './parse/html-text'
import { addressesOf, attachmentsOf, parseMime, referencesOf } from './parse/mime'
import { decodeWindows1252, headerValue, headerValues, readRawHeaders, type RawHeaders } from './parse/raw-headers'
import { sanitizeEmailHtml } from './sanitize'
import type { AnalyzedMail, Classification, MailAddress, MailAttachment } from './types'

const SPC_DELIVERY_ID = /SPC-[A-Z]{2,4}Amazon-\d{6,}/
const REPLACEMENT_CHAR = '\uFFFD'
const utf8Strict = new TextDecoder('utf-8', { fatal: true })

export async function analyzeMail(raw: Buffer): Promise<AnalyzedMail> {
  try {
    return await withForwardedAttachment(await analyze(raw))
  } catch (err) {
    // Last resort: a bug in our own code must not lose the message either.
    return headersOnly(raw, `analysis failed: ${err instanceof Error ? err.message : String(err)}`)
  }
}

/**
 * A mail rule that forwards "as attachment" wraps Amazon's mail in a message/rfc822 part; when the
 * outer message says nothing, the classification of the attached one is used (one level deep).
 */
async function withForwardedAttachment(mail: AnalyzedMail): Promise<AnalyzedMail> {
  if (mail.classification.kind !== 'other' || mail.classification.suspicious) return mail
  const attached = mail.attachments.find((a) => a.contentType === 'message/rfc822' && a.size > 0)
  if (!attached) return mail
  const inner = await analyze(attached.content)
  if (inner.classification.kind === 'other' && !inner.classification.suspicious) return mail
  return { ...mail, classification: inner.classification, spcDeliveryId: mail.spcDeliveryId ?? inner.spcDeliveryId }
}

interface Content {
  subject: string | null
  from: MailAddress | null
  to: MailAddress[]
  cc: MailAddress[]
  replyTo: MailAddress[]
  messageId: string | null
  inReplyTo: string | null
  references: string[]
  date: Date | null
  text: string
  rawHtml: string
  attachments: MailAttachment[]
}

async function analyze(raw: Buffer): Promise<AnalyzedMail> {
  if (raw.length === 0) return headersOnly(raw, 'empty message')
  const headers = readRawHeaders(raw)
  const mime = await parseMime(raw)
  const structuralError = !headers.found ? 'no header lines found' : multipartWithoutBoundary(headers)
  const parseError = mime.error ?? structuralError
  const content = mime.parsed ? fromParser(mime.parsed, headers) : fromHeaders(headers)
  // A body the MIME parser could not split is still worth reading as text.
  if (parseError && content.text === '' && content.rawHtml === '') content.text = bodyAsText(raw, headers)
  if (content.text.includes('\r')) content.text = content.text.replace(/\r\n?/g, '\n')
  return assemble(content, headers, parseError)
}

function fromParser(parsed: ParsedMail, headers: RawHeaders): Content {
  const rawHtml = typeof parsed.html === 'string' ? parsed.html : ''
  const parsedText = parsed.text ?? ''
  let subject = parsed.subject ?? null
  let from = addressesOf(parsed.from)[0] ?? null
  // mailparser reads raw 8-bit headers as UTF-8; ours fall back to Windows-1252 for Latin-1 bytes.
  if (subject?.includes(REPLACEMENT_CHAR)) subject = fromHeaders(headers).subject ?? subject
  if (!from || from.name.includes(REPLACEMENT_CHAR)) from = fromHeaders(headers).from ?? from
  return {
    subject,
    from,
    to: addressesOf(parsed.to),
    cc: addressesOf(parsed.cc),
    replyTo: addressesOf(parsed.replyTo),
    messageId: parsed.messageId ?? headerValue(headers, 'message-id'),
    inReplyTo: parsed.inReplyTo ?? headerValue(headers, 'in-reply-to'),
    references: referencesOf(parsed.references),
    // mailparser substitutes "now" for a missing or broken Date header; we keep "unknown".
    date: dateOf(headers),
    text: parsedText.trim() === '' && rawHtml ? htmlToText(rawHtml) : parsedText,
    rawHtml,
    attachments: attachmentsOf(parsed.attachments ?? []),
  }
}

function dateOf(headers: RawHeaders): Date | null {
  const value = headerValue(headers, 'date')
  const date = value ? new Date(value) : null
  return date && !Number.isNaN(date.getTime()) ? date : null
}

function fromHeaders(headers: RawHeaders): Content {
  const decoded = (name: string): string | null => {
    const value = headerValue(headers, name)
    return value === null ? null : decodeWords(value)
  }
  const list = (name: string): MailAddress[] => headerValues(headers, name).flatMap(parseAddressList)
  return {
    subject: decoded('subject'),
    from: list('from')[0] ?? null,
    to: list('to'),
    cc: list('cc'),
    replyTo: list('reply-to'),
    messageId: headerValue(headers, 'message-id'),
    inReplyTo: headerValue(headers, 'in-reply-to'),
    references: referencesOf(headerValue(headers, 'references') ?? undefined),
    date: dateOf(headers),
    text: '',
    rawHtml: '',
    attachments: [],
  }
}

function assemble(content: Content, headers: RawHeaders, parseError: string | null): AnalyzedMail {
  const authentication = parseAuthenticationResults(headerValue(headers, 'authentication-results'))
  const view: MailView = {
    subject: content.subject ?? '',
    from: content.from,
    replyTo: content.replyTo,
    to: content.to,
    cc: content.cc,
    headers: headers.values,
    text: content.text,
    html: content.rawHtml,
    authentication,
  }
  return {
    parseError,
    messageId: content.messageId,
    subject: content.subject,
    from: content.from,
    to: unique(content.to),
    cc: unique(content.cc),
    deliveredTo: bareAddresses(headerValues(headers, 'delivered-to')),
    xOriginalTo: bareAddresses(headerValues(headers, 'x-original-to')),
    replyToHeader: unique(content.replyTo),
    date: content.date,
    inReplyTo: content.inReplyTo,
    references: content.references,
    text: content.text,
    html: content.rawHtml ? sanitizeEmailHtml(content.rawHtml) : null,
    attachments: content.attachments,
    spcDeliveryId: SPC_DELIVERY_ID.exec(content.text)?.[0] ?? SPC_DELIVERY_ID.exec(content.rawHtml)?.[0] ?? null,
    authentication,
    classification: classifySafely(view),
  }
}

function headersOnly(raw: Buffer, parseError: string): AnalyzedMail {
  try {
    const headers = readRawHeaders(raw)
    const content = fromHeaders(headers)
    if (raw.length > 0) content.text = bodyAsText(raw, headers).replace(/\r\n?/g, '\n')
    return assemble(content, headers, parseError)
  } catch {
    return emptyAnalysis(parseError)
  }
}

function classifySafely(view: MailView): Classification {
  try {
    return classifyMail(view)
  } catch {
    return emptyClassification()
  }
}

function multipartWithoutBoundary(headers: RawHeaders): string | null {
  const type = headerValue(headers, 'content-type') ?? ''
  if (!/^\s*multipart\//i.test(type)) return null
  return /\bboundary\s*=\s*("[^"]+"|[^\s;]+)/i.test(type) ? null : 'multipart message without a boundary'
}

/** The raw body as text (UTF-8, else Windows-1252), for bodies the MIME parser could not split. */
function bodyAsText(raw: Buffer, headers: RawHeaders): string {
  const start = headers.found ? headers.bodyOffset : 0
  const body = raw.subarray(start, Math.min(raw.length, start + 1_000_000))
  try {
    return utf8Strict.decode(body)
  } catch {
    return decodeWindows1252(body)
  }
}

function unique(addresses: readonly MailAddress[]): string[] {
  return [...new Set(addresses.map((a) => a.address))]
}

function emptyClassification(): Classification {
  return {
    category: 'amazon',
    kind: 'other',
    orderId: null,
    asin: null,
    marketplace: null,
    replyTo: null,
    buyerName: null,
    buyerText: null,
    language: null,
    suspicious: false,
    productTitle: null,
    quantity: null,
  }
}

function emptyAnalysis(parseError: string): AnalyzedMail {
  return {
    parseError,
    messageId: null,
    subject: null,
    from: null,
    to: [],
    cc: [],
    deliveredTo: [],
    xOriginalTo: [],
    replyToHeader: [],
    date: null,
    inReplyTo: null,
    references: [],
    text: '',
    html: null,
    attachments: [],
    spcDeliveryId: null,
    authentication: { ...NO_AUTHENTICATION, dkimPassDomains: [] },
    classification: emptyClassification(),
  }
}
