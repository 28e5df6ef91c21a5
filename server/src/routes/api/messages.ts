// The inbox: message pages and counts, one message, its raw source (main account only), and
// the marks users make — status, read, replied on platform, tags — on one message or in bulk.
// Every route is scoped by org and, for sub-accounts, by the stores they may see.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams } from '@sellerinbox/shared/api/common'
import { BulkRejected, BulkRequest, BulkResult, InboxCounts, InboxCountsQuery, InboxQuery, SetMessageTagsBody, UpdateMessageBody } from '@sellerinbox/shared/api/inbox'
import { MessageDetail, MessagePage } from '@sellerinbox/shared/api/messages'
import { attachmentDisposition, DOWNLOAD_HEADERS } from '../../modules/messages/download'
import { bulkMark, markRepliedOnPlatform, setTags, updateMarks } from '../../modules/messages/marks.service'
import { countMessages, getMessage, getRawMessage, listMessages } from '../../modules/messages/messages.service'
import { userErrors } from './errors'

const messageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.ctx
  const ctx = { db, storage: app.ctx.storage }
  const inbox = { db, channels: app.ctx.channels }
  const tags = ['messages']
  const detail = { 200: MessageDetail, ...userErrors }

  app.get('/', { schema: { tags, querystring: InboxQuery, response: { 200: MessagePage, ...userErrors } } }, async (request) =>
    listMessages(inbox, request.actor, request.query),
  )

  app.get('/counts', { schema: { tags, querystring: InboxCountsQuery, response: { 200: InboxCounts, ...userErrors } } }, async (request) =>
    countMessages(inbox, request.actor, request.query),
  )

  app.post(
    '/bulk',
    {
      schema: {
        tags,
        description: 'All or nothing: when any message fails, nothing is applied and the answer is 409 BULK_REJECTED with every result',
        body: BulkRequest,
        response: { 200: BulkResult, ...userErrors, 409: Type.Union([BulkRejected, userErrors[409]]) },
      },
    },
    async (request) => bulkMark(db, request.actor, request.body.ids, request.body.action),
  )

  app.get('/:id', { schema: { tags, params: IdParams, response: detail } }, async (request) => getMessage(db, request.actor, request.params.id))

  app.patch('/:id', { schema: { tags, params: IdParams, body: UpdateMessageBody, response: detail } }, async (request) => {
    await updateMarks(db, request.actor, request.params.id, request.body)
    return getMessage(db, request.actor, request.params.id)
  })

  app.post(
    '/:id/replied-on-platform',
    { schema: { tags, description: 'Final: the status can never change again, and the SLA clock stops', params: IdParams, response: detail } },
    async (request) => {
      await markRepliedOnPlatform(db, request.actor, request.params.id)
      return getMessage(db, request.actor, request.params.id)
    },
  )

  app.put('/:id/tags', { schema: { tags, params: IdParams, body: SetMessageTagsBody, response: detail } }, async (request) => {
    await setTags(db, request.actor, request.params.id, request.body.tagIds)
    return getMessage(db, request.actor, request.params.id)
  })

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
