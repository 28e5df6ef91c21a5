// Invites: the main account creates a single-use, expiring invite; a new WeChat user accepts it and
// becomes a sub-account with the stores the invite names. Only the token's hash is stored.
import type { CreatedInvite, Invite, InvitePreview, Session } from '@sellerinbox/shared/api/auth'
import type { Db } from '../../db/kysely'
import type { InviteRow } from '../../db/schema'
import { isDuplicateKey } from '../../db/errors'
import { AppError, notFound } from '../../lib/errors'
import { randomToken, sha256Hex } from '../../lib/random'
import type { Actor } from '../actor'
import type { SessionIssuer } from '../auth/sessions.service'
import { alreadyRegistered } from '../auth/sign-in.service'
import { findUserByOpenid, findUserById, getOrg, insertUser } from '../users/users.repo'
import type { WechatClient } from '../wechat/wechat.client'
import { assertStoresInOrg } from '../stores/stores.repo'

export const INVITE_PAGE = 'packages/account/invite/index'

export function presentInvite(row: InviteRow, now: Date): Invite {
  const status = row.acceptedAt ? 'accepted' : row.revokedAt ? 'revoked' : row.expiresAt <= now ? 'expired' : 'pending'
  return {
    id: row.id,
    note: row.note,
    storeIds: JSON.parse(row.storeIds) as number[],
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    status,
  }
}

export async function createInvite(
  db: Db,
  actor: Actor,
  input: { note?: string; storeIds?: number[] },
  ttlHours: number,
  now = new Date(),
): Promise<CreatedInvite> {
  const storeIds = [...new Set(input.storeIds ?? [])]
  await assertStoresInOrg(db, actor.orgId, storeIds)
  const token = randomToken(24)
  const result = await db
    .insertInto('invites')
    .values({
      orgId: actor.orgId,
      tokenHash: sha256Hex(token),
      note: input.note ?? null,
      storeIds: JSON.stringify(storeIds),
      createdBy: actor.userId,
      expiresAt: new Date(now.getTime() + ttlHours * 3600_000),
      acceptedBy: null,
      acceptedAt: null,
      revokedAt: null,
    })
    .executeTakeFirstOrThrow()
  const row = await db.selectFrom('invites').selectAll().where('id', '=', Number(result.insertId)).executeTakeFirstOrThrow()
  return { invite: presentInvite(row, now), token, path: `/${INVITE_PAGE}?token=${token}` }
}

export async function listInvites(db: Db, actor: Actor, now = new Date()): Promise<Invite[]> {
  const rows = await db
    .selectFrom('invites')
    .selectAll()
    .where('orgId', '=', actor.orgId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute()
  return rows.map((row) => presentInvite(row, now))
}

export async function revokeInvite(db: Db, actor: Actor, id: number, now = new Date()): Promise<void> {
  const result = await db
    .updateTable('invites')
    .set({ revokedAt: now })
    .where('orgId', '=', actor.orgId)
    .where('id', '=', id)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) {
    const exists = await db.selectFrom('invites').select('id').where('orgId', '=', actor.orgId).where('id', '=', id).executeTakeFirst()
    if (!exists) throw notFound('invite')
    throw new AppError('INVITE_USED', 'This invite was already accepted or revoked')
  }
}

async function usableInvite(db: Db, token: string, now: Date): Promise<InviteRow> {
  const row = await db.selectFrom('invites').selectAll().where('tokenHash', '=', sha256Hex(token)).executeTakeFirst()
  if (!row || row.revokedAt) throw new AppError('INVITE_INVALID', 'This invite does not exist or was revoked; ask the main account for a new one')
  if (row.acceptedAt) throw new AppError('INVITE_USED', 'This invite has already been used; ask the main account for a new one')
  if (row.expiresAt <= now) throw new AppError('INVITE_EXPIRED', 'This invite has expired; ask the main account for a new one')
  return row
}

export async function previewInvite(db: Db, token: string, now = new Date()): Promise<InvitePreview> {
  const row = await usableInvite(db, token, now)
  const [org, inviter] = await Promise.all([getOrg(db, row.orgId), findUserById(db, row.createdBy)])
  return { orgName: org.name, inviterName: inviter?.displayName ?? '', expiresAt: row.expiresAt.toISOString() }
}

export async function acceptInvite(
  deps: { db: Db; wechat: WechatClient; sessions: SessionIssuer },
  input: { token: string; code: string; displayName?: string },
  now = new Date(),
): Promise<Session> {
  const { db } = deps
  // Check before spending the login code, and again under the row lock.
  await usableInvite(db, input.token, now)
  const { openid } = await deps.wechat.code2session(input.code)
  if (await findUserByOpenid(db, openid)) throw alreadyRegistered()
  let userId: number
  try {
    userId = await db.transaction().execute(async (tx) => {
      const invite = await tx
        .selectFrom('invites')
        .selectAll()
        .where('tokenHash', '=', sha256Hex(input.token))
        .forUpdate()
        .executeTakeFirstOrThrow()
      if (invite.acceptedAt) throw new AppError('INVITE_USED', 'This invite has already been used; ask the main account for a new one')
      if (invite.revokedAt) throw new AppError('INVITE_INVALID', 'This invite was revoked; ask the main account for a new one')
      if (invite.expiresAt <= now) throw new AppError('INVITE_EXPIRED', 'This invite has expired; ask the main account for a new one')
      const user = await insertUser(tx, {
        orgId: invite.orgId,
        role: 'sub',
        openid,
        displayName: input.displayName ?? invite.note ?? '子账号',
      })
      const wanted = JSON.parse(invite.storeIds) as number[]
      // Stores archived or deleted since the invite was written are skipped, not an error.
      const stores = wanted.length
        ? await tx.selectFrom('stores').select('id').where('orgId', '=', invite.orgId).where('id', 'in', wanted).where('archivedAt', 'is', null).execute()
        : []
      if (stores.length) {
        await tx
          .insertInto('userStoreAccess')
          .values(stores.map((s) => ({ userId: user.id, storeId: s.id, orgId: invite.orgId, grantedBy: invite.createdBy })))
          .execute()
      }
      await tx.updateTable('invites').set({ acceptedAt: now, acceptedBy: user.id }).where('id', '=', invite.id).execute()
      return user.id
    })
  } catch (error) {
    if (isDuplicateKey(error)) throw alreadyRegistered()
    throw error
  }
  const user = await findUserById(db, userId)
  if (!user) throw notFound('user')
  return deps.sessions.issue(user, false)
}
