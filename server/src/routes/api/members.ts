// Sub-accounts and their store access (main account only).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, Ok } from '@sellerinbox/shared/api/common'
import { Member, MemberList, SetStoreAccessBody } from '@sellerinbox/shared/api/members'
import { listMembers, removeMember, setStoreAccess } from '../../modules/members/members.service'
import { userErrors } from './errors'

const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { access: 'main' as const }
  const tags = ['members']

  // Every change here can change which channels someone sees: this process forgets its copy at once.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.method !== 'GET' && request.actor) app.ctx.channels.forgetOrg(request.actor.orgId)
    return payload
  })

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
