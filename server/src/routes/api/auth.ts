// Sign-in routes: WeChat code, refresh, logout, invites, web QR sign-in and (demo mode only) demo sign-in.
// Every public sign-in route is rate-limited per client IP.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AcceptInviteBody,
  DemoSignInBody,
  InvitePreview,
  InviteTokenParams,
  QrPollQuery,
  QrTicket,
  QrTicketParams,
  QrTicketState,
  RefreshBody,
  Session,
  WechatSignInBody,
} from '@sellerinbox/shared/api/auth'
import { Ok } from '@sellerinbox/shared/api/common'
import { signInWithWechat } from '../../modules/auth/sign-in.service'
import { demoSignIn } from '../../modules/demo/demo.service'
import { acceptInvite, previewInvite } from '../../modules/invites/invites.service'
import { confirmQrTicket, createQrTicket, pollQrTicket } from '../../modules/qr-login/qr-login.service'
import { publicErrors, userErrors } from './errors'

const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app.ctx
  const signInLimit = { max: config.authRateLimitPerMinute, timeWindow: '1 minute' }
  const open = { access: 'public' as const, rateLimit: signInLimit }
  const tags = ['auth']

  app.post('/wechat', { config: open, schema: { tags, body: WechatSignInBody, response: { 200: Session, ...publicErrors } } }, async (request) =>
    signInWithWechat(app.ctx, request.body),
  )

  app.post('/refresh', { config: open, schema: { tags, body: RefreshBody, response: { 200: Session, ...publicErrors } } }, async (request) =>
    app.ctx.sessions.refresh(request.body.refreshToken),
  )

  app.post('/logout', { schema: { tags, body: RefreshBody, response: { 200: Ok, ...userErrors } } }, async (request) => {
    await app.ctx.sessions.revoke(request.body.refreshToken, request.actor.userId)
    return { ok: true as const }
  })

  app.get('/invites/:token', { config: open, schema: { tags, params: InviteTokenParams, response: { 200: InvitePreview, ...publicErrors } } }, async (request) =>
    previewInvite(app.ctx.db, request.params.token),
  )

  app.post('/invites/accept', { config: open, schema: { tags, body: AcceptInviteBody, response: { 200: Session, ...publicErrors } } }, async (request) =>
    acceptInvite(app.ctx, request.body),
  )

  app.post('/qr-tickets', { config: open, schema: { tags, response: { 200: QrTicket, ...publicErrors } } }, async () =>
    createQrTicket(app.ctx.db, config.qrTicketTtlSeconds),
  )

  app.get(
    '/qr-tickets/:ticket',
    {
      config: { access: 'public', rateLimit: { max: config.qrPollRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: { tags, params: QrTicketParams, querystring: QrPollQuery, response: { 200: QrTicketState, ...publicErrors } },
    },
    async (request) => pollQrTicket(app.ctx, request.params.ticket, request.query.pollToken),
  )

  app.post('/qr-tickets/:ticket/confirm', { schema: { tags, params: QrTicketParams, response: { 200: Ok, ...userErrors } } }, async (request) => {
    await confirmQrTicket(app.ctx.db, request.actor, request.params.ticket)
    return { ok: true as const }
  })

  // Demo sign-in exists only in demo mode: the route is not registered otherwise.
  if (config.demoMode) {
    app.post('/demo', { config: open, schema: { tags, body: DemoSignInBody, response: { 200: Session, ...publicErrors } } }, async (request) =>
      demoSignIn(app.ctx, request.body.as),
    )
  }
}

export default authRoutes
