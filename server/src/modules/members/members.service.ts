// The main account's view of its people: sub-accounts, their store access, removal.
import type { Member } from '@sellerinbox/shared/api/members'
import type { Db } from '../../db/kysely'
import type { UserRow } from '../../db/schema'
import { AppError, notFound } from '../../lib/errors'
import type { Actor } from '../actor'
import { assertStoresInOrg } from '../stores/stores.repo'
import { findUserInOrg } from '../users/users.repo'

function presentMember(user: UserRow, storeIds: number[]): Member {
  return { id: user.id, role: user.role, displayName: user.displayName, storeIds, createdAt: user.createdAt.toISOString() }
}

async function accessOf(db: Db, orgId: number, userIds: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>()
  if (!userIds.length) return map
  const rows = await db
    .selectFrom('userStoreAccess')
    .select(['userId', 'storeId'])
    .where('orgId', '=', orgId)
    .where('userId', 'in', userIds)
    .orderBy('storeId')
    .execute()
  for (const row of rows) map.set(row.userId, [...(map.get(row.userId) ?? []), row.storeId])
  return map
}

export async function listMembers(db: Db, actor: Actor): Promise<Member[]> {
  const users = await db.selectFrom('users').selectAll().where('orgId', '=', actor.orgId).orderBy('role').orderBy('id').execute()
  const access = await accessOf(db, actor.orgId, users.map((u) => u.id))
  return users.map((u) => presentMember(u, access.get(u.id) ?? []))
}

async function subAccount(db: Db, actor: Actor, userId: number): Promise<UserRow> {
  const user = await findUserInOrg(db, actor.orgId, userId)
  if (!user) throw notFound('member')
  if (user.role !== 'sub') throw new AppError('FORBIDDEN_ROLE', 'The main account always sees every store and cannot be removed')
  return user
}

export async function setStoreAccess(db: Db, actor: Actor, userId: number, storeIds: number[]): Promise<Member> {
  const user = await subAccount(db, actor, userId)
  const unique = [...new Set(storeIds)]
  await assertStoresInOrg(db, actor.orgId, unique)
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('userStoreAccess').where('orgId', '=', actor.orgId).where('userId', '=', user.id).execute()
    if (unique.length) {
      await tx
        .insertInto('userStoreAccess')
        .values(unique.map((storeId) => ({ userId: user.id, storeId, orgId: actor.orgId, grantedBy: actor.userId })))
        .execute()
    }
  })
  return presentMember(user, unique.sort((a, b) => a - b))
}

export async function removeMember(db: Db, actor: Actor, userId: number): Promise<void> {
  const user = await subAccount(db, actor, userId)
  // Refresh tokens and store access go with the user (ON DELETE CASCADE); the WeChat user may
  // later join another team or start their own.
  await db.deleteFrom('users').where('orgId', '=', actor.orgId).where('id', '=', user.id).execute()
}
