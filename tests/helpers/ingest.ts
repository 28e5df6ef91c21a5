// Wiring for ingestion tests: a mail source row for a Dovecot mailbox, an in-process sync worker,
// and polling helpers that wait on the database (never on timers alone).
import type { FastifyBaseLogger } from 'fastify'
import pino from 'pino'
import { createDb, type Db } from '@sellerinbox/server/db/kysely'
import { createSecretBox } from '@sellerinbox/server/lib/secret-box'
import { createLocalBlobStore } from '@sellerinbox/server/storage/blob-store'
import { SyncManager, type SyncManagerOptions } from '@sellerinbox/server/sync/sync-manager'
import { IMAP, type TestMailbox } from './imap'
import { TEST_STORAGE_DIR, testConfig, testDatabaseUrl } from './test-env'

export const secrets = createSecretBox(testConfig().secretsKey)
export const storage = createLocalBlobStore(TEST_STORAGE_DIR)
export const quietLog = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) as unknown as FastifyBaseLogger

export function testDb(): Db {
  return createDb(testDatabaseUrl(), 5)
}

export async function addMailSource(db: Db, orgId: number, box: TestMailbox, mailbox = 'INBOX'): Promise<number> {
  const result = await db
    .insertInto('mailSources')
    .values({ orgId, name: `test ${box.user}`, host: IMAP.host, port: IMAP.port, tlsMode: 'none', username: box.user, passwordEnc: secrets.seal(box.password), mailbox })
    .executeTakeFirstOrThrow()
  return Number(result.insertId)
}

/** A sync worker that only looks at the given sources (other test files run their own). */
export function startWorker(db: Db, sourceIds: number[], options: Partial<SyncManagerOptions> = {}): SyncManager {
  const manager = new SyncManager({ db, storage, secrets, log: quietLog, tickMs: 200, leaseTtlMs: 10_000, sourceIds, ...options })
  manager.start()
  return manager
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

export async function countMessages(db: Db, channelIds: number[]): Promise<number> {
  const row = await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('channelId', 'in', channelIds).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function syncState(db: Db, sourceId: number) {
  return db.selectFrom('mailboxSync').selectAll().where('sourceId', '=', sourceId).executeTakeFirst()
}
