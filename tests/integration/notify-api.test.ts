// The notification API: rules (who may change what, every invalid input with its code), credits from
// requestSubscribeMessage answers, the log's pages, and WeChat's signed message push.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, addSubAccount, createStore, signUpMain, type TestApp } from '../helpers/app'
import { buildNotifyApp, notificationsOf, setRule, TEMPLATES } from '../helpers/notify'

const PUSH_TOKEN = 'pushToken123'
let t: TestApp
beforeAll(async () => {
  t = await buildNotifyApp({ WECHAT_PUSH_TOKEN: PUSH_TOKEN })
})
afterAll(async () => t.close())

const weekdaysOvernight = { enabled: true, categories: ['buyer_message', 'atoz_claim'], days: [1, 2, 3, 4, 5], start: '21:00', end: '09:00', endNextDay: true, timeZone: 'America/Los_Angeles', storeIds: null }

describe('notification rules', () => {
  it('the main account sees every rule with defaults and makes a sub-account a recipient', async () => {
    const main = await signUpMain(t)
    const store = await createStore(main, 'Rules Store', ['US'])
    const sub = await addSubAccount(t, main, [store.id])
    const list = (await main.request('GET', '/api/notifications/rules')).json()
    expect(list.cooldownMinutes).toBe(10)
    expect(list.slaReminderMinutes).toBe(120)
    expect(list.rules.map((r: { role: string; recipient: boolean; updatedAt: unknown }) => [r.role, r.recipient, r.updatedAt])).toEqual([
      ['main', true, null],
      ['sub', false, null],
    ])
    expect(list.rules[0]).toMatchObject({ enabled: true, days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '23:00', endNextDay: false, timeZone: 'Asia/Shanghai', storeIds: null })

    const res = await main.request('PUT', `/api/notifications/rules/${sub.session.user.id}`, { ...weekdaysOvernight, recipient: true, storeIds: [store.id] })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ ...weekdaysOvernight, recipient: true, storeIds: [store.id], role: 'sub' })
    expect((await sub.request('GET', `/api/notifications/rules/${sub.session.user.id}`)).json()).toMatchObject({ recipient: true, start: '21:00', end: '09:00', endNextDay: true })
  })

  it('a sub-account reads and edits only its own rule, and cannot make itself a recipient', async () => {
    const main = await signUpMain(t)
    const sub = await addSubAccount(t, main)
    const other = await addSubAccount(t, main)
    expect((await sub.request('GET', '/api/notifications/rules')).json().rules.map((r: { userId: number }) => r.userId)).toEqual([sub.session.user.id])
    expect((await sub.request('GET', `/api/notifications/rules/${main.session.user.id}`)).statusCode).toBe(404)
    const foreign = await sub.request('PUT', `/api/notifications/rules/${other.session.user.id}`, weekdaysOvernight)
    expect(foreign.statusCode).toBe(404)

    const promote = await sub.request('PUT', `/api/notifications/rules/${sub.session.user.id}`, { ...weekdaysOvernight, recipient: true })
    expect(promote.statusCode).toBe(403)
    expect(promote.json().code).toBe('FORBIDDEN_ROLE')
    const own = await sub.request('PUT', `/api/notifications/rules/${sub.session.user.id}`, { ...weekdaysOvernight, start: '20:00' })
    expect(own.statusCode).toBe(200)
    expect(own.json()).toMatchObject({ recipient: false, start: '20:00' })
    // Once the main account chose it, the sub-account may send its flag back unchanged.
    await setRule(main, sub.session.user.id, { recipient: true })
    expect((await sub.request('PUT', `/api/notifications/rules/${sub.session.user.id}`, { ...weekdaysOvernight, recipient: true })).statusCode).toBe(200)
  })

  it('answers invalid input with a clear 4xx and a stable code', async () => {
    const main = await signUpMain(t)
    const mine = `/api/notifications/rules/${main.session.user.id}`
    const cases: [string, Record<string, unknown>, number, string, string?][] = [
      ['end before start on the same day', { start: '21:00', end: '09:00', endNextDay: false }, 400, 'NOTIFY_WINDOW_INVALID', 'body/end'],
      ['same start and end on the same day', { start: '09:00', end: '09:00', endNextDay: false }, 400, 'NOTIFY_WINDOW_INVALID', 'body/end'],
      ['unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 400, 'TIME_ZONE_INVALID', 'body/timeZone'],
      ['no day', { days: [] }, 400, 'VALIDATION_FAILED'],
      ['day 8', { days: [1, 8] }, 400, 'VALIDATION_FAILED'],
      ['a day twice', { days: [1, 1] }, 400, 'VALIDATION_FAILED'],
      ['24:00', { start: '24:00' }, 400, 'VALIDATION_FAILED'],
      ['9:00 without a leading zero', { end: '9:00' }, 400, 'VALIDATION_FAILED'],
      ['an unknown category', { categories: ['sent'] }, 400, 'VALIDATION_FAILED'],
      ['no category', { categories: [] }, 400, 'VALIDATION_FAILED'],
      ['the main account opting out as recipient', { recipient: false }, 400, 'VALIDATION_FAILED', 'body/recipient'],
    ]
    for (const [what, patch, status, code, path] of cases) {
      const res = await main.request('PUT', mine, { ...weekdaysOvernight, ...patch })
      expect(res.statusCode, what).toBe(status)
      expect(res.json().code, what).toBe(code)
      if (path) expect(res.json().details.map((d: { path: string }) => d.path), what).toContain(path)
    }
    // Nothing was saved.
    expect((await main.request('GET', mine)).json().updatedAt).toBeNull()
    // A window over 24 h is fine.
    expect((await main.request('PUT', mine, { ...weekdaysOvernight, start: '09:00', end: '10:00', endNextDay: true })).statusCode).toBe(200)
  })

  it('scopes a sub-account rule to stores it may see; other orgs\' stores are unknown', async () => {
    const main = await signUpMain(t)
    const a = await createStore(main, 'A', ['US'])
    const b = await createStore(main, 'B', ['US'])
    const stranger = await signUpMain(t)
    const foreign = await createStore(stranger, 'Foreign', ['US'])
    const sub = await addSubAccount(t, main, [a.id])
    const url = `/api/notifications/rules/${sub.session.user.id}`
    const hidden = await main.request('PUT', url, { ...weekdaysOvernight, storeIds: [a.id, b.id] })
    expect(hidden.statusCode).toBe(400)
    expect(hidden.json().code).toBe('STORE_NOT_VISIBLE')
    expect(hidden.json().message).toContain(String(b.id))
    const unknown = await main.request('PUT', url, { ...weekdaysOvernight, storeIds: [foreign.id] })
    expect(unknown.statusCode).toBe(404)
    expect((await main.request('PUT', url, { ...weekdaysOvernight, storeIds: [a.id] })).statusCode).toBe(200)
    // The main account may scope its own rule to any of the org's stores.
    expect((await main.request('PUT', `/api/notifications/rules/${main.session.user.id}`, { ...weekdaysOvernight, storeIds: [b.id] })).statusCode).toBe(200)
  })
})

