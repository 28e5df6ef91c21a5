// Notification rules and deep links as plain values (DESIGN §7): the categories a rule can ask for,
// the rule everyone starts with, and the mini program page a notification opens.

/** Categories a rule can ask for (the taxonomy's categories without `sent`). */
export const NOTIFY_CATEGORIES = ['amazon', 'buyer_message', 'qa', 'refund', 'atoz_claim'] as const
export type NotifyCategory = (typeof NOTIFY_CATEGORIES)[number]

/** What a rule looks like before anyone saves one (time zone: the user's own). */
export const DEFAULT_RULE = {
  enabled: true,
  categories: ['buyer_message', 'qa', 'refund', 'atoz_claim'] as NotifyCategory[],
  days: [1, 2, 3, 4, 5, 6, 7],
  start: '08:00',
  end: '23:00',
  endNextDay: false,
  storeIds: null as number[] | null,
}

/**
 * The page a notification opens (WeChat's `page`: path and query, no leading slash). The inbox reads:
 *   `pages/inbox/index?messageId=<id>`                           one message (single push, SLA reminder)
 *   `pages/inbox/index?category=<c>&storeId=<id>&marketplace=<DE>` the filtered inbox (a digest); each
 *     parameter appears only when every message of the digest shares it; none = the whole inbox.
 * `parseNotificationQuery` reads such a query back.
 */
export const NOTIFICATION_PAGE = 'pages/inbox/index'

export type NotificationTarget = { messageId: number } | { category?: string; storeId?: number; marketplace?: string }

export function notificationPage(target: NotificationTarget): string {
  const pairs = Object.entries(target).filter(([, v]) => v !== undefined && v !== '')
  return pairs.length ? `${NOTIFICATION_PAGE}?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&')}` : NOTIFICATION_PAGE
}

/** Reads a notification's query (page params as strings) back; unknown or malformed values are ignored. */
export function parseNotificationQuery(params: Record<string, string | undefined>): NotificationTarget {
  const id = (v: string | undefined) => (v && /^[1-9]\d{0,15}$/.test(v) ? Number(v) : undefined)
  const messageId = id(params.messageId)
  if (messageId !== undefined) return { messageId }
  const out: { category?: string; storeId?: number; marketplace?: string } = {}
  const category = params.category
  if (category && (NOTIFY_CATEGORIES as readonly string[]).includes(category)) out.category = category
  const storeId = id(params.storeId)
  if (storeId !== undefined) out.storeId = storeId
  if (params.marketplace && /^[A-Z]{2}$/.test(params.marketplace)) out.marketplace = params.marketplace
  return out
}
