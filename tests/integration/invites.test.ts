import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '@sellerinbox/server/db/kysely'
import type { Session } from '@sellerinbox/shared'
import { addSubAccount, buildTestApp, createStore, signUpMain, uniqueOpenid, type TestApp } from '../helpers/app'
import { testDatabaseUrl } from '../helpers/test-env'

let t: TestApp
let db: Db
beforeAll(async () => {
  t = await buildTestApp()
  db = createDb(testDatabaseUrl(), 2)
})
afterAll(async () => {
  await db.destroy()
  await t.close()
})

const accept = (token: string, openid = uniqueOpenid()) =>
  t.app.inject({ method: 'POST', url: '/api/auth/invites/accept', payload: { token, code: t.standin.state.mintCode(openid).code } })

describe('invites', () => {
  it('turns a new WeChat user into a sub-account with the invited stores', async () => {
    const main = await signUpMain(t, '老板')
    const storeA = await createStore(main, 'Store A')
    await createStore(main, 'Store B')
    const created = await main.request('POST', '/api/invites', { note: '小王', storeIds: [storeA.id] })
    expect(created.statusCode).toBe(200)
    const { token, path, invite } = created.json()
    expect(invite.status).toBe('pending')
    expect(path).toBe(`/packages/account/invite/index?token=${token}`)

    const preview = await t.app.inject({ method: 'GET', url: `/api/auth/invites/${token}` })
    expect(preview.statusCode).toBe(200)
    expect(preview.json()).toMatchObject({ orgName: main.session.org.name, inviterName: '老板' })

    const res = await accept(token)
    expect(res.statusCode).toBe(200)
    const session = res.json<Session>()
    expect(session.user).toMatchObject({ role: 'sub', orgId: main.session.org.id, displayName: '小王' })
    const stores = await t.app.inject({ method: 'GET', url: '/api/stores', headers: { authorization: `Bearer ${session.accessToken}` } })
    expect(stores.json().stores.map((s: { id: number }) => s.id)).toEqual([storeA.id])

    const list = await main.request('GET', '/api/invites')
    expect(list.json().invites[0]).toMatchObject({ id: invite.id, status: 'accepted' })
  })

  it('works once', async () => {
    const main = await signUpMain(t)
    const { token } = (await main.request('POST', '/api/invites', {})).json()
    expect((await accept(token)).statusCode).toBe(200)
    const again = await accept(token)
    expect(again.statusCode).toBe(410)
    expect(again.json().code).toBe('INVITE_USED')
  })

  it('lets exactly one of two concurrent acceptances win', async () => {
    const main = await signUpMain(t)
    const { token } = (await main.request('POST', '/api/invites', {})).json()
    const results = await Promise.all([accept(token), accept(token), accept(token)])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410, 410])
    const members = (await main.request('GET', '/api/members')).json().members
    expect(members.filter((m: { role: string }) => m.role === 'sub')).toHaveLength(1)
  })

  it('expires', async () => {
    const main = await signUpMain(t)
    const { token, invite } = (await main.request('POST', '/api/invites', {})).json()
    await db.updateTable('invites').set({ expiresAt: new Date(Date.now() - 1000) }).where('id', '=', invite.id).execute()
    const res = await accept(token)
    expect(res.statusCode).toBe(410)
    expect(res.json().code).toBe('INVITE_EXPIRED')
    expect((await t.app.inject({ method: 'GET', url: `/api/auth/invites/${token}` })).json().code).toBe('INVITE_EXPIRED')
    expect((await main.request('GET', '/api/invites')).json().invites[0].status).toBe('expired')
  })

  it('can be revoked by the main account, and then does not work', async () => {
    const main = await signUpMain(t)
    const { token, invite } = (await main.request('POST', '/api/invites', {})).json()
    expect((await main.request('DELETE', `/api/invites/${invite.id}`)).statusCode).toBe(200)
    const res = await accept(token)
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('INVITE_INVALID')
  })

  it('refuses a WeChat user who already belongs to a team', async () => {
    const main = await signUpMain(t)
    const { token } = (await main.request('POST', '/api/invites', {})).json()
    const openid = uniqueOpenid()
    await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: t.standin.state.mintCode(openid).code } })
    const res = await accept(token, openid)
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('ALREADY_REGISTERED')
    // The invite stays usable for the right person.
    expect((await accept(token)).statusCode).toBe(200)
  })

  it('rejects unknown tokens and stores of another org', async () => {
    expect((await accept('x'.repeat(32))).json().code).toBe('INVITE_INVALID')
    const a = await signUpMain(t)
    const b = await signUpMain(t)
    const storeB = await createStore(b, 'B only')
    const res = await a.request('POST', '/api/invites', { storeIds: [storeB.id] })
    expect(res.statusCode).toBe(404)
  })

  it('is for the main account only', async () => {
    const main = await signUpMain(t)
    const sub = await addSubAccount(t, main)
    for (const [method, url] of [['POST', '/api/invites'], ['GET', '/api/invites'], ['DELETE', '/api/invites/1']] as const) {
      const res = await sub.request(method, url, method === 'POST' ? {} : undefined)
      expect(res.statusCode, `${method} ${url}`).toBe(403)
      expect(res.json().code).toBe('FORBIDDEN_ROLE')
    }
  })
})
