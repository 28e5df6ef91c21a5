// Notification rules as stored (one row per recipient, created on first save) and as the rest of the
// code uses them. A user without a row has the defaults; the main account is always a recipient.
import { DEFAULT_RULE, type NotifyCategory } from '@sellerinbox/shared/api/notifications'
import type { Schedule } from '@sellerinbox/shared/domain/schedule-window'
import type { Db, Tx } from '../../db/kysely'
import type { NotificationRuleRow } from '../../db/schema'

export interface RuleSettings {
  recipient: boolean
  enabled: boolean
  categories: NotifyCategory[]
  days: number[]
  start: string
  end: string
  endNextDay: boolean
  timeZone: string
  storeIds: number[] | null
}

const pad = (n: number) => String(n).padStart(2, '0')
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
const minutes = (clockTime: string) => Number(clockTime.slice(0, 2)) * 60 + Number(clockTime.slice(3, 5))

export function defaultSettings(user: { role: 'main' | 'sub'; timeZone: string }): RuleSettings {
  return { ...DEFAULT_RULE, categories: [...DEFAULT_RULE.categories], days: [...DEFAULT_RULE.days], recipient: user.role === 'main', timeZone: user.timeZone }
}

export function settingsFromRow(row: NotificationRuleRow, role: 'main' | 'sub'): RuleSettings {
  return {
    recipient: role === 'main' || row.recipient,
    enabled: row.enabled,
    categories: row.categories.split(',').filter(Boolean) as NotifyCategory[],
    days: [1, 2, 3, 4, 5, 6, 7].filter((d) => row.days & (1 << (d - 1))),
    start: clock(row.windowStart),
    end: clock(row.windowEnd),
    endNextDay: row.endNextDay,
    timeZone: row.timeZone,
    storeIds: row.storeIds === null ? null : row.storeIds.split(',').filter(Boolean).map(Number),
  }
}

export function rowValues(settings: RuleSettings) {
  return {
    recipient: settings.recipient,
    enabled: settings.enabled,
    categories: settings.categories.join(','),
    days: settings.days.reduce((mask, d) => mask | (1 << (d - 1)), 0),
    windowStart: minutes(settings.start),
    windowEnd: minutes(settings.end),
    endNextDay: settings.endNextDay,
    timeZone: settings.timeZone,
    storeIds: settings.storeIds === null ? null : settings.storeIds.join(','),
  }
}

export function scheduleOf(settings: RuleSettings): Schedule {
  return { days: settings.days, start: settings.start, end: settings.end, endNextDay: settings.endNextDay, timeZone: settings.timeZone }
}

/** Whether a recipient asked to hear about a message of this category and store, and may see the store. */
export function wantsMessage(settings: RuleSettings, message: { category: string; storeId: number }, visible: ReadonlySet<number> | 'all'): boolean {
  if (!settings.recipient || !settings.enabled) return false
  if (!(settings.categories as string[]).includes(message.category)) return false
  if (settings.storeIds && !settings.storeIds.includes(message.storeId)) return false
  return visible === 'all' || visible.has(message.storeId)
}

export async function findRuleRow(db: Db | Tx, orgId: number, userId: number): Promise<NotificationRuleRow | undefined> {
  return db.selectFrom('notificationRules').selectAll().where('orgId', '=', orgId).where('userId', '=', userId).executeTakeFirst()
}

/** Store ids each sub-account may see (the main account sees all). */
export async function storeAccessOf(db: Db | Tx, orgId: number, userIds: number[]): Promise<Map<number, Set<number>>> {
  const map = new Map<number, Set<number>>()
  if (!userIds.length) return map
  const rows = await db
    .selectFrom('userStoreAccess')
    .innerJoin('stores', 'stores.id', 'userStoreAccess.storeId')
    .select(['userStoreAccess.userId', 'userStoreAccess.storeId'])
    .where('userStoreAccess.orgId', '=', orgId)
    .where('userStoreAccess.userId', 'in', userIds)
    .where('stores.archivedAt', 'is', null)
    .execute()
  for (const userId of userIds) map.set(userId, new Set())
  for (const row of rows) map.get(row.userId)?.add(row.storeId)
  return map
}
