// Stores and their marketplace channels: create, edit, archive, add marketplaces, confirm binding.
// Management is for the main account (enforced at the route); reads are scoped by visibility.
// A store's region is where its seller account is registered; with Amazon's unified accounts it may
// sell in marketplaces of other regions too, so the region does not restrict its channels.
import type { Channel, Store } from '@sellerinbox/shared/api/stores'
import type { Region } from '@sellerinbox/shared/domain/marketplaces'
import { ADDRESS_RANDOM_ALPHABET, ADDRESS_RANDOM_LENGTH, buildDedicatedAddress } from '@sellerinbox/shared/domain/dedicated-address'
import type { Db, Tx } from '../../db/kysely'
import type { ChannelRow, StoreRow } from '../../db/schema'
import { isDuplicateKey } from '../../db/errors'
import { AppError, notFound } from '../../lib/errors'
import { randomString } from '../../lib/random'
import type { Actor } from '../actor'
import { channelsOfStores, getStoreRow, listStoreRows } from './stores.repo'
import { presentChannel, presentStore } from './stores.presenter'

export interface StoresContext {
  db: Db
  inboundDomain: string
}

export async function listStores(ctx: StoresContext, actor: Actor, includeArchived: boolean): Promise<Store[]> {
  const rows = await listStoreRows(ctx.db, actor, includeArchived && actor.role === 'main')
  const channels = await channelsOfStores(ctx.db, actor.orgId, rows.map((r) => r.id))
  return rows.map((row) => presentStore(row, channels))
}

export async function getStore(ctx: StoresContext, actor: Actor, id: number): Promise<Store> {
  const row = await getStoreRow(ctx.db, actor, id)
  return presentStore(row, await channelsOfStores(ctx.db, actor.orgId, [row.id]))
}

export async function createStore(
  ctx: StoresContext,
  actor: Actor,
  input: { name: string; region: Region; marketplaces?: string[] },
): Promise<Store> {
  const marketplaces = [...new Set(input.marketplaces ?? [])]
  const storeId = await ctx.db.transaction().execute(async (tx) => {
    const result = await tx
      .insertInto('stores')
      .values({ orgId: actor.orgId, name: input.name.trim(), region: input.region, archivedAt: null })
      .executeTakeFirstOrThrow()
    const id = Number(result.insertId)
    for (const marketplace of marketplaces) await insertChannel(tx, ctx.inboundDomain, actor.orgId, id, input.name, marketplace)
    return id
  })
  return getStore(ctx, actor, storeId)
}

export async function updateStore(
  ctx: StoresContext,
  actor: Actor,
  id: number,
  input: { name?: string; region?: Region },
): Promise<Store> {
  await getStoreRow(ctx.db, actor, id)
  await ctx.db
    .updateTable('stores')
    .set({ ...(input.name ? { name: input.name.trim() } : {}), ...(input.region ? { region: input.region } : {}), updatedAt: new Date() })
    .where('orgId', '=', actor.orgId)
    .where('id', '=', id)
    .execute()
  return getStore(ctx, actor, id)
}

export async function setStoreArchived(ctx: StoresContext, actor: Actor, id: number, archived: boolean): Promise<Store> {
  await getStoreRow(ctx.db, actor, id)
  await ctx.db
    .updateTable('stores')
    .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
    .where('orgId', '=', actor.orgId)
    .where('id', '=', id)
    .execute()
  return getStore(ctx, actor, id)
}

export async function addChannel(ctx: StoresContext, actor: Actor, storeId: number, marketplace: string): Promise<Channel> {
  const store = await getStoreRow(ctx.db, actor, storeId)
  if (store.archivedAt) throw new AppError('STORE_ARCHIVED', 'The store is archived; restore it before adding marketplaces')
  const channel = await ctx.db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('channels').select('id').where('storeId', '=', storeId).where('marketplace', '=', marketplace).executeTakeFirst()
    if (existing) throw new AppError('CHANNEL_EXISTS', `The store already has marketplace ${marketplace}`)
    return insertChannel(tx, ctx.inboundDomain, actor.orgId, storeId, store.name, marketplace)
  })
  return presentChannel(channel)
}

export async function setChannelBinding(ctx: StoresContext, actor: Actor, channelId: number, bound: boolean): Promise<Channel> {
  const channel = await getChannelRow(ctx.db, actor, channelId)
  await ctx.db
    .updateTable('channels')
    .set(bound ? { bindingStatus: 'bound', boundAt: new Date(), boundBy: actor.userId } : { bindingStatus: 'unbound', boundAt: null, boundBy: null })
    .where('orgId', '=', actor.orgId)
    .where('id', '=', channel.id)
    .execute()
  return presentChannel(await getChannelRow(ctx.db, actor, channelId))
}

async function getChannelRow(db: Db, actor: Actor, id: number): Promise<ChannelRow> {
  const row = await db.selectFrom('channels').selectAll().where('orgId', '=', actor.orgId).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('channel')
  // Visibility follows the store (a sub-account sees channels of its stores only).
  await getStoreRow(db, actor, row.storeId)
  return row
}

async function insertChannel(tx: Tx, inboundDomain: string, orgId: number, storeId: number, storeName: string, marketplace: string): Promise<ChannelRow> {
  // 50 random bits make a collision practically impossible; retry anyway rather than fail a user.
  for (let attempt = 0; ; attempt++) {
    const address = buildDedicatedAddress(storeName, marketplace, randomString(ADDRESS_RANDOM_ALPHABET, ADDRESS_RANDOM_LENGTH), inboundDomain)
    try {
      const result = await tx
        .insertInto('channels')
        .values({ orgId, storeId, marketplace, dedicatedAddress: address, boundAt: null, boundBy: null, lastMailAt: null })
        .executeTakeFirstOrThrow()
      return tx.selectFrom('channels').selectAll().where('id', '=', Number(result.insertId)).executeTakeFirstOrThrow()
    } catch (error) {
      if (isDuplicateKey(error) && attempt < 3 && !String((error as Error).message).includes('store_marketplace')) continue
      if (isDuplicateKey(error)) throw new AppError('CHANNEL_EXISTS', `The store already has marketplace ${marketplace}`)
      throw error
    }
  }
}

export type { StoreRow }
