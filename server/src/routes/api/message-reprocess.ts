// Re-analysing a stored message from its raw source (main account): for mail stored with a parse
// error, or after the classifier improved.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams } from '@sellerinbox/shared/api/common'
import { reprocessMessage } from '../../ingest/reprocess'
import { notFound } from '../../lib/errors'
import { userErrors } from './errors'

const ReprocessResult = Type.Object({
  id: Type.Integer(),
  parseError: Type.Union([Type.String(), Type.Null()]),
  category: Type.String(),
  kind: Type.String(),
})

const reprocessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/:id/reprocess',
    { config: { access: 'main' }, schema: { tags: ['messages'], params: IdParams, response: { 200: ReprocessResult, ...userErrors } } },
    async (request) => {
      const result = await reprocessMessage(app.ctx, request.actor.orgId, request.params.id)
      if (!result) throw notFound('message')
      return result
    },
  )
}

export default reprocessRoutes
