// Reading the inbox: message pages, one message, and (main account only) its raw source. Every
// read is scoped by org and, for sub-accounts, by the stores they may see.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams } from '@sellerinbox/shared/api/common'
import { ListMessagesQuery, MessageDetail, MessagePage } from '@sellerinbox/shared/api/messages'
import { attachmentDisposition, DOWNLOAD_HEADERS } from '../../modules/messages/download'
import { getMessage, getRawMessage, listMessages } from '../../modules/messages/messages.service'
import { userErrors } from './errors'

const messageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = { db: app.ctx.db, storage: app.ctx.storage }
  const tags = ['messages']

  app.get('/', { schema: { tags, querystring: ListMessagesQuery, response: { 200: MessagePage, ...userErrors } } }, async (request) =>
    listMessages(app.ctx.db, request.actor, request.query),
  )

  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: MessageDetail, ...userErrors } } }, async (request) =>
    getMessage(app.ctx.db, request.actor, request.params.id),
  )

  app.get(
    '/:id/raw',
    {
      config: { access: 'main' },
      schema: { tags, params: IdParams, response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The email as received (message/rfc822)' }), ...userErrors } },
    },
    async (request, reply) => {
      const file = await getRawMessage(ctx, request.actor, request.params.id)
      return reply.headers({ ...DOWNLOAD_HEADERS, 'content-type': file.contentType, 'content-disposition': attachmentDisposition(file.filename) }).send(file.data)
    },
  )
}

export default messageRoutes
