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

/** Creates due reminders; returns how many. */
export async function planSlaReminders(deps: ReminderDeps, now: Date, limit = 1000): Promise<number> {
  if (!deps.config.sla) return 0
  const { db } = deps
  let query = db
    .selectFrom('messages')
    .select('id')
    .where('slaDueAt', '>', now)
    .where('slaDueAt', '<=', new Date(now.getTime() + deps.config.slaReminderMs))
    .where('kind', '=', 'buyer_message')
    .where('direction', '=', 'in')
    .where('status', 'in', ['pending', 'follow_up'])
    .orderBy('slaDueAt')
    .limit(limit)
  if (deps.orgIds) query = query.where('orgId', 'in', deps.orgIds.length ? deps.orgIds : [0])
  const messages = (await loadMessages(db, (await query.execute()).map((r) => r.id))).filter((m) => m.notifiable && m.open)
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
