// Every /api route. Access is declared per route (`config.access`); default is signed-in user.
import type { FastifyPluginAsync } from 'fastify'
import attachmentRoutes from './attachments'
import authRoutes from './auth'
import channelRoutes from './channels'
import conversationRoutes from './conversations'
import inviteRoutes from './invites'
import mailSourceRoutes from './mail-sources'
import meRoutes from './me'
import memberRoutes from './members'
import messageRoutes from './messages'
import reprocessRoutes from './message-reprocess'
import replyRoutes from './replies'
import replySettingsRoutes from './reply-settings'
import smtpRelayRoutes from './smtp-relay'
import uploadRoutes from './uploads'
import metaRoutes from './meta'
import notificationRoutes from './notifications'
import notificationPushRoutes from './notifications-push'
import storeRoutes from './stores'
import tagRoutes from './tags'
import unroutedMailRoutes from './unrouted-mail'

const apiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(metaRoutes)
  await app.register(authRoutes, { prefix: '/auth' })
  await app.register(meRoutes)
  await app.register(storeRoutes, { prefix: '/stores' })
  await app.register(channelRoutes, { prefix: '/channels' })
  await app.register(memberRoutes, { prefix: '/members' })
  await app.register(inviteRoutes, { prefix: '/invites' })
  await app.register(mailSourceRoutes, { prefix: '/mail-sources' })
  await app.register(unroutedMailRoutes, { prefix: '/unrouted-mail' })
  await app.register(messageRoutes, { prefix: '/messages' })
  await app.register(reprocessRoutes, { prefix: '/messages' })
  await app.register(replyRoutes, { prefix: '/messages' })
  await app.register(replySettingsRoutes)
  await app.register(uploadRoutes, { prefix: '/uploads' })
  await app.register(smtpRelayRoutes, { prefix: '/smtp-relay' })
  await app.register(conversationRoutes, { prefix: '/conversations' })
  await app.register(attachmentRoutes, { prefix: '/attachments' })
  await app.register(tagRoutes, { prefix: '/tags' })
  await app.register(notificationRoutes, { prefix: '/notifications' })
  await app.register(notificationPushRoutes, { prefix: '/wechat' })
}

export default apiRoutes
