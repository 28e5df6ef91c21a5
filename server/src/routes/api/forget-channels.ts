// For route groups whose writes can change which channels someone sees (stores, marketplaces,
// store access): after each write this process forgets its copy of the org's visible channels,
// so the next inbox request reads them again (see modules/stores/channel-directory.ts).
import type { FastifyInstance } from 'fastify'

export function forgetChannelsAfterWrites(app: FastifyInstance): void {
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.method !== 'GET' && request.actor) app.ctx.channels.forgetOrg(request.actor.orgId)
    return payload
  })
}
