// A conversation's communication history, oldest first, visible when its channel's store is.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams } from '@sellerinbox/shared/api/common'
import { ConversationHistory } from '@sellerinbox/shared/api/messages'
import { getConversationHistory } from '../../modules/messages/messages.service'
import { userErrors } from './errors'

const conversationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/:id/messages', { schema: { tags: ['messages'], params: IdParams, response: { 200: ConversationHistory, ...userErrors } } }, async (request) =>
    getConversationHistory(app.ctx.db, request.actor, request.params.id),
  )
}

export default conversationRoutes
