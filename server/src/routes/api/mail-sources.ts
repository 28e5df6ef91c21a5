// IMAP accounts to ingest, their health, and connection tests (main account only). Passwords go
// in and never come out: no response schema here has a password field.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponse, IdParams, Ok } from '@sellerinbox/shared/api/common'
import {
  ConnectionSettings,
  ConnectionTestResult,
  CreateMailSourceBody,
  MailSource,
  MailSourceList,
  TestStoredSourceBody,
  UpdateMailSourceBody,
} from '@sellerinbox/shared/api/mail-sources'
import {
  createMailSource,
  deleteMailSource,
  getMailSource,
  listMailSources,
  testConnection,
  testStoredConnection,
  updateMailSource,
} from '../../modules/mail-sources/mail-sources.service'
import { userErrors } from './errors'

/** Each test opens a connection to a host the caller chose; a few per minute is all a form needs. */
const CONNECTION_TESTS_PER_MINUTE = 20

const mailSourceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = { db: app.ctx.db, secrets: app.ctx.secrets }
  const config = { access: 'main' as const }
  const tags = ['mail sources']
  const connectionTest = {
    ...config,
    // Keyed by org, not IP: the auth hook has run, and one org must not test for another.
    rateLimit: { max: CONNECTION_TESTS_PER_MINUTE, timeWindow: '1 minute', keyGenerator: (request: { actor: { orgId: number } }) => `imap-test:${request.actor.orgId}` },
  }
  const testErrors = { ...userErrors, 429: ErrorResponse }

  app.get('/', { config, schema: { tags, response: { 200: MailSourceList, ...userErrors } } }, async (request) => ({
    sources: await listMailSources(ctx, request.actor),
  }))

  app.post('/', { config, schema: { tags, body: CreateMailSourceBody, response: { 200: MailSource, ...userErrors } } }, async (request) =>
    createMailSource(ctx, request.actor, request.body),
  )

  app.post('/test', { config: connectionTest, schema: { tags, body: ConnectionSettings, response: { 200: ConnectionTestResult, ...testErrors } } }, async (request) =>
    testConnection(request.body),
  )

  app.get('/:id', { config, schema: { tags, params: IdParams, response: { 200: MailSource, ...userErrors } } }, async (request) =>
    getMailSource(ctx, request.actor, request.params.id),
  )

  app.patch('/:id', { config, schema: { tags, params: IdParams, body: UpdateMailSourceBody, response: { 200: MailSource, ...userErrors } } }, async (request) =>
    updateMailSource(ctx, request.actor, request.params.id, request.body),
  )

  app.delete('/:id', { config, schema: { tags, params: IdParams, response: { 200: Ok, ...userErrors } } }, async (request) => {
    await deleteMailSource(ctx, request.actor, request.params.id)
    return { ok: true as const }
  })

  app.post(
    '/:id/test',
    {
      config: connectionTest,
      schema: { tags, params: IdParams, body: TestStoredSourceBody, response: { 200: ConnectionTestResult, ...testErrors } },
      // Overrides are optional, and so is the body that carries them.
      preValidation: async (request) => {
        request.body ??= {}
      },
    },
    async (request) => testStoredConnection(ctx, request.actor, request.params.id, request.body),
  )
}

export default mailSourceRoutes
