// What Amazon's Buyer-Seller Messaging accepts in a reply (AMAZON-MAIL.md, reply rules): plain text
// with no links or bare domains, no email addresses or phone numbers, no review/feedback requests,
// attachments of a few types up to 10 MB. Pure: the mini program warns while the seller types and
// the server enforces the same rules on send. Every problem is reported at once with its position.

export type PolicyProblemCode =
  | 'EMPTY_BODY'
  | 'LINK'
  | 'EMAIL_ADDRESS'
  | 'PHONE_NUMBER'
  | 'FORBIDDEN_WORD'
  | 'BLACKLISTED_BUYER'
  | 'TOO_MANY_ATTACHMENTS'
  | 'ATTACHMENT_TOO_LARGE'
  | 'ATTACHMENT_TYPE'

export interface PolicyProblem {
  code: PolicyProblemCode
  /** Offsets in the body (UTF-16 code units, end exclusive); absent for whole-reply problems. */
  start?: number
  end?: number
  /** The offending text, or the attachment's file name. */
  text?: string
  message: string
}

export interface ReplyAttachmentInfo {
  filename: string
  size: number
  /** Decided by content on the server; the client passes what the upload returned. */
  contentType: string
}

export interface ForbiddenWord {
  word: string
  /** ISO 639-1; null = every language. */
  language: string | null
}

export interface ReplyDraft {
  body: string
  attachments?: ReplyAttachmentInfo[]
  /** The org's own forbidden words; the built-ins are always checked. */
  forbiddenWords?: ForbiddenWord[]
  /** True when the buyer or order is on the org's blacklist. */
  blacklisted?: boolean
}

export const MAX_ATTACHMENTS = 5
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
export const ALLOWED_ATTACHMENT_TYPES: Record<string, string> = {
  'text/plain': 'txt',
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/png': 'png',
}

/** Always forbidden (Amazon's communication guidelines): review and feedback requests, off-Amazon contact. */
export const BUILT_IN_FORBIDDEN_WORDS: readonly ForbiddenWord[] = [
  ...['review', 'reviews', 'feedback', 'contact us', 'five star', '5 star', '5-star', 'positive rating', 'leave a rating'].map((word) => ({ word, language: 'en' })),
  ...['Bewertung', 'Rezension', 'Feedback', 'kontaktieren Sie uns', 'fünf Sterne', '5 Sterne'].map((word) => ({ word, language: 'de' })),
  ...['avis', 'évaluation', 'commentaire', 'contactez-nous', 'cinq étoiles', '5 étoiles'].map((word) => ({ word, language: 'fr' })),
  ...['recensione', 'valutazione', 'feedback', 'contattaci', 'cinque stelle', '5 stelle'].map((word) => ({ word, language: 'it' })),
  ...['reseña', 'valoración', 'opinión', 'contáctenos', 'cinco estrellas', '5 estrellas'].map((word) => ({ word, language: 'es' })),
  ...['レビュー', '評価', 'フィードバック', '星5'].map((word) => ({ word, language: 'ja' })),
  ...['好评', '评价', '评论', '五星'].map((word) => ({ word, language: 'zh' })),
]

// Top-level domains common enough in disguised links; a longer list would flag ordinary words.
const TLDS = [
  'com', 'net', 'org', 'info', 'biz', 'io', 'co', 'me', 'ly', 'gl', 'to', 'cc', 'tv', 'app', 'shop', 'store', 'site', 'online', 'xyz', 'top', 'link', 'club',
  'us', 'uk', 'de', 'fr', 'it', 'es', 'nl', 'be', 'se', 'pl', 'tr', 'jp', 'cn', 'hk', 'tw', 'kr', 'in', 'au', 'ca', 'mx', 'br', 'ae', 'sa', 'sg', 'ru', 'eu',
]
const DOT = String.raw`(?:\s*(?:\.|．|。|｡|\[\s*\.\s*\]|\(\s*\.\s*\)|\[\s*dot\s*\]|\(\s*dot\s*\)|\{\s*dot\s*\})\s*|\s+dot\s+)`
const LABEL = String.raw`[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?`
const SCHEME = String.raw`\b(?:h(?:tt|xx)ps?|ftp)\s*:\s*\/\/\S+`
const WWW = String.raw`\bwww${DOT}${LABEL}(?:${DOT}${LABEL})*`
const BARE = String.raw`\b${LABEL}(?:${DOT}${LABEL})*${DOT}(?:${TLDS.join('|')})\b(?:\/\S*)?`
const IP = String.raw`\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b`
const LINK_RE = new RegExp(`${SCHEME}|${WWW}|${BARE}|${IP}`, 'giu')

