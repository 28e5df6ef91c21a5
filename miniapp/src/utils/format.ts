// Display formatting of domain values (times, marketplaces, regions) in the current UI language.
import { REGIONS, marketplaceByCode, type Region } from '@sellerinbox/shared/domain/marketplaces'
import { getLocale } from '../i18n'

const pad = (n: number) => String(n).padStart(2, '0')

/** `2026-11-22 10:21` in the device's time zone. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Marketplace name without the code, e.g. 美国 / United States; the code itself when unknown. */
export function marketplaceName(code: string): string {
  const marketplace = marketplaceByCode(code)
  if (!marketplace) return code
  return getLocale() === 'en-US' ? marketplace.nameEn : marketplace.nameZh
}

export function regionName(code: Region): string {
  const region = REGIONS.find((r) => r.code === code)
  if (!region) return code
  return getLocale() === 'en-US' ? region.nameEn : region.nameZh
}

/** Seller Central host of a marketplace (each marketplace links to its own host). */
export function sellerCentralHost(code: string): string | undefined {
  return marketplaceByCode(code)?.sellerCentral
}
