// Classifies a parsed message and extracts what the inbox shows about it: kind and category,
// order, ASIN, product, marketplace, whom to answer, the buyer's name, words and language.
// Forged mail keeps only its kind ('other') and language: nothing in it may be linked or answered.
import { categoryOfKind, type Kind } from '@sellerinbox/shared/domain/taxonomy'
import { marketplaceByCode } from '@sellerinbox/shared/domain/marketplaces'
import { buyerMessageText, questionText, returnCommentText } from '../extract/buyer-text'
import { detectLanguage } from '../extract/language'
import { resolveMarketplace } from '../extract/marketplace'
import { asinFrom, orderIdFromBody, orderIdFromSubject, productFrom } from '../extract/order'
import { buyerNameFromDisplay, buyerNameFromSubject, chooseReplyAddress, forwardedRelay, type RelayCandidate } from '../extract/relay'
import type { Classification } from '../types'
import { amazonRetailDomain, domainOf, parseRelayAddress } from './amazon-domains'
import { decideKind } from './decide'
import { amazonLinkDomains, collectSignals, type MailSignals, type MailView } from './signals'
import { confirmationRecipient } from './subject-patterns'

/** Bodies are read up to this length; the buyer's words and Amazon's markers are near the top. */
const ANALYSIS_LIMIT = 512 * 1024

export function classifyMail(input: MailView): Classification {
  const view = capped(input)
  const signals = collectSignals(view)
  const kind = decideKind({ signals, subject: view.subject, text: view.text })
  if (signals.suspicious) return forgedClassification(kind, view)

  const buyerText = buyerWords(kind, view)
  const reply = kind === 'buyer_message' || kind === 'reply' ? replyTarget(signals, view.text) : null
  const product = productFrom(view.text)
  // The product's own replies go to a relay, which names the marketplace.
  const marketplace = signals.amazonOrigin || kind === 'reply' ? marketplaceOf(signals, reply, view) : null
  return {
    category: categoryOfKind(kind),
    kind,
    orderId: orderIdFromSubject(view.subject) ?? orderIdFromBody(view.text),
    asin: asinFrom(view.text, view.html),
    marketplace,
    replyTo: reply?.address ?? null,
    buyerName: buyerName(kind, reply, view),
    buyerText,
    language: languageOf(buyerText, view.text, marketplace),
    suspicious: false,
    productTitle: product.title,
    quantity: product.quantity,
  }
}

function forgedClassification(kind: Kind, view: MailView): Classification {
  return {
    category: categoryOfKind(kind),
    kind,
    orderId: null,
    asin: null,
    marketplace: null,
    replyTo: null,
    buyerName: null,
    buyerText: null,
    language: detectLanguage(view.text) ?? detectLanguage(view.subject),
    suspicious: true,
    productTitle: null,
    quantity: null,
  }
}

function buyerWords(kind: Kind, view: MailView): string | null {
  switch (kind) {
    case 'buyer_message':
      return buyerMessageText(view.text, view.html)
    case 'customer_question':
      return questionText(view.text)
    case 'return_request':
      return returnCommentText(view.text)
    default:
      return null
  }
}

/** The relay to answer: from the headers, else from a copy forwarded inline in the body. */
function replyTarget(signals: MailSignals, text: string): RelayCandidate | null {
  return chooseReplyAddress(signals.relays) ?? forwardedRelay(text)
}

function marketplaceOf(signals: MailSignals, reply: RelayCandidate | null, view: MailView): string | null {
  const from = view.from?.address ?? ''
  const relayDomain = reply?.retailDomain ?? signals.relays[0]?.retailDomain ?? null
  return resolveMarketplace({
    headerMarketplaceId: signals.headerMarketplaceId,
    linkMarketplaceId: signals.linkMarketplaceId,
    relayDomain,
    linkDomains: () => amazonLinkDomains(view.text).concat(view.html ? amazonLinkDomains(view.html) : []),
    senderDomain: amazonRetailDomain(domainOf(from)),
    senderName: view.from?.name ?? '',
    text: view.text,
  })
}

function buyerName(kind: Kind, reply: RelayCandidate | null, view: MailView): string | null {
  if (kind === 'reply_confirmation') return confirmationRecipient(view.subject)
  if (kind === 'reply') return reply ? buyerNameFromDisplay(reply.displayName) : null
  if (kind !== 'buyer_message') return null
  // The display name of From first (a template bug may put the seller's name in the subject).
  const from = view.from
  if (from && parseRelayAddress(from.address)) {
    const name = buyerNameFromDisplay(from.name)
    if (name) return name
  }
  return (
    (reply ? buyerNameFromDisplay(reply.displayName) : null) ??
    (from ? buyerNameFromDisplay(from.name) : null) ??
    buyerNameFromSubject(view.subject)
  )
}

/** Language of the buyer's words, else of the notice, else the marketplace's main language. */
function languageOf(buyerText: string | null, text: string, marketplace: string | null): string | null {
  const fromBuyer = buyerText ? detectLanguage(buyerText) : null
  if (fromBuyer) return fromBuyer
  return detectLanguage(text) ?? (marketplace ? marketplaceByCode(marketplace)?.languages[0] ?? null : null)
}

function capped(view: MailView): MailView {
  const text = wrapLongLines(view.text.length > ANALYSIS_LIMIT ? view.text.slice(0, ANALYSIS_LIMIT) : view.text)
  const html = view.html.length > ANALYSIS_LIMIT ? view.html.slice(0, ANALYSIS_LIMIT) : view.html
  return text === view.text && html === view.html ? view : { ...view, text, html }
}

/** Lines longer than this are broken at a blank: no line-anchored pattern then scans more than this. */
const MAX_LINE = 2000

/**
 * Breaks overlong lines at the last blank before MAX_LINE (hard-breaks when there is none). Only
 * blanks become line breaks, so whitespace-insensitive comparisons of the buyer's words still hold.
 */
export function wrapLongLines(text: string): string {
  let start = 0
  let long = false
  while (start < text.length) {
    const end = text.indexOf('\n', start)
    const stop = end < 0 ? text.length : end
    if (stop - start > MAX_LINE) {
      long = true
      break
    }
    start = stop + 1
  }
  if (!long) return text
  return text
    .split('\n')
    .map((line) => (line.length > MAX_LINE ? breakLine(line) : line))
    .join('\n')
}

function breakLine(line: string): string {
  const parts: string[] = []
  let rest = line
  while (rest.length > MAX_LINE) {
    const blank = Math.max(rest.lastIndexOf(' ', MAX_LINE), rest.lastIndexOf('\t', MAX_LINE))
    const cut = blank > 0 ? blank : MAX_LINE
    parts.push(rest.slice(0, cut))
    rest = rest.slice(blank > 0 ? cut + 1 : cut)
  }
  parts.push(rest)
  return parts.join('\n')
}
