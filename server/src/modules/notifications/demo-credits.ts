// Demo mode: the demo accounts never tapped "top up" in a real mini program, so they start with
// credits for every configured template (the stand-in gives them the same balance).
import type { NotifyConfig } from '../../config'
import type { Db } from '../../db/kysely'
import { configuredTemplates } from './credits.service'
import { ensureCredits } from './credits.repo'

export async function grantDemoCredits(db: Db, orgId: number, notify: NotifyConfig, balance: number): Promise<void> {
  const users = await db.selectFrom('users').select('id').where('orgId', '=', orgId).execute()
  const now = new Date()
  for (const user of users) {
    for (const { templateId } of configuredTemplates(notify)) await ensureCredits(db, { orgId, userId: user.id, templateId }, balance, now)
  }
}
