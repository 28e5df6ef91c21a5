// After a crash: a notification still `sending` long after its worker claimed it may or may not have
// reached WeChat. It becomes `unknown` and is never sent again (a duplicate is worse than a gap).
import type { Db } from '../db/kysely'

export async function markInterruptedSends(db: Db, now: Date, timeoutMs: number, orgIds?: number[]): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ status: 'unknown', error: 'The sending worker stopped during the call; maybe delivered, not repeated', updatedAt: now })
    .where('status', '=', 'sending')
    .where('sendingAt', '<', new Date(now.getTime() - timeoutMs))
  if (orgIds) query = query.where('orgId', 'in', orgIds.length ? orgIds : [0])
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Intake rows nobody planned for a day (no worker ran): the messages are no longer news. */
export async function dropStaleIntake(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('notificationIntake').where('createdAt', '<', new Date(now.getTime() - 86_400_000)).executeTakeFirst()
  return Number(result.numDeletedRows)
}
