// Reply attachments: `POST /api/uploads` (multipart, one file, streamed and refused past 10 MB;
// its type decided by content). `?filename=` names the file when the multipart part cannot: the
// mini program's uploadFile names the part after WeChat's temporary path.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponse } from '@sellerinbox/shared/api/common'
import { Upload, UploadQuery } from '@sellerinbox/shared/api/replies'
import { AppError } from '../../lib/errors'
import { readLimited, saveUpload } from '../../modules/replies/uploads.service'
import { userErrors } from './errors'

const uploadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/',
    { schema: { tags: ['replies'], consumes: ['multipart/form-data'], querystring: UploadQuery, response: { 200: Upload, 413: ErrorResponse, 415: ErrorResponse, ...userErrors } } },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('VALIDATION_FAILED', 'Send the file as multipart/form-data with one file field')
      const file = await request.file()
      if (!file) throw new AppError('VALIDATION_FAILED', 'No file in the request; send one file field')
      const data = await readLimited(file.file)
      return saveUpload(app.ctx, request.actor, request.query.filename ?? file.filename, data)
    },
  )
}

export default uploadRoutes
