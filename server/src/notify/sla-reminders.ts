// Reply-deadline reminders: a buyer message still open when its deadline is near (2 h by default)
// gets one reminder per recipient whose window is open now. The unique (user, kind, message) key
// makes "once" hold across runs and instances.
import { isInSchedule } from '@sellerinbox/shared/domain/schedule-window'
import type { NotifyConfig } from '../config'
import type { Db } from '../db/kysely'
import { scheduleOf } from '../modules/notifications/rules.repo'
import { loadMessages } from './facts'
import { loadRecipients, wants } from './recipients'

export interface ReminderDeps {
  db: Db
  config: NotifyConfig
  orgIds?: number[]
}

/**
 * Creates due reminders; returns how many. Walks every open buyer message due within the reminder
 * lead, a page at a time, so a backlog of already-reminded messages never hides later ones.
 */
export async function planSlaReminders(deps: ReminderDeps, now: Date, pageSize = 1000): Promise<number> {
  if (!deps.config.sla) return 0
  let created = 0
  let after: { slaDueAt: Date; id: number } | null = null
  for (;;) {
    const page = await dueMessages(deps, now, after, pageSize)
    if (!page.length) break
    created += await remindPage(deps, now, page.map((r) => r.id))
    if (page.length < pageSize) break
    const last = page[page.length - 1]!
    after = { slaDueAt: last.slaDueAt!, id: last.id }
  }
  return created
}

function dueMessages(deps: ReminderDeps, now: Date, after: { slaDueAt: Date; id: number } | null, limit: number) {
  let query = deps.db
    .selectFrom('messages')
    .select(['id', 'slaDueAt'])
    .where('slaDueAt', '>', now)
    .where('slaDueAt', '<=', new Date(now.getTime() + deps.config.slaReminderMs))
    .where('kind', '=', 'buyer_message')
    .where('direction', '=', 'in')
    .where('status', 'in', ['pending', 'follow_up'])
    .orderBy('slaDueAt')
    .orderBy('id')
    .limit(limit)
  if (after) query = query.where((eb) => eb.or([eb('slaDueAt', '>', after.slaDueAt), eb.and([eb('slaDueAt', '=', after.slaDueAt), eb('id', '>', after.id)])]))
  if (deps.orgIds) query = query.where('orgId', 'in', deps.orgIds.length ? deps.orgIds : [0])
  return query.execute()
}

async function remindPage(deps: ReminderDeps, now: Date, ids: number[]): Promise<number> {
  const { db } = deps
  const messages = (await loadMessages(db, ids)).filter((m) => m.notifiable && m.open)
  if (!messages.length) return 0
  const reminded = await db
    .selectFrom('notifications')
    .select(['userId', 'messageId'])
    .where('kind', '=', 'sla_reminder')
    .where('messageId', 'in', messages.map((m) => m.id))
    .execute()
  const done = new Set(reminded.map((r) => `${r.userId}:${r.messageId}`))
  let created = 0
  for (const orgId of new Set(messages.map((m) => m.orgId))) {
    const recipients = await loadRecipients(db, orgId)
    for (const message of messages.filter((m) => m.orgId === orgId)) {
      for (const r of recipients) {
        if (done.has(`${r.userId}:${message.id}`) || !wants(r, message) || !isInSchedule(scheduleOf(r.settings), now)) continue
        const result = await db
          .insertInto('notifications')
          .ignore()
          .values({ orgId, userId: r.userId, kind: 'sla_reminder', cause: 'sla', status: 'pending', messageId: message.id, dueAt: now, createdAt: now, updatedAt: now })
          .executeTakeFirst()
        created += Number(result.numInsertedOrUpdatedRows ?? 0)
      }
    }
  }
  return created
}
