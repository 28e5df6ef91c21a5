// A worker SIGKILLed right after the SMTP server accepted a reply: on restart nothing more is sent
// (the reply ends `sent` or `unknown`, never re-sent), and new replies still go out.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@sellerinbox/server/db/kysely'
import type { Reply } from '@sellerinbox/shared'
import { buildTestApp, createStore, signUpMain, type TestApp } from '../helpers/app'
import { mailFactory } from '../helpers/mail-factory'
import { testDb, waitFor } from '../helpers/ingest'
import { startServerProcess, type ServerProcess } from '../helpers/server-process'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'
import { TEST_STORAGE_DIR, TEST_WECHAT, testDatabaseUrl } from '../helpers/test-env'

let t: TestApp
let db: Db
let sink: SmtpSink
let worker: ServerProcess | undefined
beforeAll(async () => {
  t = await buildTestApp()
  db = testDb()
  sink = await startSmtpSink()
})
afterAll(async () => {
  await worker?.stop()
  await sink.stop()
  await db.destroy()
  await t.close()
})

const workerEnv = () => ({
  ROLES: 'worker',
  DATABASE_URL: testDatabaseUrl(),
  JWT_SECRET: 'test-jwt-secret-test-jwt-secret-0123456789',
  SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
  WECHAT_APPID: TEST_WECHAT.appid,
  WECHAT_SECRET: TEST_WECHAT.secret,
  INBOUND_DOMAIN: 'in.test.example',
  STORAGE_DIR: TEST_STORAGE_DIR,
  LOG_LEVEL: 'warn',
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(sink.port),
  SMTP_TLS_MODE: 'none',
  OUTBOX_SENDING_TIMEOUT_SECONDS: '5',
})

describe('outbox crash', () => {
  it('sends nothing more after a SIGKILL right after the SMTP server accepted', async () => {
    const main = await signUpMain(t)
    const store = await createStore(main, 'Crash Replies', ['US'])
    const relay = `crashbuyer${Date.now().toString(36)}+${randomUUID()}@marketplace.amazon.com`
    const message = await mailFactory(t.app, main).message(store.channels[0]!, { replyTo: relay, buyerName: 'Sam' })

    worker = await startServerProcess(workerEnv())
    const killed = new Promise<void>((resolve) => {
      sink.onAccepted = (mail) => {
        if (!mail.to.includes(relay)) return
        worker!.kill('SIGKILL')
        resolve()
      }
    })
    const res = await main.request('POST', `/api/messages/${message.id}/replies`, { body: 'On its way.', idempotencyKey: randomUUID() })
    const id = res.json<Reply>().id
    await killed
    sink.onAccepted = undefined

    worker = await startServerProcess(workerEnv())
    const settled = await waitFor('the interrupted reply to settle', async () => {
      const row = await db.selectFrom('outbox').select(['state', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow()
      return row.state === 'sent' || row.state === 'unknown' ? row : null
    }, 30_000, 200)
    expect(settled.attempts).toBe(1)

    // The restarted worker still sends new replies.
    const second = await main.request('POST', `/api/messages/${message.id}/replies`, { body: 'One more thing.', idempotencyKey: randomUUID() })
    await waitFor('the second reply', async () => (await db.selectFrom('outbox').select('state').where('id', '=', second.json<Reply>().id).executeTakeFirst())?.state === 'sent', 30_000, 200)
    await new Promise((r) => setTimeout(r, 1000))
    const bodies = sink.received.filter((m) => m.to.includes(relay)).map((m) => m.parsed.text?.trim())
    expect(bodies).toEqual(['On its way.', 'One more thing.'])
  })
})
