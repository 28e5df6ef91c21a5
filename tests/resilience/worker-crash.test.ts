// SIGKILL of a worker process in the middle of a 5,000-message backlog, then a restart: exactly
// 5,000 messages, none twice — progress commits with the rows, so a crash loses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@sellerinbox/server/db/kysely'
import { buildTestApp, createStore, signUpMain, type TestApp } from '../helpers/app'
import { buyerMessage } from '../helpers/amazon-mail'
import { appendMessages, createMailbox } from '../helpers/imap'
import { addMailSource, countMessages, syncState, testDb, waitFor } from '../helpers/ingest'
import { startServerProcess, type ServerProcess } from '../helpers/server-process'
import { TEST_STORAGE_DIR, TEST_WECHAT, testDatabaseUrl } from '../helpers/test-env'

let t: TestApp
let db: Db
let worker: ServerProcess | undefined
beforeAll(async () => {
  t = await buildTestApp()
  db = testDb()
})
afterAll(async () => {
  await worker?.stop()
  await db.destroy()
  await t.close()
})

const workerEnv = {
  ROLES: 'worker',
  DATABASE_URL: testDatabaseUrl(),
  JWT_SECRET: 'test-jwt-secret-test-jwt-secret-0123456789',
  SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
  WECHAT_APPID: TEST_WECHAT.appid,
  WECHAT_SECRET: TEST_WECHAT.secret,
  INBOUND_DOMAIN: 'in.test.example',
  STORAGE_DIR: TEST_STORAGE_DIR,
  LOG_LEVEL: 'warn',
  // A killed worker keeps its lease until it expires; keep the wait short here.
  MAIL_LEASE_TTL_SECONDS: '5',
  MAIL_SYNC_TICK_SECONDS: '1',
}

describe('worker crash', () => {
  it('ingests a 5,000-message backlog exactly once across a SIGKILL and restart', async () => {
    const main = await signUpMain(t)
    const store = await createStore(main, 'Crash Store', ['US'])
    const channelId = store.channels[0]!.id
    const box = await createMailbox()
    const total = 5000
    await appendMessages(box, Array.from({ length: total }, (_, i) => buyerMessage({ to: store.channels[0]!.dedicatedAddress, text: `Crash test ${i}` })))
    const sourceId = await addMailSource(db, main.session.org.id, box)

    worker = await startServerProcess(workerEnv)
    const atKill = await waitFor('the sync to be under way', async () => {
      const n = await countMessages(db, [channelId])
      return n >= 1000 ? n : null
    }, 120_000, 20)
    worker.kill('SIGKILL')
    expect(atKill).toBeLessThan(total)

    worker = await startServerProcess(workerEnv)
    await waitFor(`${total} messages`, async () => (await countMessages(db, [channelId])) >= total, 150_000, 200)
    await waitFor('the lease to show progress', async () => (await syncState(db, sourceId))?.lastUid === total, 10_000)
    await new Promise((r) => setTimeout(r, 500))
    expect(await countMessages(db, [channelId])).toBe(total)
    const distinct = await db.selectFrom('messages').select((eb) => eb.fn.count<number>('uid').distinct().as('n')).where('channelId', '=', channelId).executeTakeFirstOrThrow()
    expect(Number(distinct.n)).toBe(total)
  })
})
