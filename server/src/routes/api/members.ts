// Sub-accounts and their store access (main account only).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, Ok } from '@sellerinbox/shared/api/common'
import { Member, MemberList, SetStoreAccessBody } from '@sellerinbox/shared/api/members'
import { listMembers, removeMember, setStoreAccess } from '../../modules/members/members.service'
import { userErrors } from './errors'
import { forgetChannelsAfterWrites } from './forget-channels'

const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { access: 'main' as const }
  const tags = ['members']
  forgetChannelsAfterWrites(app)

  app.get('/', { config, schema: { tags, response: { 200: MemberList, ...userErrors } } }, async (request) => ({
    members: await listMembers(app.ctx.db, request.actor),
  }))

  app.put('/:id/stores', { config, schema: { tags, params: IdParams, body: SetStoreAccessBody, response: { 200: Member, ...userErrors } } }, async (request) =>
    setStoreAccess(app.ctx.db, request.actor, request.params.id, request.body.storeIds),
  )

  app.delete('/:id', { config, schema: { tags, params: IdParams, response: { 200: Ok, ...userErrors } } }, async (request) => {
    await removeMember(app.ctx.db, request.actor, request.params.id)
    app.forgetUser(request.params.id)
    return { ok: true as const }
  })
}

export default memberRoutes
