// Which domains and addresses are really Amazon's: genuine amazon.<tld> hosts, buyer relay
// addresses, and look-alikes (amaz0n, amazon-support.example, marketplace.amazon.com.evil.net,
// punycode homographs). Pure string logic apart from punycode decoding.
import { domainToUnicode } from 'node:url'
import { MARKETPLACES, marketplaceByDomain, type Marketplace } from '@sellerinbox/shared/domain/marketplaces'

// Suffixes after the "amazon" label of genuine Amazon hosts. Marketplaces the product does not
// sell in still send genuine mail (amazon.ie, amazon.cn, …).
const AMAZON_SUFFIXES = new Set([
  ...MARKETPLACES.map((m) => m.domain.slice('amazon.'.length)),
  'ie', 'cn', 'eg', 'co.za', 'com.ng', 'nl', 'jobs',
])

// Amazon-owned hosts that are not amazon.<tld> but contain the brand (mail infrastructure, images).
const AMAZON_INFRASTRUCTURE = /(?:^|\.)(?:amazonses\.com|amazonaws\.com|media-amazon\.com|ssl-images-amazon\.com|images-amazon\.com|amazon-adsystem\.com)$/

// Confusable characters mapped to the Latin letter they imitate (after NFKC and lower-casing).
const CONFUSABLES: Readonly<Record<string, string>> = {
  'а': 'a', 'ɑ': 'a', 'α': 'a', '4': 'a', '@': 'a',
  'о': 'o', 'ο': 'o', 'σ': 'o', '0': 'o', 'ө': 'o',
  'е': 'e', 'ε': 'e', '3': 'e',
  'м': 'm', 'ṃ': 'm',
  'г': 'r',
  'ᴢ': 'z', 'ż': 'z', 'ź': 'z', 'ž': 'z', '2': 'z',
  'п': 'n', 'η': 'n', 'ń': 'n', 'ñ': 'n',
  'і': 'i', 'ı': 'i', '1': 'l',
}
const CONFUSABLE_CHARS = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'g')
const LOOKALIKE_SKELETON = /amazon|amzon|amazn|amaazon|ammazon|arnazon|annazon|anazon/

// A buyer relay: 15 lowercase letters/digits (a little lenient), an optional "+<case id>", at
// marketplace.amazon.<tld> (Japan also m.marketplace.amazon.co.jp).
const RELAY = /^([a-z0-9]{8,24})(?:\+([a-z0-9][a-z0-9-]{0,63}))?@((?:m\.)?marketplace\.(amazon\.[a-z.]+))$/

export interface RelayAddress {
  /** The full relay address, lower-cased, with the `+case` part when present. */
  address: string
  /** The relay address without the `+case` part: the buyer's stable alias. */
  alias: string
  caseId: string | null
  /** The retail domain of the relay, e.g. amazon.co.uk. */
  retailDomain: string
}

/** The genuine Amazon retail domain (amazon.co.uk) a host belongs to, or null. */
export function amazonRetailDomain(host: string): string | null {
  const match = AMAZON_HOST.exec(host.toLowerCase())
  const suffix = match?.[1]
  return suffix && AMAZON_SUFFIXES.has(suffix) ? `amazon.${suffix}` : null
}
const AMAZON_HOST = /(?:^|\.)amazon\.([a-z.]+?)\.?$/

export function isAmazonHost(host: string): boolean {
  return amazonRetailDomain(host) !== null || AMAZON_INFRASTRUCTURE.test(host.toLowerCase())
}

/** A host that imitates Amazon without being Amazon's. */
export function isLookalikeHost(host: string): boolean {
  if (isAmazonHost(host)) return false
  return LOOKALIKE_SKELETON.test(skeleton(host))
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@')
  return at < 0 ? '' : address.slice(at + 1).toLowerCase()
}

export function localPartOf(address: string): string {
  const at = address.lastIndexOf('@')
  return (at < 0 ? address : address.slice(0, at)).toLowerCase()
}

/** The relay parts of a genuine buyer relay address, or null. */
export function parseRelayAddress(address: string): RelayAddress | null {
  const match = RELAY.exec(address.trim().toLowerCase())
  if (!match) return null
  const [, alias = '', caseId, host = '', retail = ''] = match
  if (amazonRetailDomain(host) !== retail) return null
  return { address: match[0], alias: `${alias}@${host}`, caseId: caseId ?? null, retailDomain: retail }
}

export function marketplaceOfRetailDomain(domain: string): Marketplace | undefined {
  return marketplaceByDomain(domain)
}

/** Lower-case, Unicode-decoded, confusables folded: what a reader would think the host says. */
export function skeleton(host: string): string {
  let text = host.toLowerCase()
  if (text.includes('xn--')) text = domainToUnicode(text) || text
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(CONFUSABLE_CHARS, (c) => CONFUSABLES[c] ?? c)
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/[-_.]/g, '')
}
