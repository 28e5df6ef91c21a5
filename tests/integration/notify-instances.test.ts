// Two server instances (two dispatchers, each with its own database pool and token cache) working the
// same notifications at once: every notification goes out exactly once, and only one of them ever
// fetches an access token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '@sellerinbox/server/db/kysely'
import { addSubAccount, type Client, type TestApp } from '../helpers/app'
import { buildNotifyApp, dispatcher, giveCredits, notifyOrg, openidOf, setRule, storeMessage, TestClock } from '../helpers/notify'
import { testDatabaseUrl } from '../helpers/test-env'

let t: TestApp
const pools: Db[] = []
beforeAll(async () => {
  // No cool-down: every message is its own push, so the count is exact.
  t = await buildNotifyApp({ NOTIFY_COOLDOWN_SECONDS: '0' })
})
afterAll(async () => {
  await Promise.all(pools.map((p) => p.destroy()))
  await t.close()
})

function instance(orgId: number, clock: TestClock, name: string) {
  const db = createDb(testDatabaseUrl(), 5)
  pools.push(db)
  return dispatcher(t, [orgId], { db, now: clock.now, owner: name })
}

describe('several instances', () => {
  it('send every notification exactly once and fetch the token once', async () => {
    const o = await notifyOrg(t, { credits: 30 })
    const subs: Client[] = []
    for (let i = 0; i < 4; i++) {
      const sub = await addSubAccount(t, o.main, [o.store.id])
      await giveCredits(t, sub, 30)
      await setRule(o.main, sub.session.user.id, { recipient: true, days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '00:00', endNextDay: true })
      subs.push(sub)
    }
    const clock = new TestClock(Date.parse('2026-11-23T02:00:00Z'))
    const a = instance(o.orgId, clock, 'instance-a')
    const b = instance(o.orgId, clock, 'instance-b')
    const fetchesBefore = t.standin.state.stableTokenStats.fetches

    const messages = 12
    const work: Promise<unknown>[] = []
    for (let i = 0; i < messages; i++) {
      await storeMessage(t, o.main, i % 2 ? o.us : o.de)
      // both instances tick while messages keep arriving
      work.push(a.tick(), b.tick())
    }
    await Promise.all(work)
    for (let round = 0; round < 5; round++) await Promise.all([a.tick(), b.tick()])

    const recipients = [o.main, ...subs]
    const openids = await Promise.all(recipients.map((u) => openidOf(t, u)))
    const sent = t.standin.state.sent.filter((m) => openids.includes(m.touser))
    expect(sent).toHaveLength(messages * recipients.length)
    const keys = sent.map((m) => `${m.touser} ${m.page}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(t.standin.state.stableTokenStats.fetches - fetchesBefore).toBe(1)

    const rows = await t.app.ctx.db.selectFrom('notifications').select(['status', 'claimedBy']).where('orgId', '=', o.orgId).execute()
    expect(rows).toHaveLength(messages * recipients.length)
    expect(rows.every((r) => r.status === 'sent')).toBe(true)
    // both instances did part of the work
    expect(new Set(rows.map((r) => r.claimedBy)).size).toBe(2)
  })

  it('fetch one token between them when both start cold', async () => {
    // A fresh token row: forget the cached token, as on a first deployment.
    await t.app.ctx.db.deleteFrom('wechatAccessTokens').where('appid', '=', t.app.ctx.config.wechat.appid).execute()
    const o = await notifyOrg(t, { credits: 5 })
    const clock = new TestClock(Date.parse('2026-11-23T02:00:00Z'))
    const a = instance(o.orgId, clock, 'cold-a')
    const b = instance(o.orgId, clock, 'cold-b')
    const fetchesBefore = t.standin.state.stableTokenStats.fetches
    const [tokenA, tokenB] = await Promise.all([a.tokens.get(), b.tokens.get()])
    expect(tokenA).toBe(tokenB)
    expect(t.standin.state.stableTokenStats.fetches - fetchesBefore).toBe(1)
    await storeMessage(t, o.main, o.us)
    await Promise.all([a.tick(), b.tick()])
    const openid = await openidOf(t, o.main)
    expect(t.standin.state.sent.filter((m) => m.touser === openid)).toHaveLength(1)
    expect(t.standin.state.stableTokenStats.fetches - fetchesBefore).toBe(1)
  })
})
