// Demo mode: a seeded org the run command signs into without WeChat. Never reachable outside demo
// mode: the sign-in route is only registered when DEMO_MODE=true.
import type { Session } from '@sellerinbox/shared/api/auth'
import type { Db } from '../../db/kysely'
import { AppError } from '../../lib/errors'
import type { SessionIssuer } from '../auth/sessions.service'
import { findUserByOpenid } from '../users/users.repo'

export const DEMO_OPENIDS = { main: 'demo-main-openid', sub: 'demo-sub-openid' } as const

export async function demoSignIn(deps: { db: Db; sessions: SessionIssuer }, as: 'main' | 'sub'): Promise<Session> {
  const user = await findUserByOpenid(deps.db, DEMO_OPENIDS[as])
  if (!user) throw new AppError('NOT_FOUND', 'The demo org has not been seeded; run `pnpm seed:demo`')
  return deps.sessions.issue(user)
}
