// Dovecot down for 20 s and MariaDB restarted mid-ingest: the worker reconnects, catches up, and
// nothing is lost or stored twice.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { createConnection } from 'mysql2/promise'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '@sellerinbox/server/db/kysely'
import { migrateToLatest } from '@sellerinbox/server/db/migrator'
import { buildTestApp, createStore, signUpMain, type TestApp } from '../helpers/app'
import { buyerMessage } from '../helpers/amazon-mail'
import { appendMessages, createMailbox } from '../helpers/imap'
import { addMailSource, countMessages, startWorker, syncState, testDb, waitFor } from '../helpers/ingest'
import { ROOT, services, startDovecot, stopDovecot } from '../helpers/services'

const fastBackoff = { baseMs: 300, capMs: 3000, stableMs: 10_000 }

describe('outages', () => {
  let t: TestApp
  let db: Db
  beforeAll(async () => {
    t = await buildTestApp()
    db = testDb()
  })
  afterAll(async () => {
    await db.destroy()
    await t.close()
  })

  it('reconnects after Dovecot was down for 20 s and catches up on mail delivered meanwhile', async () => {
    const main = await signUpMain(t)
    const store = await createStore(main, 'Outage Store', ['US'])
    const channel = store.channels[0]!
    const box = await createMailbox()
    await appendMessages(box, Array.from({ length: 10 }, (_, i) => buyerMessage({ to: channel.dedicatedAddress, text: `Before ${i}` })))
    const sourceId = await addMailSource(db, main.session.org.id, box)
    const worker = startWorker(db, [sourceId], { backoff: fastBackoff })
    try {
      await waitFor('10 messages', async () => (await countMessages(db, [channel.id])) === 10)
      await stopDovecot()
      // Existing IMAP sessions end shortly after Dovecot's master; only then is the outage complete.
      await waitFor('the worker to notice', async () => (await syncState(db, sourceId))?.connected === false, 30_000, 200)
      // Mail keeps arriving while IMAP is down: the MTA writes it into the Maildir.
      const maildir = path.join(ROOT, '.local/dovecot/mail', box.user, 'Maildir', 'new')
      await fs.mkdir(maildir, { recursive: true })
      for (let i = 0; i < 5; i++) {
        const file = path.join(maildir, `${Date.now()}.outage${i}.localhost`)
        await fs.writeFile(file, buyerMessage({ to: channel.dedicatedAddress, text: `During outage ${i}` }))
        await fs.chown(file, 5000, 5000)
      }
      await new Promise((r) => setTimeout(r, 20_000))
      expect(await countMessages(db, [channel.id])).toBe(10)
      await startDovecot()
      await waitFor('the catch-up', async () => (await countMessages(db, [channel.id])) === 15, 30_000, 200)
      await appendMessages(box, [buyerMessage({ to: channel.dedicatedAddress, text: 'After the outage' })])
      await waitFor('live mail again', async () => (await countMessages(db, [channel.id])) === 16, 10_000, 100)
      const state = await syncState(db, sourceId)
      expect(state).toMatchObject({ connected: true, lastUid: 16 })
      expect(state!.lastError).toBeTruthy()
    } finally {
      await worker.stop()
      await startDovecot()
    }
  })
})

describe('MariaDB restart', () => {
  // Restarting the machine's own MariaDB would disturb other users of it: when the tests use that
  // one, this test runs a private instance of its own; when they use the private one, it restarts it.
  const usesPrivate = process.env.DB_PORT !== undefined && process.env.DB_PORT !== '3306'
  const env: Record<string, string> = usesPrivate ? {} : { SELLERINBOX_FORCE_PRIVATE_DB: '1', SELLERINBOX_PRIVATE_DB_PORT: '13307' }
  const port = usesPrivate ? process.env.DB_PORT! : '13307'
  let t: TestApp
  let db: Db
  let startedPrivate = false

  beforeAll(async () => {
    const out = await services('start_mariadb', env)
    startedPrivate = !usesPrivate && out.includes('started')
    const url = `mysql://root@127.0.0.1:${port}/sellerinbox_restart`
    const admin = await createConnection({ uri: `mysql://root@127.0.0.1:${port}/` })
    await admin.query('DROP DATABASE IF EXISTS sellerinbox_restart')
    await admin.query('CREATE DATABASE sellerinbox_restart CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci')
    await admin.end()
    db = createDb(url, 5)
    await migrateToLatest(db)
    t = await buildTestApp({ DATABASE_URL: url })
  })
  afterAll(async () => {
    await t?.close()
    await db?.destroy()
    if (startedPrivate) await services('stop_services mariadb')
  })

  it('resumes ingest after the database restarts mid-backlog; nothing lost, nothing doubled', async () => {
    const main = await signUpMain(t)
    const store = await createStore(main, 'Restart Store', ['US'])
    const channel = store.channels[0]!
    const box = await createMailbox()
    const total = 2000
    await appendMessages(box, Array.from({ length: total }, (_, i) => buyerMessage({ to: channel.dedicatedAddress, text: `Restart ${i}` })))
    const sourceId = await addMailSource(db, main.session.org.id, box)
    const worker = startWorker(db, [sourceId], { backoff: fastBackoff, batchSize: 100 })
    try {
      await waitFor('ingest under way', async () => (await countMessages(db, [channel.id])) >= 200, 60_000, 20)
      await services('stop_services mariadb && sleep 2 && start_mariadb', env)
      await waitFor(`${total} messages`, async () => {
        try {
          return (await countMessages(db, [channel.id])) >= total
        } catch {
          return false // the pool reconnects once the server is back
        }
      }, 120_000, 250)
      await new Promise((r) => setTimeout(r, 500))
      expect(await countMessages(db, [channel.id])).toBe(total)
      expect((await syncState(db, sourceId))?.lastUid).toBe(total)
    } finally {
      await worker.stop()
    }
  })
})

