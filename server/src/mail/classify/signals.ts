// Collects the evidence a classification rests on — notification type tokens (header, then footer
// links), marketplace ids, what the sender is, relay addresses in headers, signs of forgery — from
// a parsed message. Reads only; the decision is in decide.ts.
import { kindOfNotificationType, type Kind } from '@sellerinbox/shared/domain/taxonomy'
import { marketplaceById } from '@sellerinbox/shared/domain/marketplaces'
import { authenticationFailed } from '../parse/authentication'
import { parseAddressList } from '../parse/addresses'
import type { MailAddress, MailAuthentication } from '../types'
import type { RelayCandidate } from '../extract/relay'
import { amazonRetailDomain, domainOf, isAmazonHost, isLookalikeHost, localPartOf, parseRelayAddress } from './amazon-domains'
import { kindFromSubject } from './subject-patterns'

/** What classification reads from a message. */
export interface MailView {
  subject: string
  from: MailAddress | null
  replyTo: readonly MailAddress[]
  to: readonly MailAddress[]
  cc: readonly MailAddress[]
  /** Lower-cased header name → values in message order. */
  headers: ReadonlyMap<string, readonly string[]>
  /** Plain text of the message (text part, or derived from HTML). */
  text: string
  /** The raw (unsanitized) HTML part, '' when there is none. */
  html: string
  authentication: MailAuthentication
}

export type SenderRole = 'relay' | 'qa' | 'atoz' | 'chargeback' | 'notice' | 'amazon' | 'other' | 'none'

export interface MailSignals {
  /** Set by the product's own outbox on replies it sends. */
  ownReply: boolean
  headerType: string | null
  linkType: string | null
  headerMarketplaceId: string | null
  linkMarketplaceId: string | null
  senderRole: SenderRole
  /** Genuine buyer relays found in headers, strongest header first (From, Reply-To, X-Original-*, Sender, To, Cc). */
  relays: RelayCandidate[]
  /** A relay sends this mail (From, Reply-To or a forwarding header), as opposed to only receiving it. */
  relayIsSender: boolean
  /** Addressed to a buyer relay (To/Cc) by someone who is neither a relay nor Amazon: a seller's own outgoing copy. */
  addressedToBuyer: boolean
  /** The message comes from Amazon, directly or as a forwarded copy. */
  amazonOrigin: boolean
  suspicious: boolean
  suspiciousReason: string | null
  /** The kind the subject names; only read when no type token names one. */
  subjectKind: Kind | null
}

