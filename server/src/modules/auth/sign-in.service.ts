// WeChat sign-in: exchange the login code for an openid; a first sign-in creates an org with that
// user as its main account. Invited users join an existing org as sub-accounts instead.
import type { Session } from '@sellerinbox/shared/api/auth'
import type { Db } from '../../db/kysely'
import type { UserRow } from '../../db/schema'
import { AppError } from '../../lib/errors'
import { isDuplicateKey } from '../../db/errors'
import type { WechatClient } from '../wechat/wechat.client'
import { findUserByOpenid, insertOrg, insertUser } from '../users/users.repo'
import type { SessionIssuer } from './sessions.service'

export const DEFAULT_MAIN_NAME = '主账号'

export async function signInWithWechat(
  deps: { db: Db; wechat: WechatClient; sessions: SessionIssuer },
  input: { code: string; displayName?: string },
): Promise<Session> {
  const { openid } = await deps.wechat.code2session(input.code)
  const existing = await findUserByOpenid(deps.db, openid)
  if (existing) return deps.sessions.issue(existing)
  let user: UserRow
  try {
    user = await createOrgWithMain(deps.db, openid, input.displayName ?? DEFAULT_MAIN_NAME)
  } catch (error) {
    // Two first sign-ins of one user racing: the loser signs in as the winner's user.
    if (!isDuplicateKey(error)) throw error
    const winner = await findUserByOpenid(deps.db, openid)
    if (!winner) throw error
    return deps.sessions.issue(winner)
  }
  return deps.sessions.issue(user, true)
}

export async function createOrgWithMain(db: Db, openid: string, displayName: string, orgName?: string): Promise<UserRow> {
  return db.transaction().execute(async (tx) => {
    const org = await insertOrg(tx, orgName ?? `${displayName}的团队`)
    return insertUser(tx, { orgId: org.id, role: 'main', openid, displayName })
  })
}

export function alreadyRegistered(): AppError {
  return new AppError(
    'ALREADY_REGISTERED',
    'This WeChat account already belongs to a team; ask the main account to remove it there first, or sign in normally',
  )
}
