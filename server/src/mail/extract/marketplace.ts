// Which marketplace a message belongs to, from the message itself (X-Marketplace-ID, ids in links,
// relay domain, link domains, sender, signature), never from the receiving address.
// donotreply@amazon.com serves every marketplace, so amazon.com as a sender is the last resort.
import { marketplaceByDomain, marketplaceById } from '@sellerinbox/shared/domain/marketplaces'

export interface MarketplaceEvidence {
  headerMarketplaceId: string | null
  linkMarketplaceId: string | null
  /** Retail domain of the buyer relay (amazon.co.uk), if any. */
  relayDomain: string | null
  /** Retail domains of Amazon links in the body, in order (computed only when needed). */
  linkDomains: () => readonly string[]
  /** Retail domain of a genuine Amazon sender, if any. */
  senderDomain: string | null
  senderName: string
  /** Plain text of the body, read for an "Amazon.co.uk"-style signature. */
  text: string
}

const SIGNATURE_DOMAIN = /\bamazon\.(co\.uk|co\.jp|com\.mx|com\.br|com\.be|com\.tr|com\.au|ca|de|fr|it|es|nl|se|pl|ae|sa|in|sg|com)\b/gi

export function resolveMarketplace(evidence: MarketplaceEvidence): string | null {
  const byId = marketplaceById(evidence.headerMarketplaceId ?? '') ?? marketplaceById(evidence.linkMarketplaceId ?? '')
  if (byId) return byId.code
  const byRelay = evidence.relayDomain ? marketplaceByDomain(evidence.relayDomain) : undefined
  if (byRelay) return byRelay.code
  const byLinks = mostFrequent(evidence.linkDomains().filter((d) => marketplaceByDomain(d)))
  if (byLinks) return marketplaceByDomain(byLinks)?.code ?? null
  if (evidence.senderDomain && evidence.senderDomain !== 'amazon.com') {
    const bySender = marketplaceByDomain(evidence.senderDomain)
    if (bySender) return bySender.code
  }
  const signature = signatureDomain(evidence.senderName) ?? signatureDomain(evidence.text)
  if (signature) return marketplaceByDomain(signature)?.code ?? null
  return evidence.senderDomain === 'amazon.com' ? 'US' : null
}

/** The first non-.com "Amazon.xx" mention (every template mentions Amazon.com's address), else amazon.com. */
function signatureDomain(text: string): string | null {
  let sawCom = false
  for (const match of text.slice(0, 200_000).matchAll(SIGNATURE_DOMAIN)) {
    const suffix = (match[1] ?? '').toLowerCase()
    if (suffix === 'com') sawCom = true
    else return `amazon.${suffix}`
  }
  return sawCom ? 'amazon.com' : null
}

function mostFrequent(values: readonly string[]): string | null {
  const counts = new Map<string, number>()
  let best: string | null = null
  let bestCount = 0
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1
    counts.set(value, count)
    if (count > bestCount) {
      best = value
      bestCount = count
    }
  }
  return best
}
