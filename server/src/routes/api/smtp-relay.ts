// The organisation's own SMTP relay for replies (main account). Without one, the global relay from
// the server configuration is used. The password is stored encrypted and never returned.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { SmtpRelayBody, SmtpRelaySetting } from '@sellerinbox/shared/api/replies'
import { userErrors } from './errors'

const smtpRelayRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { access: 'main' as const }
  const tags = ['replies']

  async function current(orgId: number) {
    const row = await app.ctx.db.selectFrom('smtpRelays').select(['host', 'port', 'tlsMode', 'username']).where('orgId', '=', orgId).executeTakeFirst()
    return { relay: row ?? null, usesGlobal: !row }
  }

  app.get('/', { config, schema: { tags, response: { 200: SmtpRelaySetting, ...userErrors } } }, async (request) => current(request.actor.orgId))

  app.put('/', { config, schema: { tags, body: SmtpRelayBody, response: { 200: SmtpRelaySetting, ...userErrors } } }, async (request) => {
    const { password, ...relay } = request.body
    const values = {
      host: relay.host,
      port: relay.port,
      tlsMode: relay.tlsMode,
      username: relay.username,
      ...(password !== undefined ? { passwordEnc: password ? app.ctx.secrets.seal(password) : null } : {}),
      updatedAt: new Date(),
    }
    await app.ctx.db
      .insertInto('smtpRelays')
      .values({ orgId: request.actor.orgId, passwordEnc: null, ...values })
      .onDuplicateKeyUpdate(values)
      .execute()
    return current(request.actor.orgId)
  })

  app.delete('/', { config, schema: { tags, response: { 200: SmtpRelaySetting, ...userErrors } } }, async (request) => {
    await app.ctx.db.deleteFrom('smtpRelays').where('orgId', '=', request.actor.orgId).execute()
    return current(request.actor.orgId)
  })
}

export default smtpRelayRoutes
