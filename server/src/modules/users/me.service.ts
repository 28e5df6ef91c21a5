// The signed-in user's own profile: name, time zone, UI language.
import type { Me } from '@sellerinbox/shared/api/auth'
import type { Db } from '../../db/kysely'
import { AppError, notFound } from '../../lib/errors'
import type { Actor } from '../actor'
import { presentOrg, presentUser } from './users.presenter'
import { findUserInOrg, getOrg } from './users.repo'

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return true
  } catch {
    return false
  }
}

export async function getMe(db: Db, actor: Actor): Promise<Me> {
  const user = await findUserInOrg(db, actor.orgId, actor.userId)
  if (!user) throw notFound('user')
  return { user: presentUser(user), org: presentOrg(await getOrg(db, actor.orgId)) }
}

export async function updateMe(
  db: Db,
  actor: Actor,
  input: { displayName?: string; timeZone?: string; locale?: 'zh-CN' | 'en-US' },
): Promise<Me> {
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    throw new AppError('VALIDATION_FAILED', `Unknown time zone "${input.timeZone}"; use an IANA name such as Asia/Shanghai`, [
      { path: 'body/timeZone', message: 'must be an IANA time zone' },
    ])
  }
  await db
    .updateTable('users')
    .set({
      ...(input.displayName !== undefined ? { displayName: input.displayName.trim() } : {}),
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
    })
    .where('orgId', '=', actor.orgId)
    .where('id', '=', actor.userId)
    .execute()
  return getMe(db, actor)
}
