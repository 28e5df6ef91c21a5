// The shapes the mail analysis produces: a parsed message (AnalyzedMail) and what the classifier
// concluded about it (Classification). Types only; no behaviour.
import type { Category, Kind } from '@sellerinbox/shared/domain/taxonomy'

export interface MailAddress {
  /** Lower-cased bare address. */
  address: string
  /** Decoded display name, '' when there is none. */
  name: string
}

export interface MailAttachment {
  filename: string
  contentType: string
  size: number
  /** Hex SHA-256 of the decoded content. */
  sha256: string
  content: Buffer
  /** Content-ID without angle brackets. */
  contentId: string | null
  inline: boolean
}

export type AuthVerdict = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror' | 'policy'

/** Results from the topmost Authentication-Results header (the receiving server's own verdict). */
export interface MailAuthentication {
  spf: AuthVerdict | null
  /** 'pass' when any DKIM signature passed, else the first result. */
  dkim: AuthVerdict | null
  dmarc: AuthVerdict | null
  /** `header.d` of the DKIM signatures that passed. */
  dkimPassDomains: string[]
  /** `header.from` reported with the DMARC result. */
  dmarcHeaderFrom: string | null
}

export interface Classification {
  category: Category
  kind: Kind
  orderId: string | null
  asin: string | null
  /** Marketplace code ('UK', never 'GB'). */
  marketplace: string | null
  /** The buyer relay address to answer (keeps the `+<case uuid>` form); null when the mail must not be answered. */
  replyTo: string | null
  buyerName: string | null
  /** The buyer's own words: message text, Q&A question or return comment. */
  buyerText: string | null
  /** ISO 639-1 code of the buyer text, or of the notice when there is no buyer text. */
  language: string | null
  /** Pretends to be Amazon but is not: look-alike domain, brand in the display name, or failed authentication. */
  suspicious: boolean
  productTitle: string | null
  quantity: number | null
}

export interface AnalyzedMail {
  /** Set when the MIME structure could not be parsed; the other fields hold what the headers gave. */
  parseError: string | null
  messageId: string | null
  subject: string | null
  from: MailAddress | null
  to: string[]
  cc: string[]
  deliveredTo: string[]
  xOriginalTo: string[]
  /** Addresses of the Reply-To header. */
  replyToHeader: string[]
  date: Date | null
  inReplyTo: string | null
  references: string[]
  /** Plain text: the text part, or text derived from the HTML part when there is none. */
  text: string
  /** Sanitized HTML for display (see sanitize.ts), null when the mail has no HTML part. */
  html: string | null
  attachments: MailAttachment[]
  /** Amazon's `SPC-…Amazon-<digits>` watermark, a deduplication key. */
  spcDeliveryId: string | null
  authentication: MailAuthentication
  classification: Classification
}
