// Who gets notified about what, and when: the main account manages every rule and chooses which
// sub-accounts receive notifications; a sub-account reads and edits only its own rule (never its
// recipient flag) and may scope it only to stores it can see.
import type { NotificationRule, UpdateNotificationRuleBody } from '@sellerinbox/shared/api/notifications'
import { isTimeZone, validateSchedule } from '@sellerinbox/shared/domain/schedule-window'
import type { Db } from '../../db/kysely'
import type { NotificationRuleRow, UserRow } from '../../db/schema'
import { AppError, notFound } from '../../lib/errors'
import type { Actor } from '../actor'
import { assertStoresInOrg } from '../stores/stores.repo'
import { findUserInOrg } from '../users/users.repo'
import { presentRule } from './notifications.presenter'
import { defaultSettings, findRuleRow, rowValues, settingsFromRow, storeAccessOf, type RuleSettings } from './rules.repo'

export async function listRules(db: Db, actor: Actor): Promise<NotificationRule[]> {
  let users = db.selectFrom('users').selectAll().where('orgId', '=', actor.orgId)
  if (actor.role === 'sub') users = users.where('id', '=', actor.userId)
  const rows = await users.orderBy('role').orderBy('id').execute()
  const rules = rows.length
    ? await db.selectFrom('notificationRules').selectAll().where('orgId', '=', actor.orgId).where('userId', 'in', rows.map((u) => u.id)).execute()
    : []
  const byUser = new Map(rules.map((r) => [r.userId, r]))
  return rows.map((user) => ruleOf(user, byUser.get(user.id)))
}

export async function getRule(db: Db, actor: Actor, userId: number): Promise<NotificationRule> {
  const user = await ruleUser(db, actor, userId)
  return ruleOf(user, await findRuleRow(db, actor.orgId, user.id))
}

export async function updateRule(db: Db, actor: Actor, userId: number, body: UpdateNotificationRuleBody, now: Date): Promise<NotificationRule> {
  const user = await ruleUser(db, actor, userId)
  const existing = await findRuleRow(db, actor.orgId, user.id)
  const current = existing ? settingsFromRow(existing, user.role) : defaultSettings(user)
  const next: RuleSettings = {
    recipient: recipientFlag(actor, user, current, body.recipient),
    enabled: body.enabled,
    categories: [...new Set(body.categories)],
    days: [...new Set(body.days)].sort((a, b) => a - b),
    start: body.start,
    end: body.end,
    endNextDay: body.endNextDay,
    timeZone: body.timeZone,
    storeIds: body.storeIds === null ? null : [...new Set(body.storeIds)].sort((a, b) => a - b),
  }
  assertValidSchedule(next)
  if (next.storeIds) await assertStoresVisible(db, actor, user, next.storeIds)

  const values = { ...rowValues(next), updatedBy: actor.userId, updatedAt: now }
  await db
    .insertInto('notificationRules')
    .values({ userId: user.id, orgId: actor.orgId, lastPushAt: null, ...values })
    .onDuplicateKeyUpdate(values)
    .execute()
  // Digests waiting for the old window are re-timed by the dispatcher against the new one.
  await db
    .updateTable('notifications')
    .set({ dueAt: now, updatedAt: now })
    .where('userId', '=', user.id)
    .where('status', '=', 'pending')
    .where('cause', '=', 'window')
    .execute()
  return getRule(db, actor, user.id)
}

function ruleOf(user: UserRow, row: NotificationRuleRow | undefined): NotificationRule {
  return presentRule(user, row ? settingsFromRow(row, user.role) : defaultSettings(user), row?.updatedAt ?? null)
}

/** The user whose rule the actor may read or change: anyone in the org for the main account, oneself for a sub-account. */
async function ruleUser(db: Db, actor: Actor, userId: number): Promise<UserRow> {
  if (actor.role === 'sub' && userId !== actor.userId) throw notFound('notification rule')
  const user = await findUserInOrg(db, actor.orgId, userId)
  if (!user) throw notFound('notification rule')
  return user
}

function recipientFlag(actor: Actor, user: UserRow, current: RuleSettings, wanted: boolean | undefined): boolean {
  if (user.role === 'main') {
    if (wanted === false) throw new AppError('VALIDATION_FAILED', 'The main account always receives its notifications; switch them off with "enabled" instead', [{ path: 'body/recipient', message: 'must be true for the main account' }])
    return true
  }
  if (wanted === undefined || wanted === current.recipient) return current.recipient
  if (actor.role !== 'main') throw new AppError('FORBIDDEN_ROLE', 'Only the main account chooses who receives notifications')
  return wanted
}

function assertValidSchedule(settings: RuleSettings): void {
  const problems = validateSchedule(settings)
  if (problems.some((p) => p.field === 'timeZone') || !isTimeZone(settings.timeZone)) {
    throw new AppError('TIME_ZONE_INVALID', `Unknown time zone "${settings.timeZone}"; use an IANA name such as Asia/Shanghai`, [{ path: 'body/timeZone', message: 'must be an IANA time zone' }])
  }
  if (problems.length) {
    throw new AppError('NOTIFY_WINDOW_INVALID', `Fix the notification window: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems.map((p) => ({ path: `body/${p.field}`, message: p.message })))
  }
}

/** Every store must be the org's (else 404, like any unknown id) and one the recipient may see. */
async function assertStoresVisible(db: Db, actor: Actor, user: UserRow, storeIds: number[]): Promise<void> {
  await assertStoresInOrg(db, actor.orgId, storeIds)
  if (user.role === 'main') return
  const visible = (await storeAccessOf(db, actor.orgId, [user.id])).get(user.id) ?? new Set<number>()
  const hidden = storeIds.filter((id) => !visible.has(id))
  if (hidden.length) {
    throw new AppError('STORE_NOT_VISIBLE', `${user.displayName} may not see store ${hidden.join(', ')}; grant access first or leave it out`, [{ path: 'body/storeIds', message: `not visible to this sub-account: ${hidden.join(', ')}` }])
  }
}
