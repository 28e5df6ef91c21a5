// The signed-in user's subscription credits: what the mini program reports after
// Taro.requestSubscribeMessage, and the balance it shows in 通知额度.
import type { Credits, NotificationPurpose, RecordSubscribeBody } from '@sellerinbox/shared/api/notifications'
import type { NotifyConfig } from '../../config'
import type { Db } from '../../db/kysely'
import { AppError } from '../../lib/errors'
import type { Actor } from '../actor'
import { addCredit } from './credits.repo'
import { presentCredit } from './notifications.presenter'

export function configuredTemplates(notify: NotifyConfig): { purpose: NotificationPurpose; templateId: string }[] {
  const out: { purpose: NotificationPurpose; templateId: string }[] = []
  if (notify.newMessage) out.push({ purpose: 'new_message', templateId: notify.newMessage.id })
  if (notify.sla && notify.sla.id !== notify.newMessage?.id) out.push({ purpose: 'sla_reminder', templateId: notify.sla.id })
  return out
}

export async function getCredits(db: Db, actor: Actor, notify: NotifyConfig): Promise<Credits> {
  const templates = configuredTemplates(notify)
  const rows = templates.length
    ? await db.selectFrom('notificationCredits').selectAll().where('userId', '=', actor.userId).where('templateId', 'in', templates.map((t) => t.templateId)).execute()
    : []
  const byTemplate = new Map(rows.map((r) => [r.templateId, r]))
  return {
    configured: notify.newMessage !== null,
    templates: templates.map((t) => presentCredit(t.purpose, t.templateId, byTemplate.get(t.templateId))),
  }
}

/** +1 per accepted template, once per report id; other answers only update what the page shows (e.g. "rejected"). */
export async function recordSubscribeResults(db: Db, actor: Actor, notify: NotifyConfig, body: RecordSubscribeBody, now: Date): Promise<Credits> {
  const known = new Set(configuredTemplates(notify).map((t) => t.templateId))
  if (known.size === 0) throw new AppError('NOTIFICATIONS_OFF', 'Notifications are not configured on this server')
  const unknown = body.results.filter((r) => !known.has(r.templateId)).map((r) => r.templateId)
  if (unknown.length) {
    throw new AppError('NOTIFY_TEMPLATE_UNKNOWN', `Unknown template ${unknown.join(', ')}; reload the page to get the current templates`, [
      { path: 'body/results', message: `unknown template ids: ${unknown.join(', ')}` },
    ])
  }
  await db.transaction().execute(async (tx) => {
    // The same report again (a retry after a lost response) changes nothing.
    const claimed = await tx.insertInto('notificationCreditReports').ignore().values({ userId: actor.userId, reportId: body.reportId }).executeTakeFirst()
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) return
    for (const { templateId, result } of body.results) {
      await addCredit(tx, { orgId: actor.orgId, userId: actor.userId, templateId }, result, result === 'accept', now)
    }
  })
  return getCredits(db, actor, notify)
}
