import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '@sellerinbox/server/db/kysely'
import { createSecretBox } from '@sellerinbox/server/lib/secret-box'
import { seedDemo } from '@sellerinbox/server/modules/demo/demo-seed'
import type { Session, Store } from '@sellerinbox/shared'
import { buildTestApp, clientFor, signUpMain, type TestApp } from '../helpers/app'
import { testConfig, testDatabaseUrl } from '../helpers/test-env'

let t: TestApp
let db: Db
beforeAll(async () => {
  t = await buildTestApp({ DEMO_MODE: 'true' })
  db = createDb(testDatabaseUrl(), 2)
})
afterAll(async () => {
  await db.destroy()
  await t.close()
})

describe('me', () => {
  it('reads and updates the profile', async () => {
    const main = await signUpMain(t, '张三')
    const me = await main.request('GET', '/api/me')
    expect(me.json()).toMatchObject({ user: { displayName: '张三', timeZone: 'Asia/Shanghai', locale: 'zh-CN', role: 'main' } })
    const updated = await main.request('PATCH', '/api/me', { timeZone: 'America/Los_Angeles', locale: 'en-US' })
    expect(updated.json().user).toMatchObject({ timeZone: 'America/Los_Angeles', locale: 'en-US' })
    const bad = await main.request('PATCH', '/api/me', { timeZone: 'Mars/Olympus' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body/timeZone' }] })
  })
})

describe('demo org', () => {
  it('is seeded once, with encrypted mailbox password, and signs in as main or sub', async () => {
    const config = testConfig()
    const box = createSecretBox(config.secretsKey)
    const mailbox = { host: '127.0.0.1', port: 10143, username: 'demo', password: 'demo-pass-123' }
    const first = await seedDemo(db, config.inboundDomain, box, mailbox)
    const second = await seedDemo(db, config.inboundDomain, box, mailbox)
    expect(second).toEqual({ created: false, orgId: first.orgId })

    const source = await db.selectFrom('mailSources').selectAll().where('orgId', '=', first.orgId).executeTakeFirstOrThrow()
    expect(source.passwordEnc).not.toContain('demo-pass-123')
    expect(box.open(source.passwordEnc)).toBe('demo-pass-123')

    const asMain = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { as: 'main' } })
    const main = clientFor(t.app, asMain.json<Session>())
    const stores = (await main.request('GET', '/api/stores')).json().stores as Store[]
    expect(stores).toHaveLength(2)
    for (const store of stores) expect(store.channels.map((c) => c.marketplace).sort()).toEqual(['DE', 'JP', 'US'])

    const asSub = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { as: 'sub' } })
    expect(asSub.json<Session>().user.role).toBe('sub')
    const subStores = (await clientFor(t.app, asSub.json<Session>()).request('GET', '/api/stores')).json().stores
    expect(subStores).toHaveLength(1)
  })
})
