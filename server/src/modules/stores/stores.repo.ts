// Reads stores and channels scoped by org and, for sub-accounts, by their store access.
import type { Db, Tx } from '../../db/kysely'
import type { ChannelRow, StoreRow } from '../../db/schema'
import { notFound } from '../../lib/errors'
import type { Actor } from '../actor'

/** Store ids the actor may see: all of the org's for the main account, granted ones for a sub-account. */
export function visibleStores(db: Db | Tx, actor: Actor) {
  let query = db.selectFrom('stores').selectAll('stores').where('stores.orgId', '=', actor.orgId)
  if (actor.role === 'sub') {
    query = query
      .innerJoin('userStoreAccess', 'userStoreAccess.storeId', 'stores.id')
      .where('userStoreAccess.userId', '=', actor.userId)
      .where('stores.archivedAt', 'is', null)
  }
  return query
}

export interface VisibleChannel {
  id: number
  storeId: number
  storeName: string
  marketplace: string
}

/** The channels of every store the actor may see (a few hundred at most, even for a large seller). */
export async function visibleChannels(db: Db, actor: Actor): Promise<VisibleChannel[]> {
  return db
    .selectFrom('channels')
    .innerJoin('stores', 'stores.id', 'channels.storeId')
    .select(['channels.id', 'channels.storeId', 'stores.name as storeName', 'channels.marketplace'])
    .where('channels.orgId', '=', actor.orgId)
    .where('channels.storeId', 'in', visibleStores(db, actor).clearSelect().select('stores.id'))
    .execute()
}

export async function listStoreRows(db: Db, actor: Actor, includeArchived: boolean): Promise<StoreRow[]> {
  let query = visibleStores(db, actor)
  if (!includeArchived) query = query.where('stores.archivedAt', 'is', null)
  return query.orderBy('stores.createdAt', 'asc').orderBy('stores.id', 'asc').execute()
}

export async function getStoreRow(db: Db | Tx, actor: Actor, id: number): Promise<StoreRow> {
  const row = await visibleStores(db, actor).where('stores.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('store')
  return row
}

export async function channelsOfStores(db: Db | Tx, orgId: number, storeIds: number[]): Promise<ChannelRow[]> {
  if (storeIds.length === 0) return []
  return db
    .selectFrom('channels')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('storeId', 'in', storeIds)
    .orderBy('id', 'asc')
    .execute()
}

/** Throws NOT_FOUND unless every id is a store of this org (other orgs' ids look the same as missing ones). */
export async function assertStoresInOrg(db: Db | Tx, orgId: number, storeIds: number[]): Promise<void> {
  if (storeIds.length === 0) return
  const found = await db.selectFrom('stores').select('id').where('orgId', '=', orgId).where('id', 'in', storeIds).execute()
  const known = new Set(found.map((s) => s.id))
  const missing = storeIds.filter((id) => !known.has(id))
  if (missing.length) throw notFound(`store ${missing.join(', ')}`)
}
