// Issues and rotates sessions: a short-lived JWT access token plus a refresh token whose hash is
// stored. A refresh token works once; presenting a revoked one revokes the user's whole family.
import type { Session } from '@sellerinbox/shared/api/auth'
import type { Db } from '../../db/kysely'
import type { UserRow } from '../../db/schema'
import { AppError } from '../../lib/errors'
import { randomToken, sha256Hex } from '../../lib/random'
import { presentOrg, presentUser } from '../users/users.presenter'
import { findUserById, getOrg } from '../users/users.repo'

export interface AccessClaims {
  sub: string
  org: number
  role: 'main' | 'sub'
}

export interface SessionIssuer {
  issue(user: UserRow, created?: boolean): Promise<Session>
  refresh(refreshToken: string): Promise<Session>
  revoke(refreshToken: string, userId: number): Promise<void>
}

export interface SessionIssuerOptions {
  db: Db
  signAccessToken: (claims: AccessClaims) => string
  accessTokenTtlSeconds: number
  refreshTokenTtlSeconds: number
  now?: () => Date
}

export function createSessionIssuer(options: SessionIssuerOptions): SessionIssuer {
  const { db } = options
  const now = options.now ?? (() => new Date())

  async function issue(user: UserRow, created = false): Promise<Session> {
    const refreshToken = randomToken(32)
    await db
      .insertInto('refreshTokens')
      .values({
        userId: user.id,
        tokenHash: sha256Hex(refreshToken),
        expiresAt: new Date(now().getTime() + options.refreshTokenTtlSeconds * 1000),
        revokedAt: null,
      })
      .execute()
    const org = await getOrg(db, user.orgId)
    return {
      accessToken: options.signAccessToken({ sub: String(user.id), org: user.orgId, role: user.role }),
      expiresIn: options.accessTokenTtlSeconds,
      refreshToken,
      refreshExpiresIn: options.refreshTokenTtlSeconds,
      user: presentUser(user),
      org: presentOrg(org),
      created,
    }
  }

  return {
    issue,

    async refresh(refreshToken) {
      const hash = sha256Hex(refreshToken)
      const row = await db.selectFrom('refreshTokens').selectAll().where('tokenHash', '=', hash).executeTakeFirst()
      const invalid = new AppError('REFRESH_TOKEN_INVALID', 'The session has ended; sign in again')
      if (!row) throw invalid
      if (row.revokedAt) {
        // Reuse of a rotated token means it leaked: end every session of that user.
        await db.updateTable('refreshTokens').set({ revokedAt: now() }).where('userId', '=', row.userId).where('revokedAt', 'is', null).execute()
        throw invalid
      }
      if (row.expiresAt.getTime() <= now().getTime()) throw invalid
      // Conditional update: of two concurrent refreshes with the same token exactly one wins.
      const result = await db
        .updateTable('refreshTokens')
        .set({ revokedAt: now() })
        .where('id', '=', row.id)
        .where('revokedAt', 'is', null)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) throw invalid
      const user = await findUserById(db, row.userId)
      if (!user) throw invalid
      return issue(user)
    },

    async revoke(refreshToken, userId) {
      await db
        .updateTable('refreshTokens')
        .set({ revokedAt: now() })
        .where('tokenHash', '=', sha256Hex(refreshToken))
        .where('userId', '=', userId)
        .where('revokedAt', 'is', null)
        .execute()
    },
  }
}
