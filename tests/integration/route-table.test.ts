// Every /api route requires a token unless it is on this explicit allow-list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/app'

const PUBLIC_ROUTES = [
  'GET /api/meta',
  'POST /api/auth/wechat',
  'POST /api/auth/refresh',
  'POST /api/auth/demo',
  'GET /api/auth/invites/:token',
  'POST /api/auth/invites/accept',
  'POST /api/auth/qr-tickets',
  'GET /api/auth/qr-tickets/:ticket',
  // WeChat's message push (subscription events) carries no bearer token; every call must carry a
  // valid signature over WECHAT_PUSH_TOKEN instead (notifications-push.ts), tested in notify-api.
  'GET /api/wechat/message-push',
  'POST /api/wechat/message-push',
].sort()

let t: TestApp
beforeAll(async () => {
  // Demo mode registers every route there is, including the demo sign-in.
  t = await buildTestApp({ DEMO_MODE: 'true' })
})
afterAll(async () => t.close())

const fill = (url: string) => url.replace(/:id\b/g, '1').replace(/:[a-zA-Z]+/g, 'x'.repeat(32))

describe('route table', () => {
  it('has exactly the allow-listed public routes', () => {
    const open = t.app.apiRoutes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`)
    expect(open.sort()).toEqual(PUBLIC_ROUTES)
    expect(t.app.apiRoutes.length).toBeGreaterThan(PUBLIC_ROUTES.length + 15)
  })

  it('keeps IMAP accounts, unrouted mail and raw sources to the main account', () => {
    const mainOnly = t.app.apiRoutes
      .filter((r) => r.url.startsWith('/api/mail-sources') || r.url.startsWith('/api/unrouted-mail') || r.url.endsWith('/raw'))
      .map((r) => `${r.method} ${r.url} ${r.access}`)
    expect(mainOnly.sort()).toEqual(
      [
        'GET /api/mail-sources',
        'POST /api/mail-sources',
        'POST /api/mail-sources/test',
        'GET /api/mail-sources/:id',
        'PATCH /api/mail-sources/:id',
        'DELETE /api/mail-sources/:id',
        'POST /api/mail-sources/:id/test',
        'GET /api/unrouted-mail',
        'GET /api/messages/:id/raw',
      ]
        .map((r) => `${r} main`)
        .sort(),
    )
  })

  it('answers 401 on every other /api route without a valid token', async () => {
    const guarded = t.app.apiRoutes.filter((r) => r.access !== 'public')
    for (const route of guarded) {
      for (const authorization of [undefined, 'Bearer forged.token.value']) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: fill(route.url),
          headers: authorization ? { authorization } : {},
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        })
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(401)
        expect(res.json().code).toBe('UNAUTHENTICATED')
      }
    }
  })

  it('does not register the demo sign-in outside demo mode', async () => {
    const plain = await buildTestApp()
    try {
      expect(plain.app.apiRoutes.map((r) => r.url)).not.toContain('/api/auth/demo')
      const res = await plain.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { as: 'main' } })
      expect(res.statusCode).toBe(404)
      expect(res.json().code).toBe('ROUTE_NOT_FOUND')
    } finally {
      await plain.close()
    }
  })
})
