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
  const marketplace = signals.amazonOrigin ? marketplaceOf(signals, reply, view) : null
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
  if (view.text.length <= ANALYSIS_LIMIT && view.html.length <= ANALYSIS_LIMIT) return view
  return { ...view, text: view.text.slice(0, ANALYSIS_LIMIT), html: view.html.slice(0, ANALYSIS_LIMIT) }
}
