// Stores and their marketplaces. Reads are open to sub-accounts (their stores only); changes are main-only.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams } from '@sellerinbox/shared/api/common'
import { AddChannelBody, Channel, CreateStoreBody, ListStoresQuery, Store, StoreList, UpdateStoreBody } from '@sellerinbox/shared/api/stores'
import { addChannel, createStore, getStore, listStores, setStoreArchived, updateStore } from '../../modules/stores/stores.service'
import { userErrors } from './errors'
import { forgetChannelsAfterWrites } from './forget-channels'
import { rerouteUnrouted } from '../../ingest/reroute'

const storeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = { db: app.ctx.db, inboundDomain: app.ctx.config.inboundDomain }
  const tags = ['stores']
  const main = { access: 'main' as const }
  forgetChannelsAfterWrites(app)

  // New addresses may match mail that arrived before they existed; route it in the background.
  const reroute = (orgId: number) => {
    rerouteUnrouted(app.ctx, orgId).catch((error: unknown) => app.log.warn({ err: error, orgId }, 'rerouting unrouted mail failed'))
  }

  app.get('/', { schema: { tags, querystring: ListStoresQuery, response: { 200: StoreList, ...userErrors } } }, async (request) => ({
    stores: await listStores(ctx, request.actor, request.query.includeArchived ?? false),
  }))

  app.post('/', { config: main, schema: { tags, body: CreateStoreBody, response: { 200: Store, ...userErrors } } }, async (request) => {
    const store = await createStore(ctx, request.actor, request.body)
    if (store.channels.length) reroute(request.actor.orgId)
    return store
  })

  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: Store, ...userErrors } } }, async (request) =>
    getStore(ctx, request.actor, request.params.id),
  )

  app.patch('/:id', { config: main, schema: { tags, params: IdParams, body: UpdateStoreBody, response: { 200: Store, ...userErrors } } }, async (request) =>
    updateStore(ctx, request.actor, request.params.id, request.body),
  )

  app.post('/:id/archive', { config: main, schema: { tags, params: IdParams, response: { 200: Store, ...userErrors } } }, async (request) =>
    setStoreArchived(ctx, request.actor, request.params.id, true),
  )

  app.post('/:id/restore', { config: main, schema: { tags, params: IdParams, response: { 200: Store, ...userErrors } } }, async (request) =>
    setStoreArchived(ctx, request.actor, request.params.id, false),
  )

  app.post(
    '/:id/channels',
    { config: main, schema: { tags, params: IdParams, body: AddChannelBody, response: { 200: Channel, ...userErrors } } },
    async (request) => {
      const channel = await addChannel(ctx, request.actor, request.params.id, request.body.marketplace)
      reroute(request.actor.orgId)
      return channel
    },
  )
}

export default storeRoutes

