// Amazon marketplaces the product knows: code, Amazon marketplace id, region and Seller Central host.
// Pure data; the classifier (#3) and the order panel (#4) read the same table.

export type Region = 'NA' | 'EU' | 'FE'

export interface Marketplace {
  code: MarketplaceCode
  /** Amazon's marketplace id as it appears in X-Marketplace-ID and links. */
  id: string
  region: Region
  nameZh: string
  nameEn: string
  /** Retail domain, e.g. amazon.co.uk. */
  domain: string
  /** Seller Central host for that marketplace. */
  sellerCentral: string
  /** ISO 639-1 languages of the marketplace's Amazon mail, the main one first. */
  languages: readonly string[]
  /** IANA time zone Amazon uses for the marketplace. */
  timeZone: string
}

export const MARKETPLACES: readonly Marketplace[] = [
  { code: 'US', id: 'ATVPDKIKX0DER', region: 'NA', nameZh: '美国', nameEn: 'United States', domain: 'amazon.com', sellerCentral: 'sellercentral.amazon.com', languages: ['en'], timeZone: 'America/Los_Angeles' },
  { code: 'CA', id: 'A2EUQ1WTGCTBG2', region: 'NA', nameZh: '加拿大', nameEn: 'Canada', domain: 'amazon.ca', sellerCentral: 'sellercentral.amazon.ca', languages: ['en', 'fr'], timeZone: 'America/Los_Angeles' },
  { code: 'MX', id: 'A1AM78C64UM0Y8', region: 'NA', nameZh: '墨西哥', nameEn: 'Mexico', domain: 'amazon.com.mx', sellerCentral: 'sellercentral.amazon.com.mx', languages: ['es'], timeZone: 'America/Los_Angeles' },
  { code: 'BR', id: 'A2Q3Y263D00KWC', region: 'NA', nameZh: '巴西', nameEn: 'Brazil', domain: 'amazon.com.br', sellerCentral: 'sellercentral.amazon.com.br', languages: ['pt'], timeZone: 'America/Sao_Paulo' },
  { code: 'UK', id: 'A1F83G8C2ARO7P', region: 'EU', nameZh: '英国', nameEn: 'United Kingdom', domain: 'amazon.co.uk', sellerCentral: 'sellercentral.amazon.co.uk', languages: ['en'], timeZone: 'Europe/London' },
  { code: 'DE', id: 'A1PA6795UKMFR9', region: 'EU', nameZh: '德国', nameEn: 'Germany', domain: 'amazon.de', sellerCentral: 'sellercentral.amazon.de', languages: ['de'], timeZone: 'Europe/Paris' },
  { code: 'FR', id: 'A13V1IB3VIYZZH', region: 'EU', nameZh: '法国', nameEn: 'France', domain: 'amazon.fr', sellerCentral: 'sellercentral.amazon.fr', languages: ['fr'], timeZone: 'Europe/Paris' },
  { code: 'IT', id: 'APJ6JRA9NG5V4', region: 'EU', nameZh: '意大利', nameEn: 'Italy', domain: 'amazon.it', sellerCentral: 'sellercentral.amazon.it', languages: ['it'], timeZone: 'Europe/Paris' },
  { code: 'ES', id: 'A1RKKUPIHCS9HS', region: 'EU', nameZh: '西班牙', nameEn: 'Spain', domain: 'amazon.es', sellerCentral: 'sellercentral.amazon.es', languages: ['es'], timeZone: 'Europe/Paris' },
  { code: 'NL', id: 'A1805IZSGTT6HS', region: 'EU', nameZh: '荷兰', nameEn: 'Netherlands', domain: 'amazon.nl', sellerCentral: 'sellercentral.amazon.nl', languages: ['nl'], timeZone: 'Europe/Amsterdam' },
  { code: 'BE', id: 'AMEN7PMS3EDWL', region: 'EU', nameZh: '比利时', nameEn: 'Belgium', domain: 'amazon.com.be', sellerCentral: 'sellercentral.amazon.com.be', languages: ['fr', 'nl'], timeZone: 'Europe/Brussels' },
  { code: 'SE', id: 'A2NODRKZP88ZB9', region: 'EU', nameZh: '瑞典', nameEn: 'Sweden', domain: 'amazon.se', sellerCentral: 'sellercentral.amazon.se', languages: ['sv'], timeZone: 'Europe/Stockholm' },
  { code: 'PL', id: 'A1C3SOZRARQ6R3', region: 'EU', nameZh: '波兰', nameEn: 'Poland', domain: 'amazon.pl', sellerCentral: 'sellercentral.amazon.pl', languages: ['pl'], timeZone: 'Europe/Warsaw' },
  { code: 'TR', id: 'A33AVAJ2PDY3EV', region: 'EU', nameZh: '土耳其', nameEn: 'Turkey', domain: 'amazon.com.tr', sellerCentral: 'sellercentral.amazon.com.tr', languages: ['tr'], timeZone: 'Europe/Istanbul' },
  { code: 'AE', id: 'A2VIGQ35RCS4UG', region: 'EU', nameZh: '阿联酋', nameEn: 'United Arab Emirates', domain: 'amazon.ae', sellerCentral: 'sellercentral.amazon.ae', languages: ['en', 'ar'], timeZone: 'Asia/Dubai' },
  { code: 'SA', id: 'A17E79C6D8DWNP', region: 'EU', nameZh: '沙特阿拉伯', nameEn: 'Saudi Arabia', domain: 'amazon.sa', sellerCentral: 'sellercentral.amazon.sa', languages: ['ar'], timeZone: 'Asia/Riyadh' },
  { code: 'IN', id: 'A21TJRUUN4KGV', region: 'EU', nameZh: '印度', nameEn: 'India', domain: 'amazon.in', sellerCentral: 'sellercentral.amazon.in', languages: ['en'], timeZone: 'Asia/Kolkata' },
  { code: 'JP', id: 'A1VC38T7YXB528', region: 'FE', nameZh: '日本', nameEn: 'Japan', domain: 'amazon.co.jp', sellerCentral: 'sellercentral.amazon.co.jp', languages: ['ja'], timeZone: 'Asia/Tokyo' },
  { code: 'AU', id: 'A39IBJ37TRP1C6', region: 'FE', nameZh: '澳大利亚', nameEn: 'Australia', domain: 'amazon.com.au', sellerCentral: 'sellercentral.amazon.com.au', languages: ['en'], timeZone: 'Australia/Sydney' },
  { code: 'SG', id: 'A19VAU5U5O7RUS', region: 'FE', nameZh: '新加坡', nameEn: 'Singapore', domain: 'amazon.sg', sellerCentral: 'sellercentral.amazon.sg', languages: ['en'], timeZone: 'Asia/Singapore' },
]

