import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Writable } from 'node:stream'
import { buildApp } from '@sellerinbox/server/app'
import type { Session } from '@sellerinbox/shared'
import { addSubAccount, buildTestApp, clientFor, signUpMain, uniqueOpenid, type TestApp } from '../helpers/app'
import { signJwt } from '../helpers/jwt'
import { testConfig } from '../helpers/test-env'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const signIn = (code: string) => t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } })

describe('WeChat sign-in', () => {
  it('creates an org with the user as main account on first sign-in, and finds it again later', async () => {
    const openid = uniqueOpenid()
    const first = await signIn(t.standin.state.mintCode(openid).code)
    expect(first.statusCode).toBe(200)
    const session = first.json<Session>()
    expect(session.created).toBe(true)
    expect(session.user.role).toBe('main')
    expect(session.user.orgId).toBe(session.org.id)
    expect(session.accessToken.split('.')).toHaveLength(3)
    expect(JSON.stringify(session)).not.toContain(openid)

    const second = await signIn(t.standin.state.mintCode(openid).code)
    expect(second.statusCode).toBe(200)
    expect(second.json<Session>()).toMatchObject({ created: false, user: { id: session.user.id }, org: { id: session.org.id } })
  })

  it('rejects a used, unknown or failing code with a stable error code', async () => {
    const { code } = t.standin.state.mintCode(uniqueOpenid())
    expect((await signIn(code)).statusCode).toBe(200)
    const reused = await signIn(code)
    expect(reused.statusCode).toBe(400)
    expect(reused.json().code).toBe('WECHAT_CODE_INVALID')

    const unknown = await signIn('no-such-code')
    expect(unknown.json().code).toBe('WECHAT_CODE_INVALID')

    const busy = await signIn(t.standin.state.mintCode(uniqueOpenid(), -1).code)
    expect(busy.statusCode).toBe(503)
    expect(busy.json().code).toBe('WECHAT_UNAVAILABLE')

    const risky = await signIn(t.standin.state.mintCode(uniqueOpenid(), 40226).code)
    expect(risky.statusCode).toBe(403)
    expect(risky.json().code).toBe('WECHAT_USER_BLOCKED')
  })

  it('lists every invalid field at once', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { displayName: '' } })
    expect(res.statusCode).toBe(400)
    const body = res.json()
    expect(body.code).toBe('VALIDATION_FAILED')
    const paths = body.details.map((d: { path: string }) => d.path)
    expect(paths).toEqual(expect.arrayContaining(['body/code', 'body/displayName']))
  })

  it('says WeChat is unavailable when it cannot be reached', async () => {
    const app = await buildApp(testConfig({ WECHAT_API_BASE: 'http://127.0.0.1:9' }), { web: false, logger: false })
    try {
      const res = await app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'x' } })
      expect(res.statusCode).toBe(503)
      expect(res.json().code).toBe('WECHAT_UNAVAILABLE')
    } finally {
      await app.close()
    }
  })
})

