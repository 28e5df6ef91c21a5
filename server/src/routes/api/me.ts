import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Me, UpdateMeBody } from '@sellerinbox/shared/api/auth'
import { getMe, updateMe } from '../../modules/users/me.service'
import { userErrors } from './errors'

const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['me']
  app.get('/me', { schema: { tags, response: { 200: Me, ...userErrors } } }, async (request) => getMe(app.ctx.db, request.actor))
  app.patch('/me', { schema: { tags, body: UpdateMeBody, response: { 200: Me, ...userErrors } } }, async (request) =>
    updateMe(app.ctx.db, request.actor, request.body),
  )
}

export default meRoutes
