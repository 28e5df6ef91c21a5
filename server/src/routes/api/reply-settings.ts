// Templates, the org's forbidden words and the blacklist. Everyone reads them (the reply box needs
// them); only the main account changes them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams, Ok } from '@sellerinbox/shared/api/common'
import {
  BlacklistBody,
  BlacklistEntry,
  ForbiddenWordBody,
  ForbiddenWordItem,
  ReplyTemplate,
  ReplyTemplateBody,
  TemplatePreview,
  TemplatePreviewQuery,
} from '@sellerinbox/shared/api/replies'
import * as settings from '../../modules/replies/reply-settings.service'
import { userErrors } from './errors'

const replySettingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.ctx
  const main = { access: 'main' as const }
  const tags = ['replies']

  app.get('/reply-templates', { schema: { tags, response: { 200: Type.Object({ templates: Type.Array(ReplyTemplate) }), ...userErrors } } }, async (request) => ({
    templates: await settings.listTemplates(db, request.actor),
  }))
  app.post('/reply-templates', { config: main, schema: { tags, body: ReplyTemplateBody, response: { 200: ReplyTemplate, ...userErrors } } }, async (request) =>
    settings.saveTemplate(db, request.actor, request.body),
  )
  app.put('/reply-templates/:id', { config: main, schema: { tags, params: IdParams, body: ReplyTemplateBody, response: { 200: ReplyTemplate, ...userErrors } } }, async (request) =>
    settings.saveTemplate(db, request.actor, request.body, request.params.id),
  )
  app.delete('/reply-templates/:id', { config: main, schema: { tags, params: IdParams, response: { 200: Ok, ...userErrors } } }, async (request) => {
    await settings.deleteTemplate(db, request.actor, request.params.id)
    return { ok: true as const }
  })
  app.get(
    '/reply-templates/:id/preview',
    { schema: { tags, params: IdParams, querystring: TemplatePreviewQuery, response: { 200: TemplatePreview, ...userErrors } } },
    async (request) => settings.previewTemplate(db, request.actor, request.params.id, request.query.messageId),
  )

  app.get('/forbidden-words', { schema: { tags, response: { 200: Type.Object({ words: Type.Array(ForbiddenWordItem) }), ...userErrors } } }, async (request) => ({
    words: await settings.listForbiddenWords(db, request.actor),
  }))
  app.post('/forbidden-words', { config: main, schema: { tags, body: ForbiddenWordBody, response: { 200: ForbiddenWordItem, ...userErrors } } }, async (request) =>
    settings.addForbiddenWord(db, request.actor, request.body),
  )
  app.delete('/forbidden-words/:id', { config: main, schema: { tags, params: IdParams, response: { 200: Ok, ...userErrors } } }, async (request) => {
    await settings.deleteForbiddenWord(db, request.actor, request.params.id)
    return { ok: true as const }
  })

  app.get('/blacklist', { schema: { tags, response: { 200: Type.Object({ entries: Type.Array(BlacklistEntry) }), ...userErrors } } }, async (request) => ({
    entries: await settings.listBlacklist(db, request.actor),
  }))
  app.post('/blacklist', { config: main, schema: { tags, body: BlacklistBody, response: { 200: BlacklistEntry, ...userErrors } } }, async (request) =>
    settings.addBlacklistEntry(db, request.actor, request.body),
  )
  app.delete('/blacklist/:id', { config: main, schema: { tags, params: IdParams, response: { 200: Ok, ...userErrors } } }, async (request) => {
    await settings.deleteBlacklistEntry(db, request.actor, request.params.id)
    return { ok: true as const }
  })
}

export default replySettingsRoutes
