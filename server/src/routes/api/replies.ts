// Replying to a message: what the reply box needs (context), sending (queued, idempotent), and the
// replies of a message with their delivery state.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams } from '@sellerinbox/shared/api/common'
import { Reply, ReplyContext, SendReplyBody } from '@sellerinbox/shared/api/replies'
import { ErrorResponse } from '@sellerinbox/shared/api/common'
import { enqueueReply, listReplies, replyContext } from '../../modules/replies/outbox.service'
import { getAnsweredMessage } from '../../modules/replies/replies.repo'
import { userErrors } from './errors'

const replyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['replies']
  const deps = () => ({ db: app.ctx.db, inboundDomain: app.ctx.config.inboundDomain, ...(app.ctx.nudgeOutbox ? { nudge: app.ctx.nudgeOutbox } : {}) })

  app.get('/:id/reply-context', { schema: { tags, params: IdParams, response: { 200: ReplyContext, ...userErrors } } }, async (request) =>
    replyContext(deps(), request.actor, request.params.id),
  )

  app.get('/:id/replies', { schema: { tags, params: IdParams, response: { 200: Type.Object({ replies: Type.Array(Reply) }), ...userErrors } } }, async (request) => {
    const message = await getAnsweredMessage(app.ctx.db, request.actor, request.params.id)
    return { replies: await listReplies(app.ctx.db, request.actor.orgId, message.id) }
  })

  app.post(
    '/:id/replies',
    { schema: { tags, params: IdParams, body: SendReplyBody, response: { 200: Reply, 422: ErrorResponse, ...userErrors } } },
    async (request) => enqueueReply(deps(), request.actor, request.params.id, request.body),
  )
}

export default replyRoutes
