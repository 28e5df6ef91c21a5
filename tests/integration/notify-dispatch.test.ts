// Dispatch against the WeChat stand-in with a hand-moved clock: push at once, cool-down digests,
// digests deferred to the window's opening, SLA reminders once, credits and every WeChat error the
// product handles, store scoping for sub-accounts, and a crash between the send and its record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addSubAccount, createStore, type TestApp } from '../helpers/app'
import { planSlaReminders } from '@sellerinbox/server/notify/sla-reminders'
import { mailFactory } from '../helpers/mail-factory'
import {
  buildNotifyApp,
  dispatcher,
  giveCredits,
  notificationsOf,
  notifyOrg,
  openidOf,
  sentTo,
  setRule,
  storeMessage,
  TEMPLATES,
  TestClock,
} from '../helpers/notify'

let t: TestApp
beforeAll(async () => {
  t = await buildNotifyApp()
})
afterAll(async () => t.close())

const MIN = 60_000
// Monday 2026-11-23 10:00 in Shanghai (the default time zone).
const MONDAY_10 = '2026-11-23T02:00:00.000Z'
const ALL_DAY = { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '00:00', endNextDay: true }
const sendCalls = () => t.standin.state.calls().endpoints['/cgi-bin/message/subscribe/send'].calls
const balance = async (userId: number, templateId = TEMPLATES.newMessage) =>
  (await t.app.ctx.db.selectFrom('notificationCredits').select('balance').where('userId', '=', userId).where('templateId', '=', templateId).executeTakeFirst())?.balance ?? 0

