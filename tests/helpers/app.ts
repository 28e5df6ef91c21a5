// Builds the real app against the test database and a WeChat stand-in on a random port, plus
// factories that create users the way real users are created: through the sign-in routes.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildApp } from '@sellerinbox/server/app'
import type { Session, Store } from '@sellerinbox/shared'
import { startWechatStandin } from '@sellerinbox/server/dev/wechat-standin/standin'
import { TEST_WECHAT, testConfig } from './test-env'

export type Standin = Awaited<ReturnType<typeof startWechatStandin>>

export interface TestApp {
  app: FastifyInstance
  standin: Standin
  close(): Promise<void>
}

export async function buildTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const standin = await startWechatStandin({ port: 0, appid: TEST_WECHAT.appid, secret: TEST_WECHAT.secret })
  const app = await buildApp(testConfig({ WECHAT_API_BASE: standin.url, ...overrides }), { web: false, logger: false })
  await app.ready()
  return {
    app,
    standin,
    async close() {
      await app.close()
      await standin.close()
    },
  }
}

let counter = 0
/** A unique openid per call, so tests never share users. */
export function uniqueOpenid(prefix = 'o'): string {
  counter += 1
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`
}

export interface Client {
  session: Session
  token: string
  request(method: InjectOptions['method'], url: string, body?: unknown): Promise<LightMyRequestResponse>
}

export function clientFor(app: FastifyInstance, session: Session): Client {
  return {
    session,
    token: session.accessToken,
    request: (method, url, body) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${session.accessToken}` }, ...(body === undefined ? {} : { payload: body as object }) }),
  }
}

/** Signs in a new WeChat user: a first sign-in creates an org with that user as main account. */
export async function signUpMain(t: TestApp, displayName = '测试主账号'): Promise<Client> {
  const { code } = t.standin.state.mintCode(uniqueOpenid('main'))
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code, displayName } })
  if (res.statusCode !== 200) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`)
  return clientFor(t.app, res.json<Session>())
}

export async function createStore(main: Client, name = 'Test Store', marketplaces = ['US', 'DE']): Promise<Store> {
  const res = await main.request('POST', '/api/stores', { name, region: 'NA', marketplaces })
  if (res.statusCode !== 200) throw new Error(`create store failed: ${res.statusCode} ${res.body}`)
  return res.json<Store>()
}

/** Invites and accepts a new sub-account with access to `storeIds`, through the real invite routes. */
export async function addSubAccount(t: TestApp, main: Client, storeIds: number[] = []): Promise<Client> {
  const invite = await main.request('POST', '/api/invites', { note: '客服', storeIds })
  if (invite.statusCode !== 200) throw new Error(`invite failed: ${invite.statusCode} ${invite.body}`)
  const { code } = t.standin.state.mintCode(uniqueOpenid('sub'))
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/invites/accept', payload: { token: invite.json().token, code } })
  if (res.statusCode !== 200) throw new Error(`accept failed: ${res.statusCode} ${res.body}`)
  return clientFor(t.app, res.json<Session>())
}