describe('credits', () => {
  it('adds one per accepted template and records the other answers', async () => {
    const main = await signUpMain(t)
    const empty = (await main.request('GET', '/api/notifications/credits')).json()
    expect(empty).toEqual({
      configured: true,
      templates: [
        { purpose: 'new_message', templateId: TEMPLATES.newMessage, balance: 0, lastResult: null, lastResultAt: null },
        { purpose: 'sla_reminder', templateId: TEMPLATES.sla, balance: 0, lastResult: null, lastResultAt: null },
      ],
    })
    const both = [{ templateId: TEMPLATES.newMessage, result: 'accept' }, { templateId: TEMPLATES.sla, result: 'accept' }]
    await main.request('POST', '/api/notifications/credits', { reportId: 'report-0001', results: both })
    await main.request('POST', '/api/notifications/credits', { reportId: 'report-0002', results: both })
    const res = await main.request('POST', '/api/notifications/credits', { reportId: 'report-0003', results: [{ templateId: TEMPLATES.newMessage, result: 'accept' }, { templateId: TEMPLATES.sla, result: 'reject' }] })
    expect(res.statusCode).toBe(200)
    expect(res.json().templates.map((c: { balance: number; lastResult: string }) => [c.balance, c.lastResult])).toEqual([
      [3, 'accept'],
      [2, 'reject'],
    ])
  })

  it('counts a report retried with the same id once, and needs an id', async () => {
    const main = await signUpMain(t)
    const accept = { reportId: 'retry-0001', results: [{ templateId: TEMPLATES.newMessage, result: 'accept' }] }
    for (let i = 0; i < 3; i++) expect((await main.request('POST', '/api/notifications/credits', accept)).statusCode).toBe(200)
    const res = await main.request('POST', '/api/notifications/credits', { ...accept, reportId: 'retry-0002' })
    expect(res.json().templates[0]).toMatchObject({ templateId: TEMPLATES.newMessage, balance: 2 })
    // Another user may happen to pick the same id: ids are per user.
    const other = await signUpMain(t)
    expect((await other.request('POST', '/api/notifications/credits', accept)).json().templates[0].balance).toBe(1)
    const missing = await main.request('POST', '/api/notifications/credits', { results: accept.results })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().code).toBe('VALIDATION_FAILED')
  })

  it('refuses unknown templates, and everything when notifications are not configured', async () => {
    const main = await signUpMain(t)
    const unknown = await main.request('POST', '/api/notifications/credits', { reportId: 'report-0100', results: [{ templateId: 'someone-elses', result: 'accept' }] })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().code).toBe('NOTIFY_TEMPLATE_UNKNOWN')
    const plain = await buildTestApp()
    try {
      const user = await signUpMain(plain)
      expect((await user.request('GET', '/api/notifications/credits')).json()).toEqual({ configured: false, templates: [] })
      const off = await user.request('POST', '/api/notifications/credits', { reportId: 'report-0101', results: [{ templateId: TEMPLATES.newMessage, result: 'accept' }] })
      expect(off.statusCode).toBe(409)
      expect(off.json().code).toBe('NOTIFICATIONS_OFF')
    } finally {
      await plain.close()
    }
  })
})

