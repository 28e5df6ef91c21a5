// Reads and writes users and orgs. Every lookup by id is scoped by org.
import type { Db, Tx } from '../../db/kysely'
import type { OrgRow, UserRow } from '../../db/schema'

export async function findUserByOpenid(db: Db | Tx, openid: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('openid', '=', openid).executeTakeFirst()
}

export async function findUserById(db: Db | Tx, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findUserInOrg(db: Db | Tx, orgId: number, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('orgId', '=', orgId).where('id', '=', id).executeTakeFirst()
}

export async function getOrg(db: Db | Tx, id: number): Promise<OrgRow> {
  return db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

export async function insertUser(
  tx: Tx,
  user: { orgId: number; role: 'main' | 'sub'; openid: string; displayName: string },
): Promise<UserRow> {
  const result = await tx.insertInto('users').values(user).executeTakeFirstOrThrow()
  return tx.selectFrom('users').selectAll().where('id', '=', Number(result.insertId)).executeTakeFirstOrThrow()
}

export async function insertOrg(tx: Tx, name: string): Promise<OrgRow> {
  const result = await tx.insertInto('orgs').values({ name }).executeTakeFirstOrThrow()
  return tx.selectFrom('orgs').selectAll().where('id', '=', Number(result.insertId)).executeTakeFirstOrThrow()
}
