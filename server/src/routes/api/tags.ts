// Org tags. Everyone in the org lists them (and applies them: PUT /messages/:id/tags, bulk);
// only the main account creates, renames, recolours and deletes them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, Ok } from '@sellerinbox/shared/api/common'
import { CreateTagBody, TagList, UpdateTagBody } from '@sellerinbox/shared/api/inbox'
import { Tag } from '@sellerinbox/shared/api/messages'
import { createTag, deleteTag, listTags, updateTag } from '../../modules/tags/tags.service'
import { userErrors } from './errors'

const tagRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.ctx
  const tags = ['tags']

  app.get('/', { schema: { tags, response: { 200: TagList, ...userErrors } } }, async (request) => listTags(db, request.actor))

  app.post('/', { config: { access: 'main' }, schema: { tags, body: CreateTagBody, response: { 200: Tag, ...userErrors } } }, async (request) =>
    createTag(db, request.actor, request.body),
  )

  app.patch(
    '/:id',
    { config: { access: 'main' }, schema: { tags, params: IdParams, body: UpdateTagBody, response: { 200: Tag, ...userErrors } } },
    async (request) => updateTag(db, request.actor, request.params.id, request.body),
  )

  app.delete('/:id', { config: { access: 'main' }, schema: { tags, params: IdParams, response: { 200: Ok, ...userErrors } } }, async (request) => {
    await deleteTag(db, request.actor, request.params.id)
    return { ok: true as const }
  })
}

export default tagRoutes