describe('notification log', () => {
  it('pages newest first, and shows each user only their own', async () => {
    const main = await signUpMain(t)
    const other = await signUpMain(t)
    const now = new Date()
    const rows = Array.from({ length: 5 }, (_, i) => ({
      orgId: main.session.org.id,
      userId: main.session.user.id,
      kind: 'message' as const,
      cause: 'new' as const,
      status: (['sent', 'no_credit', 'failed', 'unknown', 'dropped'] as const)[i]!,
      dueAt: now,
      createdAt: now,
      updatedAt: now,
      title: `n${i}`,
    }))
    await t.app.ctx.db.insertInto('notifications').values(rows).execute()
    const first = (await main.request('GET', '/api/notifications/log?limit=3')).json()
    expect(first.items.map((i: { title: string }) => i.title)).toEqual(['n4', 'n3', 'n2'])
    expect(first.items.map((i: { state: string }) => i.state)).toEqual(['dropped', 'unknown', 'failed'])
    const second = (await main.request('GET', `/api/notifications/log?limit=3&before=${first.nextBefore}`)).json()
    expect(second.items.map((i: { title: string }) => i.title)).toEqual(['n1', 'n0'])
    expect(second.nextBefore).toBeNull()
    expect((await other.request('GET', '/api/notifications/log')).json().items).toEqual([])
    expect(await notificationsOf(t.app.ctx.db, other.session.user.id)).toEqual([])
  })
})

describe('WeChat message push', () => {
  const sign = (timestamp: string, nonce: string, token = PUSH_TOKEN) => createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex')
  const query = (token?: string, echostr?: string) => {
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = '123456789'
    return `signature=${sign(timestamp, nonce, token)}&timestamp=${timestamp}&nonce=${nonce}${echostr ? `&echostr=${echostr}` : ''}`
  }

  it('echoes the verification string only with a valid signature', async () => {
    const ok = await t.app.inject({ method: 'GET', url: `/api/wechat/message-push?${query(undefined, 'echo123')}` })
    expect(ok.statusCode).toBe(200)
    expect(ok.body).toBe('echo123')
    const forged = await t.app.inject({ method: 'GET', url: `/api/wechat/message-push?${query('wrongToken', 'echo123')}` })
    expect(forged.statusCode).toBe(403)
    expect(forged.json().code).toBe('WECHAT_SIGNATURE_INVALID')
  })

  it('records subscription events, whether List is one object or an array, without touching balances', async () => {
    const main = await signUpMain(t)
    const { openid } = await t.app.ctx.db.selectFrom('users').select('openid').where('id', '=', main.session.user.id).executeTakeFirstOrThrow()
    const post = (body: object, q = query()) => t.app.inject({ method: 'POST', url: `/api/wechat/message-push?${q}`, payload: body })
    const one = await post({ ToUserName: 'gh_x', FromUserName: openid, CreateTime: 1700000000, MsgType: 'event', Event: 'subscribe_msg_popup_event', List: { TemplateId: TEMPLATES.newMessage, SubscribeStatusString: 'accept', PopupScene: '0' } })
    expect(one.statusCode).toBe(200)
    expect(one.body).toBe('success')
    const many = await post({
      FromUserName: openid,
      CreateTime: '1700000001',
      MsgType: 'event',
      Event: 'subscribe_msg_popup_event',
      List: [
        { TemplateId: TEMPLATES.newMessage, SubscribeStatusString: 'accept', PopupScene: '0' },
        { TemplateId: TEMPLATES.sla, SubscribeStatusString: 'reject', PopupScene: '0' },
      ],
    })
    expect(many.statusCode).toBe(200)
    const events = await t.app.ctx.db.selectFrom('wechatSubscribeEvents').selectAll().where('userId', '=', main.session.user.id).orderBy('id').execute()
    expect(events.map((e) => [e.event, e.templateId, e.status])).toEqual([
      ['subscribe_msg_popup_event', TEMPLATES.newMessage, 'accept'],
      ['subscribe_msg_popup_event', TEMPLATES.newMessage, 'accept'],
      ['subscribe_msg_popup_event', TEMPLATES.sla, 'reject'],
    ])
    expect((await main.request('GET', '/api/notifications/credits')).json().templates[0].balance).toBe(0)
    const forged = await post({ FromUserName: openid, Event: 'subscribe_msg_popup_event', List: { TemplateId: TEMPLATES.sla, SubscribeStatusString: 'accept' } }, query('otherToken'))
    expect(forged.statusCode).toBe(403)
  })

  it('refuses every call when no push token is configured', async () => {
    const plain = await buildTestApp()
    try {
      const res = await plain.app.inject({ method: 'GET', url: `/api/wechat/message-push?${query('', 'x')}` })
      expect(res.statusCode).toBe(403)
    } finally {
      await plain.close()
    }
  })
})
