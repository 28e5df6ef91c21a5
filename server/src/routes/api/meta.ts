import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Meta } from '@sellerinbox/shared/api/meta'

const metaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/meta', { config: { access: 'public' }, schema: { tags: ['meta'], response: { 200: Meta } } }, async () => ({
    demo: app.ctx.config.demoMode,
    inboundDomain: app.ctx.config.inboundDomain,
    qrTicketTtlSeconds: app.ctx.config.qrTicketTtlSeconds,
  }))
}

export default metaRoutes
