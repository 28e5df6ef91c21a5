// WeChat's message push (消息推送) for subscription events. Public — WeChat has no bearer token —
// but every call must carry a valid signature over the configured WECHAT_PUSH_TOKEN; without a
// token configured every call is refused.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ErrorResponse } from '@sellerinbox/shared/api/common'
import { WechatPushBody, WechatPushQuery } from '@sellerinbox/shared/api/notifications'
import { recordPushEvent, verifyPushSignature } from '../../modules/notifications/message-push.service'
import { publicErrors } from './errors'

const notificationPushRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { access: 'public' as const }
  const tags = ['notifications']
  const token = app.ctx.config.notify.pushToken
  const errors = { ...publicErrors, 403: ErrorResponse }

  // URL verification when the push URL is saved in the WeChat console: echo `echostr`.
  app.get('/message-push', { config, schema: { tags, querystring: WechatPushQuery, response: { 200: Type.String(), ...errors } } }, async (request, reply) => {
    verifyPushSignature(token, request.query)
    return reply.type('text/plain').send(request.query.echostr ?? '')
  })

  app.post('/message-push', { config, schema: { tags, querystring: WechatPushQuery, body: WechatPushBody, response: { 200: Type.String(), ...errors } } }, async (request, reply) => {
    verifyPushSignature(token, request.query)
    await recordPushEvent(app.ctx.db, request.body)
    return reply.type('text/plain').send('success')
  })
}

export default notificationPushRoutes
