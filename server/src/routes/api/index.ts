// Every /api route. Access is declared per route (`config.access`); default is signed-in user.
import type { FastifyPluginAsync } from 'fastify'
import authRoutes from './auth'
import channelRoutes from './channels'
import inviteRoutes from './invites'
import meRoutes from './me'
import memberRoutes from './members'
import metaRoutes from './meta'
import storeRoutes from './stores'

const apiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(metaRoutes)
  await app.register(authRoutes, { prefix: '/auth' })
  await app.register(meRoutes)
  await app.register(storeRoutes, { prefix: '/stores' })
  await app.register(channelRoutes, { prefix: '/channels' })
  await app.register(memberRoutes, { prefix: '/members' })
  await app.register(inviteRoutes, { prefix: '/invites' })
}

export default apiRoutes
