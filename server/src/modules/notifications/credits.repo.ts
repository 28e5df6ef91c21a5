// Subscription credits per user × template (WECHAT.md: one-time subscriptions, no balance API):
// +1 per accepted template, −1 only when WeChat answered errcode 0, 0 when it answered 43101.
import { sql } from 'kysely'
import type { Db, Tx } from '../../db/kysely'

export async function addCredit(db: Db | Tx, key: { orgId: number; userId: number; templateId: string }, result: string, accepted: boolean, now: Date): Promise<void> {
  await db
    .insertInto('notificationCredits')
    .values({ ...key, balance: accepted ? 1 : 0, lastResult: result, lastResultAt: now, updatedAt: now })
    .onDuplicateKeyUpdate({
      balance: accepted ? sql<number>`balance + 1` : sql<number>`balance`,
      lastResult: result,
      lastResultAt: now,
      updatedAt: now,
    })
    .execute()
}

/** After errcode 0. Never below zero, even if the balance was out of step with WeChat's. */
export async function spendCredit(tx: Tx, userId: number, templateId: string, now: Date): Promise<void> {
  await tx
    .updateTable('notificationCredits')
    .set({ balance: sql<number>`IF(balance > 0, balance - 1, 0)`, updatedAt: now })
    .where('userId', '=', userId)
    .where('templateId', '=', templateId)
    .execute()
}

/** After 43101: WeChat says there is nothing left, whatever we counted. */
export async function clearCredits(tx: Tx, userId: number, templateId: string, now: Date): Promise<void> {
  await tx.updateTable('notificationCredits').set({ balance: 0, updatedAt: now }).where('userId', '=', userId).where('templateId', '=', templateId).execute()
}

/** Demo and test set-up: make sure a user has at least `balance` credits of a template. */
export async function ensureCredits(db: Db, key: { orgId: number; userId: number; templateId: string }, balance: number, now: Date): Promise<void> {
  await db
    .insertInto('notificationCredits')
    .values({ ...key, balance, lastResult: null, lastResultAt: null, updatedAt: now })
    .onDuplicateKeyUpdate({ balance: sql<number>`GREATEST(balance, ${balance})`, updatedAt: now })
    .execute()
}

/** Report ids only guard against retries, which come within minutes; a week is ample. */
export async function pruneCreditReports(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - 7 * 24 * 3600_000)
  const result = await db.deleteFrom('notificationCreditReports').where('createdAt', '<', cutoff).executeTakeFirst()
  return Number(result.numDeletedRows)
}
