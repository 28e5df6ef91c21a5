// Mail that matched no dedicated address (main account only), newest first.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { UnroutedMailPage } from '@sellerinbox/shared/api/mail-sources'
import { PageQuery } from '@sellerinbox/shared/api/messages'
import { listUnroutedMail } from '../../modules/unrouted/unrouted.service'
import { userErrors } from './errors'

const unroutedMailRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    { config: { access: 'main' }, schema: { tags: ['mail sources'], querystring: PageQuery, response: { 200: UnroutedMailPage, ...userErrors } } },
    async (request) => listUnroutedMail(app.ctx.db, request.actor, request.query),
  )
}

export default unroutedMailRoutes
