// A channel's binding: the main account confirms the dedicated address is set in Seller Central.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams } from '@sellerinbox/shared/api/common'
import { Channel } from '@sellerinbox/shared/api/stores'
import { setChannelBinding } from '../../modules/stores/stores.service'
import { userErrors } from './errors'

const channelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = { db: app.ctx.db, inboundDomain: app.ctx.config.inboundDomain }
  const options = { config: { access: 'main' as const }, schema: { tags: ['stores'], params: IdParams, response: { 200: Channel, ...userErrors } } }

  app.post('/:id/binding', options, async (request) => setChannelBinding(ctx, request.actor, request.params.id, true))
  app.delete('/:id/binding', options, async (request) => setChannelBinding(ctx, request.actor, request.params.id, false))
}

export default channelRoutes
