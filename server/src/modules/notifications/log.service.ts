// The signed-in user's notification log (通知记录): newest first, in keyset pages.
import type { NotificationLog } from '@sellerinbox/shared/api/notifications'
import type { Db } from '../../db/kysely'
import type { Actor } from '../actor'
import { presentLogItem } from './notifications.presenter'

export async function listNotificationLog(db: Db, actor: Actor, query: { before?: number; limit?: number }): Promise<NotificationLog> {
  const limit = query.limit ?? 30
  let q = db.selectFrom('notifications').selectAll().where('orgId', '=', actor.orgId).where('userId', '=', actor.userId)
  if (query.before) q = q.where('id', '<', query.before)
  const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  return { items: page.map(presentLogItem), nextBefore: rows.length > limit ? page[page.length - 1]!.id : null }
}