describe('access tokens', () => {
  it('rejects missing, malformed, forged and expired tokens', async () => {
    const main = await signUpMain(t)
    const get = (authorization?: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: authorization ? { authorization } : {} })

    expect((await get()).json().code).toBe('UNAUTHENTICATED')
    expect((await get('Bearer')).statusCode).toBe(401)
    expect((await get('Bearer not.a.jwt')).json().code).toBe('UNAUTHENTICATED')

    const now = Math.floor(Date.now() / 1000)
    const claims = { sub: String(main.session.user.id), org: main.session.org.id, role: 'main' }
    const forged = signJwt({ ...claims, iat: now, exp: now + 600 }, 'some-other-secret-some-other-secret')
    expect((await get(`Bearer ${forged}`)).json().code).toBe('UNAUTHENTICATED')

    const expired = signJwt({ ...claims, iat: now - 1000, exp: now - 10 }, testConfig().jwtSecret)
    const res = await get(`Bearer ${expired}`)
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('TOKEN_EXPIRED')

    const valid = signJwt({ ...claims, iat: now, exp: now + 600 }, testConfig().jwtSecret)
    expect((await get(`Bearer ${valid}`)).statusCode).toBe(200)
  })

  it('does not let a token claim another org or role than the user has', async () => {
    const a = await signUpMain(t)
    const b = await signUpMain(t)
    const now = Math.floor(Date.now() / 1000)
    const crossOrg = signJwt({ sub: String(a.session.user.id), org: b.session.org.id, role: 'main', iat: now, exp: now + 600 }, testConfig().jwtSecret)
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${crossOrg}` } })
    expect(res.statusCode).toBe(401)

    const sub = await addSubAccount(t, a)
    const promoted = signJwt({ sub: String(sub.session.user.id), org: a.session.org.id, role: 'main', iat: now, exp: now + 600 }, testConfig().jwtSecret)
    const create = await t.app.inject({ method: 'POST', url: '/api/stores', headers: { authorization: `Bearer ${promoted}` }, payload: { name: 'x', region: 'NA' } })
    expect(create.statusCode).toBe(403)
    expect(create.json().code).toBe('FORBIDDEN_ROLE')
  })

  it('ends access at once for a removed sub-account', async () => {
    const main = await signUpMain(t)
    const sub = await addSubAccount(t, main)
    expect((await sub.request('GET', '/api/me')).statusCode).toBe(200)
    expect((await main.request('DELETE', `/api/members/${sub.session.user.id}`)).statusCode).toBe(200)
    expect((await sub.request('GET', '/api/me')).statusCode).toBe(401)
    const refresh = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: sub.session.refreshToken } })
    expect(refresh.statusCode).toBe(401)
  })

  it('ends access on another instance within AUTH_USER_RECHECK_MS, and on every request when it is 0', async () => {
    const recheckMs = 400
    const other = await buildApp(testConfig({ WECHAT_API_BASE: t.standin.url, AUTH_USER_RECHECK_MS: String(recheckMs) }), { web: false, logger: false })
    const uncached = await buildApp(testConfig({ WECHAT_API_BASE: t.standin.url, AUTH_USER_RECHECK_MS: '0' }), { web: false, logger: false })
    try {
      const main = await signUpMain(t)
      const sub = await addSubAccount(t, main)
      const viaOther = clientFor(other, sub.session)
      const viaUncached = clientFor(uncached, sub.session)
      expect((await viaOther.request('GET', '/api/me')).statusCode).toBe(200)
      expect((await viaUncached.request('GET', '/api/me')).statusCode).toBe(200)

      const removedAt = Date.now()
      expect((await main.request('DELETE', `/api/members/${sub.session.user.id}`)).statusCode).toBe(200)
      expect((await viaUncached.request('GET', '/api/me')).statusCode).toBe(401)
      // The other instance read the user before the removal and may trust that read for up to
      // recheckMs; a request after that must be refused.
      await new Promise((resolve) => setTimeout(resolve, recheckMs + 20 - (Date.now() - removedAt)))
      expect((await viaOther.request('GET', '/api/me')).json().code).toBe('UNAUTHENTICATED')
    } finally {
      await other.close()
      await uncached.close()
    }
  })
})

describe('refresh tokens', () => {
  const refresh = (refreshToken: string) => t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })

  it('rotates: each refresh token works once and yields a new working pair', async () => {
    const main = await signUpMain(t)
    const res = await refresh(main.session.refreshToken)
    expect(res.statusCode).toBe(200)
    const next = res.json<Session>()
    expect(next.refreshToken).not.toBe(main.session.refreshToken)
    expect(next.user.id).toBe(main.session.user.id)
    expect((await clientFor(t.app, next).request('GET', '/api/me')).statusCode).toBe(200)
    expect((await refresh(next.refreshToken)).statusCode).toBe(200)
  })

  it('treats reuse of a rotated token as theft and ends the whole family', async () => {
    const main = await signUpMain(t)
    const next = (await refresh(main.session.refreshToken)).json<Session>()
    const reuse = await refresh(main.session.refreshToken)
    expect(reuse.statusCode).toBe(401)
    expect(reuse.json().code).toBe('REFRESH_TOKEN_INVALID')
    expect((await refresh(next.refreshToken)).statusCode).toBe(401)
  })

  it('gives exactly one new session when the same token is refreshed concurrently', async () => {
    const main = await signUpMain(t)
    const results = await Promise.all(Array.from({ length: 5 }, () => refresh(main.session.refreshToken)))
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1)
  })

  it('logout revokes the refresh token', async () => {
    const main = await signUpMain(t)
    const out = await main.request('POST', '/api/auth/logout', { refreshToken: main.session.refreshToken })
    expect(out.statusCode).toBe(200)
    expect((await refresh(main.session.refreshToken)).statusCode).toBe(401)
  })
})

describe('rate limits on sign-in', () => {
  it('answers 429 RATE_LIMITED once a client exceeds the per-minute limit', async () => {
    const limited = await buildTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: `bad-${i}` } })
        statuses.push(res.statusCode)
        if (res.statusCode === 429) expect(res.json().code).toBe('RATE_LIMITED')
      }
      expect(statuses).toEqual([400, 400, 400, 429, 429])
      // Signed-in routes are not throttled by the sign-in limit.
      const main = await signUpMainBypassingLimit(limited)
      for (let i = 0; i < 5; i++) expect((await main.request('GET', '/api/me')).statusCode).toBe(200)
    } finally {
      await limited.close()
    }
  })
})

async function signUpMainBypassingLimit(limited: TestApp) {
  const { code } = limited.standin.state.mintCode(uniqueOpenid())
  const res = await limited.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code }, remoteAddress: '10.1.2.3' })
  expect(res.statusCode).toBe(200)
  return clientFor(limited.app, res.json<Session>())
}

describe('logs', () => {
  it('never contain tokens, codes or secrets', async () => {
    let output = ''
    const stream = new Writable({
      write(chunk, _enc, done) {
        output += chunk.toString()
        done()
      },
    })
    const app = await buildApp(testConfig({ WECHAT_API_BASE: t.standin.url, LOG_LEVEL: 'trace' }), { web: false, logStream: stream })
    try {
      const { code } = t.standin.state.mintCode(uniqueOpenid())
      const session = (await app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } })).json<Session>()
      await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${session.accessToken}` } })
      const ticket = (await app.inject({ method: 'POST', url: '/api/auth/qr-tickets' })).json()
      await app.inject({ method: 'GET', url: `/api/auth/qr-tickets/${ticket.ticket}?pollToken=${ticket.pollToken}` })
      await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: session.refreshToken } })
      expect(output).toContain('/api/auth/qr-tickets/')
      for (const secret of [code, session.accessToken, session.refreshToken, ticket.pollToken, testConfig().wechat.secret, testConfig().jwtSecret]) {
        expect(output).not.toContain(secret)
      }
    } finally {
      await app.close()
    }
  })
})
