// The inbox filter as the page holds it, and its translation to the list and counts queries. Deep links
// (`?category=&storeId=&marketplace=` from notifications) become a filter here too.
import type { InboxCountsQuery, InboxQuery, MessageStatus } from '@sellerinbox/shared'
import { MARKETPLACE_CODES, type MarketplaceCode } from '@sellerinbox/shared/domain/marketplaces'
import { isCategory, type Category } from '@sellerinbox/shared/domain/taxonomy'

export type RangeChoice = 'all' | 'today' | '7d' | '30d' | 'custom'
export const RANGE_CHOICES: readonly RangeChoice[] = ['all', 'today', '7d', '30d', 'custom']
export const STATUS_CHOICES: readonly MessageStatus[] = ['pending', 'follow_up', 'processed', 'replied_on_platform']

export interface InboxFilter {
  category: Category | 'all'
  storeId?: number
  marketplace?: MarketplaceCode
  range: RangeChoice
  /** range 'custom': first and last day (YYYY-MM-DD, both included), in the device's time zone. */
  from?: string
  to?: string
  status?: MessageStatus
  tagId?: number
  read?: 'read' | 'unread'
  sla?: 'overdue' | 'due_soon'
  q?: string
}

export const DEFAULT_FILTER: InboxFilter = { category: 'all', range: 'all' }

export const isMarketplaceCode = (value: string | undefined): value is MarketplaceCode =>
  (MARKETPLACE_CODES as readonly string[]).includes(value ?? '')

/** The same filters as the list, without category and paging. */
export function countsQuery(filter: InboxFilter): InboxCountsQuery {
  const query: InboxCountsQuery = {
    storeId: filter.storeId,
    marketplace: filter.marketplace,
    status: filter.status,
    tagId: filter.tagId,
    read: filter.read,
    sla: filter.sla,
    q: filter.q?.trim() || undefined,
  }
  if (filter.range === 'custom') {
    if (filter.from && filter.to) Object.assign(query, { range: 'custom', from: dayStart(filter.from, 0), to: dayStart(filter.to, 1) })
  } else if (filter.range !== 'all') {
    query.range = filter.range
  }
  return query
}

export function listQuery(filter: InboxFilter): InboxQuery {
  return { ...countsQuery(filter), category: filter.category === 'all' ? undefined : filter.category }
}

/** Midnight at the start of `day` (+ `addDays`), device time, as an instant: the custom range is [from, to + 1 day). */
export function dayStart(day: string, addDays: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d + addDays).toISOString()
}

export function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Filter from a deep link; unknown values are ignored, not errors (links outlive releases). */
export function filterFromParams(params: Record<string, string | undefined>): InboxFilter | null {
  const { category, storeId, marketplace } = params
  if (!category && !storeId && !marketplace) return null
  const id = Number(storeId)
  return {
    ...DEFAULT_FILTER,
    category: category && isCategory(category) ? category : 'all',
    storeId: Number.isInteger(id) && id > 0 ? id : undefined,
    marketplace: isMarketplaceCode(marketplace) ? marketplace : undefined,
  }
}

/** Filters other than category and keyword that are set (for the "clear filters" action). */
export function activeFilterCount(filter: InboxFilter): number {
  return [filter.storeId ?? filter.marketplace, filter.range !== 'all' ? filter.range : undefined, filter.status, filter.tagId, filter.read, filter.sla].filter(
    (v) => v !== undefined,
  ).length
}