// "at" spelled out counts only before something that is not itself a web address ("see us at
// www.example.com" is a link, not an email address).
const AT = String.raw`(?:@|＠|\s*[\[(]\s*at\s*[\])]\s*|\s+at\s+(?!www\b))`
const EMAIL_RE = new RegExp(String.raw`[a-z0-9._%+-]+${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}[a-z]{2,}`, 'giu')

const PHONE_CANDIDATE_RE = /\+?\(?\d[\d\s().\-/]{5,}\d/gu
const ORDER_ID_RE = /^\d{3}-\d{7}-\d{7}$/
const DATE_LIKE_RE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/

function* matches(re: RegExp, text: string): Generator<{ start: number; end: number; text: string }> {
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const value = m[0].replace(/[\s.,;:!?)\]}>»"'。，]+$/u, '')
    yield { start: m.index, end: m.index + value.length, text: value }
    if (m[0].length === 0) re.lastIndex++
  }
}

function overlaps(a: { start: number; end: number }, spans: { start: number; end: number }[]): boolean {
  return spans.some((b) => a.start < b.end && b.start < a.end)
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch)
}

/** Finds a forbidden word case-insensitively; Latin words must stand alone, CJK words match anywhere. */
function* findWord(body: string, lower: string, word: string): Generator<{ start: number; end: number }> {
  const needle = word.toLowerCase()
  const latin = /[a-z]/i.test(word)
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
    const end = i + needle.length
    if (latin && (isWordChar(body[i - 1]) || isWordChar(body[end]))) continue
    yield { start: i, end }
  }
}

export function checkReply(draft: ReplyDraft): PolicyProblem[] {
  const problems: PolicyProblem[] = []
  const body = draft.body
  if (body.trim() === '') problems.push({ code: 'EMPTY_BODY', message: 'Write a reply before sending' })

  const emails = [...matches(EMAIL_RE, body)]
  for (const m of emails) problems.push({ code: 'EMAIL_ADDRESS', ...m, message: `Remove the email address "${m.text}": Amazon does not allow email addresses in messages` })
  const links = [...matches(LINK_RE, body)].filter((m) => !overlaps(m, emails))
  for (const m of links) problems.push({ code: 'LINK', ...m, message: `Remove the link "${m.text}": Amazon does not allow links or web addresses in messages` })
  for (const m of matches(PHONE_CANDIDATE_RE, body)) {
    const digits = m.text.replace(/\D/g, '').length
    if (digits < 7 || digits > 15 || ORDER_ID_RE.test(m.text) || DATE_LIKE_RE.test(m.text) || overlaps(m, [...emails, ...links])) continue
    problems.push({ code: 'PHONE_NUMBER', ...m, message: `Remove the phone number "${m.text}": Amazon does not allow phone numbers in messages` })
  }

  const lower = body.toLowerCase()
  const seen = new Set<string>()
  for (const { word } of [...BUILT_IN_FORBIDDEN_WORDS, ...(draft.forbiddenWords ?? [])]) {
    if (!word.trim()) continue
    for (const span of findWord(body, lower, word)) {
      const key = `${span.start}:${span.end}`
      if (seen.has(key)) continue
      seen.add(key)
      const text = body.slice(span.start, span.end)
      problems.push({ code: 'FORBIDDEN_WORD', ...span, text, message: `Rephrase without "${text}": it is not allowed in messages to buyers` })
    }
  }

  if (draft.blacklisted) problems.push({ code: 'BLACKLISTED_BUYER', message: 'This buyer or order is on your blacklist; remove it from the blacklist to reply' })

  const attachments = draft.attachments ?? []
  if (attachments.length > MAX_ATTACHMENTS) {
    problems.push({ code: 'TOO_MANY_ATTACHMENTS', message: `Attach at most ${MAX_ATTACHMENTS} files` })
  }
  for (const a of attachments) {
    if (a.size > MAX_ATTACHMENT_BYTES) problems.push({ code: 'ATTACHMENT_TOO_LARGE', text: a.filename, message: `"${a.filename}" is larger than 10 MB` })
    if (!ALLOWED_ATTACHMENT_TYPES[a.contentType]) {
      problems.push({ code: 'ATTACHMENT_TYPE', text: a.filename, message: `"${a.filename}" is not a txt, pdf, doc, docx, jpg, gif or png file` })
    }
  }
  return problems.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity))
}

/** `Re: <subject>` without stacking prefixes; `[Important]` (localised where known) for critical seller-started messages. */
export function replySubject(original: string, options: { important?: boolean; marketplace?: string | null } = {}): string {
  const base = original.replace(/^\s*((re|aw|sv|antw|rif|r|res|回复|答复)\s*[:：]\s*)+/iu, '').trim()
  const prefix = options.important ? `${IMPORTANT[options.marketplace ?? ''] ?? '[Important]'} ` : ''
  return `${prefix}Re: ${base}`
}

const IMPORTANT: Record<string, string> = { IT: '[Importante]' }