// Scanning is capped: Amazon's tokens sit in the first few kilobytes, and a 25 MB body must stay cheap.
const SCAN_LIMIT = 400_000
const TYPE_TOKEN = /(?:customAttribute1Value|communicationName|[?&;]nt)=([A-Z][A-Z0-9_]{2,80})/g
const MARKETPLACE_PARAM = /[?&;](?:mp|marketplaceId|marketplaceID|marketplace_id|marketplace)=([A-Z0-9]{9,16})\b/g
const AMAZON_FOOTER = /SPC-[A-Z]{2,4}Amazon-\d{6,}|\[commMgrTok:[A-Z0-9]+\]/
const VIA_FORWARD = /^['"]?.+?['"]?\s+via\s+\S/i
const BRAND_NAME = /^\s*['"]?amazon(?:\.[a-z.]{2,7})?(?:\s|['"]?$)|\bamazon\s+(?:seller|services|payments|marketplace|customer|account|security|support)\b|seller\s*central/i
const SENDER_ROLES: readonly (readonly [RegExp, SenderRole])[] = [
  [/^seller-answers$/, 'qa'],
  [/^atoz-guarantee(?:-no-?reply)?$/, 'atoz'],
  [/^(?:cb-seller-query|chargebacks?|cb-[a-z-]+)$/, 'chargeback'],
  [/^(?:donotreply|do-not-reply|no-?reply|auto-communication|seller-notification|seller-performance|notifications?)$/, 'notice'],
]
const LINK_HOST = /https?:\/\/([a-z0-9.-]+\.[a-z]{2,})/gi
const FORWARD_HEADERS = ['x-original-sender', 'x-original-from', 'sender', 'resent-from', 'x-forwarded-for']

export function collectSignals(view: MailView): MailSignals {
  const text = view.text.length > SCAN_LIMIT ? view.text.slice(0, SCAN_LIMIT) : view.text
  const html = view.html.length > SCAN_LIMIT ? view.html.slice(0, SCAN_LIMIT) : view.html
  const forwardedFrom = FORWARD_HEADERS.flatMap((name) => (view.headers.get(name) ?? []).flatMap(parseAddressList))
  const relays = relayCandidates(view, forwardedFrom)
  const relayIsSender = [view.from, ...view.replyTo, ...forwardedFrom].some((a) => a !== null && parseRelayAddress(a.address) !== null)
  const headerType = firstHeader(view, 'x-space-notification-type')?.toUpperCase() ?? null
  const linkType = firstMatch(TYPE_TOKEN, text) ?? firstMatch(TYPE_TOKEN, html)
  const suspicion = suspicionReason(view, forwardedFrom)
  const fromGenuine = view.from !== null && isAmazonHost(domainOf(view.from.address))
  const forwardedGenuine = [...view.replyTo, ...forwardedFrom].some((a) => isAmazonHost(domainOf(a.address)))
  return {
    ownReply: view.headers.has('x-sellerinbox-reply'),
    headerType,
    linkType,
    headerMarketplaceId: validMarketplaceId(firstHeader(view, 'x-marketplace-id')),
    linkMarketplaceId: firstValid(MARKETPLACE_PARAM, text) ?? firstValid(MARKETPLACE_PARAM, html),
    senderRole: senderRole(view.from?.address ?? null),
    relays,
    relayIsSender,
    addressedToBuyer: relays.length > 0 && !relayIsSender && !fromGenuine && !forwardedGenuine,
    // A token counts as evidence only when it names a kind: "nt=" also appears in other senders' links.
    amazonOrigin: fromGenuine || forwardedGenuine || relayIsSender || kindOfToken(linkType) !== null || AMAZON_FOOTER.test(text),
    suspicious: suspicion !== null,
    suspiciousReason: suspicion,
    // The subject is only read when no type token names the kind (the common case skips nine regexes).
    subjectKind: (kindOfToken(headerType) ?? kindOfToken(linkType)) ? null : kindFromSubject(view.subject),
  }
}

/** What an address is to the classifier: a buyer relay, a known Amazon sender, or something else. */
export function senderRole(address: string | null): SenderRole {
  if (!address) return 'none'
  if (parseRelayAddress(address)) return 'relay'
  if (!isAmazonHost(domainOf(address))) return 'other'
  const local = localPartOf(address)
  for (const [pattern, role] of SENDER_ROLES) if (pattern.test(local)) return role
  return 'amazon'
}

/**
 * Why a message pretends to be Amazon without being Amazon's, or null. Look-alike domains in the
 * sender headers, an Amazon From whose authentication failed altogether, or "Amazon" as the display
 * name of a foreign address (not a list forward such as "'Marco' via Orders").
 */
export function suspicionReason(view: MailView, forwardedFrom: readonly MailAddress[] = []): string | null {
  const senders = [view.from, ...view.replyTo, ...forwardedFrom].filter((a): a is MailAddress => a !== null)
  for (const sender of senders) {
    if (isLookalikeHost(domainOf(sender.address))) return `look-alike domain ${domainOf(sender.address)}`
  }
  const from = view.from
  if (!from) return null
  const fromDomain = domainOf(from.address)
  if (isAmazonHost(fromDomain)) {
    return authenticationFailed(view.authentication) ? 'Amazon sender failed SPF, DKIM and DMARC' : null
  }
  const forwardedGenuine = [...view.replyTo, ...forwardedFrom].some((a) => isAmazonHost(domainOf(a.address)))
  if (!forwardedGenuine && BRAND_NAME.test(from.name) && !VIA_FORWARD.test(from.name)) {
    return `Amazon display name on ${fromDomain || 'an unknown domain'}`
  }
  return null
}

function relayCandidates(view: MailView, forwardedFrom: readonly MailAddress[]): RelayCandidate[] {
  const ordered = [view.from, ...view.replyTo, ...forwardedFrom, ...view.to, ...view.cc]
  const seen = new Set<string>()
  const relays: RelayCandidate[] = []
  for (const entry of ordered) {
    if (!entry) continue
    const relay = parseRelayAddress(entry.address)
    if (relay && !seen.has(relay.address)) {
      seen.add(relay.address)
      relays.push({ ...relay, displayName: entry.name })
    }
  }
  return relays
}

function kindOfToken(token: string | null): Kind | null {
  return token ? kindOfNotificationType(token) : null
}

function firstHeader(view: MailView, name: string): string | null {
  const value = view.headers.get(name)?.[0]?.trim()
  return value ? value : null
}

function validMarketplaceId(value: string | null): string | null {
  const id = value?.trim().toUpperCase() ?? ''
  return marketplaceById(id) ? id : null
}

function firstMatch(pattern: RegExp, text: string): string | null {
  pattern.lastIndex = 0
  const match = pattern.exec(text)
  pattern.lastIndex = 0
  return match?.[1] ?? null
}

function firstValid(pattern: RegExp, text: string): string | null {
  pattern.lastIndex = 0
  for (const match of text.matchAll(pattern)) {
    const id = match[1] ?? ''
    if (marketplaceById(id)) return id
  }
  return null
}

/** The retail domain of every Amazon link in the text, in order (sellercentral.amazon.it → amazon.it). */
export function amazonLinkDomains(text: string): string[] {
  const domains: string[] = []
  const scan = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text
  for (const match of scan.matchAll(LINK_HOST)) {
    const retail = amazonRetailDomain(match[1] ?? '')
    if (retail) domains.push(retail)
  }
  return domains
}
