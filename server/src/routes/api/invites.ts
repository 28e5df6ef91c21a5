// Invites for new sub-accounts (main account only). Accepting one is under /api/auth.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { CreatedInvite, CreateInviteBody, Invite } from '@sellerinbox/shared/api/auth'
import { IdParams, Ok } from '@sellerinbox/shared/api/common'
import { createInvite, listInvites, revokeInvite } from '../../modules/invites/invites.service'
import { userErrors } from './errors'

const inviteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { access: 'main' as const }
  const tags = ['members']

  app.get('/', { config, schema: { tags, response: { 200: Type.Object({ invites: Type.Array(Invite) }), ...userErrors } } }, async (request) => ({
    invites: await listInvites(app.ctx.db, request.actor),
  }))

  app.post('/', { config, schema: { tags, body: CreateInviteBody, response: { 200: CreatedInvite, ...userErrors } } }, async (request) =>
    createInvite(app.ctx.db, request.actor, request.body, app.ctx.config.inviteTtlHours),
  )

  app.delete('/:id', { config, schema: { tags, params: IdParams, response: { 200: Ok, ...userErrors } } }, async (request) => {
    await revokeInvite(app.ctx.db, request.actor, request.params.id)
    return { ok: true as const }
  })
}

export default inviteRoutes
