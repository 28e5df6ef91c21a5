// Amazon marketplaces the product knows: code, Amazon marketplace id, region and Seller Central host.
// Pure data; the classifier (#3) and the order panel (#4) read the same table.

export type Region = 'NA' | 'EU' | 'FE'

export interface Marketplace {
  code: string
  /** Amazon's marketplace id as it appears in X-Marketplace-ID and links. */
  id: string
  region: Region
  nameZh: string
  nameEn: string
  /** Retail domain, e.g. amazon.co.uk. */
  domain: string
  /** Seller Central host for that marketplace. */
  sellerCentral: string
}

export const MARKETPLACES: readonly Marketplace[] = [
  { code: 'US', id: 'ATVPDKIKX0DER', region: 'NA', nameZh: '美国', nameEn: 'United States', domain: 'amazon.com', sellerCentral: 'sellercentral.amazon.com' },
  { code: 'CA', id: 'A2EUQ1WTGCTBG2', region: 'NA', nameZh: '加拿大', nameEn: 'Canada', domain: 'amazon.ca', sellerCentral: 'sellercentral.amazon.ca' },
  { code: 'MX', id: 'A1AM78C64UM0Y8', region: 'NA', nameZh: '墨西哥', nameEn: 'Mexico', domain: 'amazon.com.mx', sellerCentral: 'sellercentral.amazon.com.mx' },
  { code: 'BR', id: 'A2Q3Y263D00KWC', region: 'NA', nameZh: '巴西', nameEn: 'Brazil', domain: 'amazon.com.br', sellerCentral: 'sellercentral.amazon.com.br' },
  { code: 'UK', id: 'A1F83G8C2ARO7P', region: 'EU', nameZh: '英国', nameEn: 'United Kingdom', domain: 'amazon.co.uk', sellerCentral: 'sellercentral.amazon.co.uk' },
  { code: 'DE', id: 'A1PA6795UKMFR9', region: 'EU', nameZh: '德国', nameEn: 'Germany', domain: 'amazon.de', sellerCentral: 'sellercentral.amazon.de' },
  { code: 'FR', id: 'A13V1IB3VIYZZH', region: 'EU', nameZh: '法国', nameEn: 'France', domain: 'amazon.fr', sellerCentral: 'sellercentral.amazon.fr' },
  { code: 'IT', id: 'APJ6JRA9NG5V4', region: 'EU', nameZh: '意大利', nameEn: 'Italy', domain: 'amazon.it', sellerCentral: 'sellercentral.amazon.it' },
  { code: 'ES', id: 'A1RKKUPIHCS9HS', region: 'EU', nameZh: '西班牙', nameEn: 'Spain', domain: 'amazon.es', sellerCentral: 'sellercentral.amazon.es' },
  { code: 'NL', id: 'A1805IZSGTT6HS', region: 'EU', nameZh: '荷兰', nameEn: 'Netherlands', domain: 'amazon.nl', sellerCentral: 'sellercentral.amazon.nl' },
  { code: 'BE', id: 'AMEN7PMS3EDWL', region: 'EU', nameZh: '比利时', nameEn: 'Belgium', domain: 'amazon.com.be', sellerCentral: 'sellercentral.amazon.com.be' },
  { code: 'SE', id: 'A2NODRKZP88ZB9', region: 'EU', nameZh: '瑞典', nameEn: 'Sweden', domain: 'amazon.se', sellerCentral: 'sellercentral.amazon.se' },
  { code: 'PL', id: 'A1C3SOZRARQ6R3', region: 'EU', nameZh: '波兰', nameEn: 'Poland', domain: 'amazon.pl', sellerCentral: 'sellercentral.amazon.pl' },
  { code: 'TR', id: 'A33AVAJ2PDY3EV', region: 'EU', nameZh: '土耳其', nameEn: 'Turkey', domain: 'amazon.com.tr', sellerCentral: 'sellercentral.amazon.com.tr' },
  { code: 'AE', id: 'A2VIGQ35RCS4UG', region: 'EU', nameZh: '阿联酋', nameEn: 'United Arab Emirates', domain: 'amazon.ae', sellerCentral: 'sellercentral.amazon.ae' },
  { code: 'SA', id: 'A17E79C6D8DWNP', region: 'EU', nameZh: '沙特阿拉伯', nameEn: 'Saudi Arabia', domain: 'amazon.sa', sellerCentral: 'sellercentral.amazon.sa' },
  { code: 'IN', id: 'A21TJRUUN4KGV', region: 'EU', nameZh: '印度', nameEn: 'India', domain: 'amazon.in', sellerCentral: 'sellercentral.amazon.in' },
  { code: 'JP', id: 'A1VC38T7YXB528', region: 'FE', nameZh: '日本', nameEn: 'Japan', domain: 'amazon.co.jp', sellerCentral: 'sellercentral.amazon.co.jp' },
  { code: 'AU', id: 'A39IBJ37TRP1C6', region: 'FE', nameZh: '澳大利亚', nameEn: 'Australia', domain: 'amazon.com.au', sellerCentral: 'sellercentral.amazon.com.au' },
  { code: 'SG', id: 'A19VAU5U5O7RUS', region: 'FE', nameZh: '新加坡', nameEn: 'Singapore', domain: 'amazon.sg', sellerCentral: 'sellercentral.amazon.sg' },
]

export const MARKETPLACE_CODES = MARKETPLACES.map((m) => m.code)

export const REGIONS: readonly { code: Region; nameZh: string; nameEn: string }[] = [
  { code: 'NA', nameZh: '北美', nameEn: 'North America' },
  { code: 'EU', nameZh: '欧洲', nameEn: 'Europe' },
  { code: 'FE', nameZh: '远东', nameEn: 'Far East' },
]

const byCode = new Map(MARKETPLACES.map((m) => [m.code, m]))
const byId = new Map(MARKETPLACES.map((m) => [m.id, m]))

export function marketplaceByCode(code: string): Marketplace | undefined {
  return byCode.get(code.toUpperCase() === 'GB' ? 'UK' : code.toUpperCase())
}

export function marketplaceById(id: string): Marketplace | undefined {
  return byId.get(id)
}

export function marketplacesInRegion(region: Region): Marketplace[] {
  return MARKETPLACES.filter((m) => m.region === region)
}
