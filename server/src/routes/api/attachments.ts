// Attachment downloads, visible exactly when their message is. Served as downloads that the
// browser must neither render nor sniff: the bytes come from strangers' email.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams } from '@sellerinbox/shared/api/common'
import { attachmentDisposition, DOWNLOAD_HEADERS } from '../../modules/messages/download'
import { getAttachmentFile } from '../../modules/messages/messages.service'
import { userErrors } from './errors'

const attachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = { db: app.ctx.db, storage: app.ctx.storage }

  app.get(
    '/:id',
    {
      schema: {
        tags: ['messages'],
        params: IdParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The attachment bytes, with their stored content type' }), ...userErrors },
      },
    },
    async (request, reply) => {
      const file = await getAttachmentFile(ctx, request.actor, request.params.id)
      return reply.headers({ ...DOWNLOAD_HEADERS, 'content-type': file.contentType, 'content-disposition': attachmentDisposition(file.filename) }).send(file.data)
    },
  )
}

export default attachmentRoutes
