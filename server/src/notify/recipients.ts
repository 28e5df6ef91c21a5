// The people an org's messages may be announced to: users with their rule (or the defaults), their
// WeChat identity and language, and the stores they may see.
import type { Db, Tx } from '../db/kysely'
import { defaultSettings, settingsFromRow, wantsMessage, type RuleSettings } from '../modules/notifications/rules.repo'
import type { Locale } from './content'

export interface Recipient {
  userId: number
  orgId: number
  role: 'main' | 'sub'
  openid: string
  locale: Locale
  settings: RuleSettings
  /** Whether a rule row exists (a main account may have none yet: the defaults apply). */
  hasRule: boolean
  lastPushAt: Date | null
  visible: ReadonlySet<number> | 'all'
}

/** Recipients of the org who have notifications on; `userIds` narrows to some users. */
export async function loadRecipients(db: Db | Tx, orgId: number, userIds?: number[]): Promise<Recipient[]> {
  return loadRecipientsOfOrgs(db, [orgId], userIds)
}

/** Recipients of several orgs at once (the planner's batch spans orgs). */
export async function loadRecipientsOfOrgs(db: Db | Tx, orgIds: number[], userIds?: number[]): Promise<Recipient[]> {
  if (!orgIds.length) return []
  const only = userIds && (userIds.length ? userIds : [0])
  let users = db.selectFrom('users').select(['id', 'orgId', 'role', 'openid', 'locale', 'timeZone']).where('orgId', 'in', orgIds)
  let rules = db.selectFrom('notificationRules').selectAll().where('orgId', 'in', orgIds)
  if (only) {
    users = users.where('id', 'in', only)
    rules = rules.where('userId', 'in', only)
  }
  const ruleByUser = new Map((await rules.execute()).map((r) => [r.userId, r]))
  const chosen = (await users.execute())
    .map((user) => {
      const row = ruleByUser.get(user.id)
      return { user, row, settings: row ? settingsFromRow(row, user.role) : defaultSettings(user) }
    })
    .filter(({ settings }) => settings.recipient && settings.enabled)
  const access = await storeAccessOfUsers(db, chosen.filter((c) => c.user.role === 'sub').map((c) => c.user.id))
  return chosen.map(({ user, row, settings }) => ({
    userId: user.id,
    orgId: user.orgId,
    role: user.role,
    openid: user.openid,
    locale: user.locale,
    settings,
    hasRule: row !== undefined,
    lastPushAt: row?.lastPushAt ?? null,
    visible: user.role === 'main' ? 'all' : (access.get(user.id) ?? new Set<number>()),
  }))
}

/** Stores each sub-account may see (not archived), for users of any org. */
async function storeAccessOfUsers(db: Db | Tx, userIds: number[]): Promise<Map<number, Set<number>>> {
  const map = new Map<number, Set<number>>()
  if (!userIds.length) return map
  const rows = await db
    .selectFrom('userStoreAccess')
    .innerJoin('stores', 'stores.id', 'userStoreAccess.storeId')
    .select(['userStoreAccess.userId', 'userStoreAccess.storeId'])
    .where('userStoreAccess.userId', 'in', userIds)
    .where('stores.archivedAt', 'is', null)
    .execute()
  for (const row of rows) map.set(row.userId, (map.get(row.userId) ?? new Set<number>()).add(row.storeId))
  return map
}

export function wants(recipient: Recipient, message: { category: string; storeId: number }): boolean {
  return wantsMessage(recipient.settings, message, recipient.visible)
}