/** Every code in MARKETPLACES, as literal types (kept in step by a unit test). */
export const MARKETPLACE_CODES = ['US', 'CA', 'MX', 'BR', 'UK', 'DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'SE', 'PL', 'TR', 'AE', 'SA', 'IN', 'JP', 'AU', 'SG'] as const
export type MarketplaceCode = (typeof MARKETPLACE_CODES)[number]

export const REGIONS: readonly { code: Region; nameZh: string; nameEn: string }[] = [
  { code: 'NA', nameZh: '北美', nameEn: 'North America' },
  { code: 'EU', nameZh: '欧洲', nameEn: 'Europe' },
  { code: 'FE', nameZh: '远东', nameEn: 'Far East' },
]

const byCode = new Map<string, Marketplace>(MARKETPLACES.map((m) => [m.code, m]))
const byId = new Map(MARKETPLACES.map((m) => [m.id, m]))
const byDomain = new Map(MARKETPLACES.map((m) => [m.domain, m]))

export function marketplaceByCode(code: string): Marketplace | undefined {
  return byCode.get(code.toUpperCase() === 'GB' ? 'UK' : code.toUpperCase())
}

export function marketplaceById(id: string): Marketplace | undefined {
  return byId.get(id)
}

/** The marketplace whose retail domain is `domain` (e.g. amazon.co.jp), case-insensitive. */
export function marketplaceByDomain(domain: string): Marketplace | undefined {
  return byDomain.get(domain.toLowerCase())
}

export function marketplacesInRegion(region: Region): Marketplace[] {
  return MARKETPLACES.filter((m) => m.region === region)
}

/** Marketplaces offered to a store: its own region's first (the usual case), then the rest. */
export function marketplacesForStore(region: Region): Marketplace[] {
  return [...marketplacesInRegion(region), ...MARKETPLACES.filter((m) => m.region !== region)]
}
