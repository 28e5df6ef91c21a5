// SIGKILL of a worker process between WeChat accepting a push and the worker recording it: after a
// restart the push is marked unknown and never sent again; later pushes go out as usual. A proxy in
// front of the WeChat stand-in kills the worker the moment the stand-in has answered.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../helpers/app'
import { waitFor } from '../helpers/ingest'
import { buildNotifyApp, notificationsOf, notifyOrg, openidOf, sentTo, storeMessage, TEMPLATE_ENV } from '../helpers/notify'
import { startServerProcess, type ServerProcess } from '../helpers/server-process'
import { TEST_STORAGE_DIR, TEST_WECHAT, testDatabaseUrl } from '../helpers/test-env'

let t: TestApp
let proxy: Server
let proxyUrl = ''
let worker: ServerProcess | undefined
let killOnSend = true

beforeAll(async () => {
  t = await buildNotifyApp()
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      const answer = await fetch(`${t.standin.url}${req.url}`, {
        method: req.method ?? 'GET',
        headers: { 'content-type': 'application/json' },
        ...(req.method === 'POST' ? { body: Buffer.concat(chunks) } : {}),
      })
      const body = await answer.text()
      if (killOnSend && req.url?.startsWith('/cgi-bin/message/subscribe/send')) {
        // WeChat has sent it; the worker dies before it hears so.
        worker?.kill('SIGKILL')
        res.socket?.destroy()
        return
      }
      res.writeHead(answer.status, { 'content-type': 'application/json' })
      res.end(body)
    })
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
})

afterAll(async () => {
  await worker?.stop()
  await new Promise((r) => proxy.close(r))
  await t.close()
})

function startWorker(): Promise<ServerProcess> {
  return startServerProcess({
    ROLES: 'worker',
    DATABASE_URL: testDatabaseUrl(),
    JWT_SECRET: 'test-jwt-secret-test-jwt-secret-0123456789',
    SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
    WECHAT_APPID: t.app.ctx.config.wechat.appid,
    WECHAT_SECRET: TEST_WECHAT.secret,
    WECHAT_API_BASE: proxyUrl,
    INBOUND_DOMAIN: 'in.test.example',
    STORAGE_DIR: TEST_STORAGE_DIR,
    LOG_LEVEL: 'warn',
    NOTIFY_TICK_MS: '100',
    NOTIFY_SENDING_TIMEOUT_SECONDS: '5',
    ...TEMPLATE_ENV,
  })
}

describe('worker crash during a push', () => {
  it('marks the interrupted push unknown after a restart and never sends it twice', async () => {
    const o = await notifyOrg(t)
    // Always-open window: this test runs on real time.
    await o.main.request('PUT', `/api/notifications/rules/${o.main.session.user.id}`, {
      enabled: true,
      categories: ['buyer_message'],
      days: [1, 2, 3, 4, 5, 6, 7],
      start: '00:00',
      end: '00:00',
      endNextDay: true,
      timeZone: 'Asia/Shanghai',
      storeIds: null,
    })
    const openid = await openidOf(t, o.main)
    worker = await startWorker()
    await storeMessage(t, o.main, o.us)
    await waitFor('the push to reach WeChat', async () => sentTo(t, openid).length === 1, 20_000, 50)
    const [interrupted] = await notificationsOf(t.app.ctx.db, o.main.session.user.id)
    expect(interrupted).toMatchObject({ status: 'sending' })

    // Restart once the sending timeout has passed: the start-up sweep settles the interrupted push.
    killOnSend = false
    await new Promise((r) => setTimeout(r, 5_500))
    worker = await startWorker()
    await waitFor('the push to be marked unknown', async () => (await notificationsOf(t.app.ctx.db, o.main.session.user.id))[0]?.status === 'unknown', 20_000, 100)

    // New mail still gets through (after the cool-down that the interrupted push started).
    await t.app.ctx.db.updateTable('notificationRules').set({ lastPushAt: null }).where('userId', '=', o.main.session.user.id).execute()
    await storeMessage(t, o.main, o.de)
    await waitFor('the next push', async () => sentTo(t, openid).length === 2, 20_000, 50)
    await new Promise((r) => setTimeout(r, 1_000))
    expect(sentTo(t, openid)).toHaveLength(2)
    expect((await notificationsOf(t.app.ctx.db, o.main.session.user.id)).map((n) => n.status)).toEqual(['unknown', 'sent'])
  })
})