describe('dispatch', () => {
  it('pushes a new message at once, spends one credit, and deep-links to the message', async () => {
    const o = await notifyOrg(t)
    const clock = new TestClock(Date.parse(MONDAY_10))
    const d = dispatcher(t, [o.orgId], { now: clock.now })
    const openid = await openidOf(t, o.main)
    const id = await storeMessage(t, o.main, o.us, { buyerText: 'Where is my 📦 parcel? It was due last week and nothing arrived yet' })

    expect(await d.tick()).toMatchObject({ planned: 1, sent: 1 })
    const [sent] = sentTo(t, openid)
    expect(sent).toMatchObject({ template_id: TEMPLATES.newMessage, page: `pages/inbox/index?messageId=${id}`, lang: 'zh_CN', miniprogram_state: 'formal' })
    expect(sent!.data.thing1!.value).toBe('新买家消息')
    expect(sent!.data.thing2!.value).toBe('Store A · US')
    expect(sent!.data.thing4!.value).toBe('Where is my parcel?…')
    expect([...sent!.data.thing4!.value]).toHaveLength(20)
    expect(sent!.data.time3!.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
    expect(await balance(o.main.session.user.id)).toBe(9)
    const [row] = await notificationsOf(t.app.ctx.db, o.main.session.user.id)
    expect(row).toMatchObject({ kind: 'message', status: 'sent', messageCount: 1, messageId: id })
    // Nothing more to do: no second send.
    expect(await d.tick()).toMatchObject({ planned: 0, sent: 0 })
    expect(sentTo(t, openid)).toHaveLength(1)
  })

  it('gathers messages within the cool-down into one digest sent when it ends ("3 new buyer messages · Store A · DE")', async () => {
    const o = await notifyOrg(t)
    await o.main.request('PATCH', '/api/me', { locale: 'en-US' })
    const clock = new TestClock(Date.parse(MONDAY_10))
    const d = dispatcher(t, [o.orgId], { now: clock.now })
    const openid = await openidOf(t, o.main)

    await storeMessage(t, o.main, o.us)
    await d.tick()
    expect(sentTo(t, openid)).toHaveLength(1)
    for (let i = 0; i < 3; i++) {
      clock.advance(MIN)
      await storeMessage(t, o.main, o.de, { buyerText: `Question number ${i + 1}` })
      await d.tick()
    }
    expect(sentTo(t, openid)).toHaveLength(1)
    const pending = (await notificationsOf(t.app.ctx.db, o.main.session.user.id)).find((n) => n.kind === 'digest')!
    expect(pending).toMatchObject({ status: 'pending', cause: 'cooldown', messageCount: 3 })
    expect(pending.dueAt.toISOString()).toBe(new Date(Date.parse(MONDAY_10) + 10 * MIN).toISOString())
    const log = (await o.main.request('GET', '/api/notifications/log')).json()
    expect(log.items[0]).toMatchObject({ kind: 'digest', state: 'queued', messageCount: 3 })

    clock.advance(6 * MIN) // 9 minutes after the push: still cooling down
    await d.tick()
    expect(sentTo(t, openid)).toHaveLength(1)
    clock.advance(MIN)
    await d.tick()
    const digest = sentTo(t, openid)[1]!
    expect(digest.data.thing1!.value).toBe('3 new buyer messages')
    expect(digest.data.thing2!.value).toBe('Store A · DE')
    expect(digest.data.thing4!.value).toBe('Question number 3')
    expect(digest.lang).toBe('en_US')
    expect(digest.page).toBe(`pages/inbox/index?category=buyer_message&storeId=${o.store.id}&marketplace=DE`)
    const after = (await o.main.request('GET', '/api/notifications/log')).json()
    expect(after.items[0]).toMatchObject({ kind: 'digest', state: 'digested', messageCount: 3, title: '3 new buyer messages' })
    expect(await balance(o.main.session.user.id)).toBe(8)
  })

  it('defers mail that arrives outside the window to one digest when it opens, counting only what is still open', async () => {
    const o = await notifyOrg(t)
    await setRule(o.main, o.main.session.user.id, { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', endNextDay: false })
    // Friday 2026-11-27 20:00 Shanghai: the next window is Monday 09:00 (Saturday and Sunday are off).
    const clock = new TestClock(Date.parse('2026-11-27T12:00:00Z'))
    const d = dispatcher(t, [o.orgId], { now: clock.now })
    const openid = await openidOf(t, o.main)

    const handled = await storeMessage(t, o.main, o.us)
    const open1 = await storeMessage(t, o.main, o.us, { category: 'qa', kind: 'customer_question' })
    const open2 = await storeMessage(t, o.main, o.de)
    await d.tick()
    expect(sentTo(t, openid)).toHaveLength(0)
    const [deferred] = await notificationsOf(t.app.ctx.db, o.main.session.user.id)
    expect(deferred).toMatchObject({ kind: 'digest', cause: 'window', status: 'pending', messageCount: 3 })
    expect(deferred!.dueAt.toISOString()).toBe('2026-11-30T01:00:00.000Z')
    expect((await o.main.request('GET', '/api/notifications/log')).json().items[0].state).toBe('deferred')

    await t.app.ctx.db.updateTable('messages').set({ status: 'processed' }).where('id', '=', handled).execute()
    clock.set('2026-11-30T00:59:00Z')
    await d.tick()
    expect(sentTo(t, openid)).toHaveLength(0)
    clock.set('2026-11-30T01:00:00Z')
    await d.tick()
    const [digest] = sentTo(t, openid)
    expect(digest!.data.thing1!.value).toBe('2条新消息')
    expect(digest!.data.thing2!.value).toBe('Store A · DE/US')
    expect(digest!.page).toBe(`pages/inbox/index?storeId=${o.store.id}`)
    const [row] = await notificationsOf(t.app.ctx.db, o.main.session.user.id)
    expect(row).toMatchObject({ status: 'sent', messageCount: 2 })
    expect([open1, open2]).toHaveLength(2)
  })

  it('drops a deferred digest when everything in it was handled before the window opened', async () => {
    const o = await notifyOrg(t)
    await setRule(o.main, o.main.session.user.id, { days: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '18:00', endNextDay: false })
    const clock = new TestClock(Date.parse('2026-11-23T13:00:00Z')) // 21:00
    const d = dispatcher(t, [o.orgId], { now: clock.now })
    const id = await storeMessage(t, o.main, o.us)
    await d.tick()
    await t.app.ctx.db.updateTable('messages').set({ status: 'replied_on_platform' }).where('id', '=', id).execute()
    clock.set('2026-11-24T01:00:00Z')
    await d.tick()
    expect(sentTo(t, await openidOf(t, o.main))).toHaveLength(0)
    const [row] = await notificationsOf(t.app.ctx.db, o.main.session.user.id)
    expect(row).toMatchObject({ status: 'dropped', error: 'Already handled' })
  })

  it('reminds once, 2 h before an unanswered buyer message is due, only inside the window', async () => {
    const o = await notifyOrg(t)
    await setRule(o.main, o.main.session.user.id, { days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '23:00', endNextDay: false })
    const now = Date.parse(MONDAY_10)
    const clock = new TestClock(now)
    const d = dispatcher(t, [o.orgId], { now: clock.now })
    const openid = await openidOf(t, o.main)
    const mail = mailFactory(t.app, o.main)
    const due = await mail.message(o.us, { slaDueAt: new Date(now + 90 * MIN), receivedAt: new Date(now - 22.5 * 60 * MIN), buyerText: 'Any news?' })
    await mail.message(o.us, { slaDueAt: new Date(now + 3 * 60 * MIN) }) // not yet
    await mail.message(o.us, { slaDueAt: new Date(now + 60 * MIN), category: 'qa', kind: 'customer_question' }) // not a buyer message

    expect((await d.sweep()).reminders).toBe(1)
    await d.tick()
    expect((await d.sweep()).reminders).toBe(0)
    clock.advance(30 * MIN)
    expect((await d.sweep()).reminders).toBe(0)
    await d.tick()
    const sent = sentTo(t, openid)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ template_id: TEMPLATES.sla, page: `pages/inbox/index?messageId=${due.id}` })
    expect(sent[0]!.data.thing1!.value).toBe('买家消息即将超时')
    expect(sent[0]!.data.time3!.value).toBe('2026年11月23日 11:30')
    expect(await balance(o.main.session.user.id, TEMPLATES.sla)).toBe(9)

    // Outside the window (23:30) a message nearing its deadline gets no reminder.
    clock.set('2026-11-23T15:30:00Z')
    await mail.message(o.us, { slaDueAt: new Date(clock.now().getTime() + 60 * MIN) })
    expect((await d.sweep()).reminders).toBe(0)
  })

  it('reaches every message due soon, however many earlier ones were already reminded', async () => {
    const o = await notifyOrg(t)
    const now = Date.parse(MONDAY_10)
    const mail = mailFactory(t.app, o.main)
    const ids: number[] = []
    for (let i = 0; i < 7; i++) ids.push((await mail.message(o.us, { slaDueAt: new Date(now + (30 + i) * MIN) })).id)
    const deps = { db: t.app.ctx.db, config: t.app.ctx.config.notify, orgIds: [o.orgId] }
    // Pages of 2 over seven messages; then three more arrive among them, behind reminded ones.
    expect(await planSlaReminders(deps, new Date(now), 2)).toBe(7)
    for (let i = 0; i < 3; i++) ids.push((await mail.message(o.us, { slaDueAt: new Date(now + (40 + i) * MIN) })).id)
    expect(await planSlaReminders(deps, new Date(now), 2)).toBe(3)
    expect(await planSlaReminders(deps, new Date(now), 2)).toBe(0)
    const reminded = await t.app.ctx.db.selectFrom('notifications').select('messageId').where('kind', '=', 'sla_reminder').where('orgId', '=', o.orgId).execute()
    expect(reminded.map((r) => r.messageId).sort((a, b) => a! - b!)).toEqual(ids)
  })

  it('records no_credit without calling WeChat when the balance is 0, and shows it in the log', async () => {
    const o = await notifyOrg(t, { credits: 0 })
    const d = dispatcher(t, [o.orgId], { now: new TestClock(Date.parse(MONDAY_10)).now })
    const before = sendCalls()
    await storeMessage(t, o.main, o.us)
    await d.tick()
    expect(sendCalls()).toBe(before)
    const log = (await o.main.request('GET', '/api/notifications/log')).json()
    expect(log.items[0]).toMatchObject({ state: 'no_credit', title: '新买家消息', errcode: null })
    expect(log.items[0].reason).toContain('通知额度')
  })

  it('sets the balance to 0 on 43101 (WeChat has no credit left)', async () => {
    const o = await notifyOrg(t, { credits: 5 })
    const openid = await openidOf(t, o.main)
    t.standin.state.setCredits(openid, TEMPLATES.newMessage, 0)
    const d = dispatcher(t, [o.orgId], { now: new TestClock(Date.parse(MONDAY_10)).now })
    await storeMessage(t, o.main, o.us)
    await d.tick()
    const [row] = await notificationsOf(t.app.ctx.db, o.main.session.user.id)
    expect(row).toMatchObject({ status: 'no_credit', errcode: 43101 })
    expect(await balance(o.main.session.user.id)).toBe(0)
    expect((await o.main.request('GET', '/api/notifications/credits')).json().templates[0]).toMatchObject({ templateId: TEMPLATES.newMessage, balance: 0 })
  })

  it('fetches a new token on 40001 and retries once, successfully', async () => {
    const o = await notifyOrg(t)
    const clock = new TestClock(Date.parse(MONDAY_10))
    const d = dispatcher(t, [o.orgId], { now: clock.now })
    await storeMessage(t, o.main, o.us)
    await d.tick() // caches a token
    const fetches = t.standin.state.stableTokenStats.fetches
    t.standin.state.failNext('/cgi-bin/message/subscribe/send', 40001)
    clock.advance(11 * MIN)
    await storeMessage(t, o.main, o.us)
    await d.tick()
    expect(t.standin.state.stableTokenStats.fetches).toBe(fetches + 1)
    expect(sentTo(t, await openidOf(t, o.main))).toHaveLength(2)
    expect((await notificationsOf(t.app.ctx.db, o.main.session.user.id)).map((n) => n.status)).toEqual(['sent', 'sent'])
  })

  it('backs off on 45009 and sends after the pause, without calling WeChat in between', async () => {
    const o = await notifyOrg(t)
    const clock = new TestClock(Date.parse(MONDAY_10))
    const d = dispatcher(t, [o.orgId], { now: clock.now })
    t.standin.state.failNext('/cgi-bin/message/subscribe/send', 45009)
    await storeMessage(t, o.main, o.us)
    await d.tick()
    const [row] = await notificationsOf(t.app.ctx.db, o.main.session.user.id)
    expect(row).toMatchObject({ status: 'pending', errcode: 45009 })
    expect(row!.dueAt.getTime()).toBe(clock.now().getTime() + MIN)
    const calls = sendCalls()
    clock.advance(30_000)
    await d.tick()
    expect(sendCalls()).toBe(calls)
    clock.advance(31_000)
    await d.tick()
    expect(sendCalls()).toBe(calls + 1)
    expect((await notificationsOf(t.app.ctx.db, o.main.session.user.id))[0]).toMatchObject({ status: 'sent' })
  })

  it('records 47003 and never retries it', async () => {
    const o = await notifyOrg(t)
    const clock = new TestClock(Date.parse(MONDAY_10))
    const d = dispatcher(t, [o.orgId], { now: clock.now })
    t.standin.state.failNext('/cgi-bin/message/subscribe/send', 47003)
    await storeMessage(t, o.main, o.us)
    await d.tick()
    const calls = sendCalls()
    clock.advance(60 * MIN)
    await d.tick()
    expect(sendCalls()).toBe(calls)
    const [row] = await notificationsOf(t.app.ctx.db, o.main.session.user.id)
    expect(row).toMatchObject({ status: 'failed', errcode: 47003 })
    expect(await balance(o.main.session.user.id)).toBe(10)
    const log = (await o.main.request('GET', '/api/notifications/log')).json()
    expect(log.items[0]).toMatchObject({ state: 'failed', errcode: 47003 })
    expect(log.items[0].reason).toContain('argument invalid')
  })

  it('tells a sub-account only about stores it may see, and only once the main account made it a recipient', async () => {
    const o = await notifyOrg(t)
    const storeB = await createStore(o.main, 'Store B', ['JP'])
    const sub = await addSubAccount(t, o.main, [o.store.id])
    await giveCredits(t, sub, 5)
    const clock = new TestClock(Date.parse(MONDAY_10))
    const d = dispatcher(t, [o.orgId], { now: clock.now })
    const subOpenid = await openidOf(t, sub)

    await storeMessage(t, o.main, o.us)
    await d.tick()
    expect(sentTo(t, subOpenid)).toHaveLength(0) // not a recipient yet

    await setRule(o.main, sub.session.user.id, { recipient: true, ...ALL_DAY })
    await storeMessage(t, o.main, storeB.channels[0]!)
    await d.tick()
    expect(sentTo(t, subOpenid)).toHaveLength(0) // store B is not theirs
    await storeMessage(t, o.main, o.de)
    await d.tick()
    expect(sentTo(t, subOpenid)).toHaveLength(1)
    expect(sentTo(t, subOpenid)[0]!.data.thing2!.value).toBe('Store A · DE')
  })

  it('after a crash between the send and its record, marks the notification unknown and never sends it again', async () => {
    const o = await notifyOrg(t)
    const clock = new TestClock(Date.parse(MONDAY_10))
    const crashing = dispatcher(t, [o.orgId], {
      now: clock.now,
      afterSend: async () => {
        throw new Error('worker killed')
      },
    })
    await storeMessage(t, o.main, o.us)
    await expect(crashing.tick()).rejects.toThrow('worker killed')
    const openid = await openidOf(t, o.main)
    expect(sentTo(t, openid)).toHaveLength(1)
    expect((await notificationsOf(t.app.ctx.db, o.main.session.user.id))[0]).toMatchObject({ status: 'sending' })

    const restarted = dispatcher(t, [o.orgId], { now: clock.now })
    await restarted.sweep()
    await restarted.tick()
    expect((await notificationsOf(t.app.ctx.db, o.main.session.user.id))[0]).toMatchObject({ status: 'sending' }) // not timed out yet
    clock.advance(t.app.ctx.config.notify.sendingTimeoutMs + 1000)
    expect((await restarted.sweep()).interrupted).toBe(1)
    await restarted.tick()
    expect(sentTo(t, openid)).toHaveLength(1)
    const log = (await o.main.request('GET', '/api/notifications/log')).json()
    expect(log.items[0].state).toBe('unknown')
  })
})
