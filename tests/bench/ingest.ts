// `pnpm bench:ingest [N]` — loads N mixed emails (default 10,000) into a Dovecot mailbox, then in
// the same run measures (a) the raw baseline: imapflow full-source fetch plus mailparser parsing,
// nothing stored; and (b) the product's ingest end to end into MariaDB (the worker's SyncManager).
// Prints both rates and their ratio and writes .local/bench/ingest.json.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ImapFlow } from 'imapflow'
import { simpleParser } from 'mailparser'
import { createConnection } from 'mysql2/promise'
import { sql } from 'kysely'
import { createDb } from '@sellerinbox/server/db/kysely'
import { migrateToLatest } from '@sellerinbox/server/db/migrator'
import { createSecretBox } from '@sellerinbox/server/lib/secret-box'
import { createLocalBlobStore } from '@sellerinbox/server/storage/blob-store'
import { SyncManager } from '@sellerinbox/server/sync/sync-manager'
import { createOrgWithMain } from '@sellerinbox/server/modules/auth/sign-in.service'
import { createStore } from '@sellerinbox/server/modules/stores/stores.service'
import { IMAP, createMailbox } from '../helpers/imap'
import { quietLog } from '../helpers/ingest'
import { databaseCpu } from './db-cpu'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const N = Number(process.argv[2] ?? process.env.BENCH_MESSAGES ?? 10_000)
const dbHost = process.env.DB_HOST ?? '127.0.0.1'
const dbPort = process.env.DB_PORT ?? '3306'
const dbUrl = `mysql://root@${dbHost}:${dbPort}/sellerinbox_bench`

/** The project's fixtures as templates: real Amazon shapes, charsets and attachments. */
function templates(): Buffer[] {
  const dirs = ['fixtures/amazon-mail', 'fixtures/mail'].map((d) => path.join(root, 'tests', d))
  return dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.eml')).map((f) => readFileSync(path.join(dir, f))))
}

/**
 * One distinct email per index: a template addressed to the channel, with its own Message-ID and
 * Amazon delivery id (otherwise deduplication would rightly store each template once).
 */
function makeMail(template: Buffer, address: string, i: number): Buffer {
  const text = template
    .toString('latin1')
    .replace(/^Message-ID:.*$/im, `Message-ID: <bench.${i}.${randomBytes(4).toString('hex')}@mail.example>`)
    .replace(/(SPC-[A-Z]{2,4}Amazon-)\d+/g, (_, prefix: string) => `${prefix}${String(9_000_000 + i)}`)
  return Buffer.concat([Buffer.from(`Delivered-To: ${address}\r\nX-Bench-Seq: ${i}\r\n`), Buffer.from(text, 'latin1')])
}

async function main() {
  const admin = await createConnection({ uri: `mysql://root@${dbHost}:${dbPort}/` })
  await admin.query('DROP DATABASE IF EXISTS sellerinbox_bench')
  await admin.query('CREATE DATABASE sellerinbox_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci')
  await admin.end()
  const db = createDb(dbUrl, 8)
  await migrateToLatest(db)
  const secrets = createSecretBox(randomBytes(32))
  const storageDir = path.join(root, '.local/bench/storage')
  const storage = createLocalBlobStore(storageDir)

  const main = await createOrgWithMain(db, `bench-${Date.now()}`, 'Bench')
  const actor = { userId: main.id, orgId: main.orgId, role: 'main' as const }
  const store = await createStore({ db, inboundDomain: 'in.bench.example' }, actor, { name: 'Bench Store', region: 'EU', marketplaces: ['DE'] })
  const address = store.channels[0]!.dedicatedAddress

  const box = await createMailbox()
  const pool = templates()
  const mails = Array.from({ length: N }, (_, i) => makeMail(pool[i % pool.length]!, address, i))
  const bytes = mails.reduce((sum, m) => sum + m.length, 0)
  console.log(`loading ${N} emails (${(bytes / 1e6).toFixed(1)} MB, ${pool.length} templates) into Dovecot…`)
  const client = new ImapFlow({ host: IMAP.host, port: IMAP.port, secure: false, auth: { user: box.user, pass: box.password }, logger: false, ...({ doSTARTTLS: false } as object) })
  await client.connect()
  for (const m of mails) await client.append('INBOX', m)

  // (a) baseline: fetch every full source and parse it with mailparser, storing nothing.
  await client.mailboxOpen('INBOX', { readOnly: true })
  let parsed = 0
  const t0 = performance.now()
  for await (const msg of client.fetch('1:*', { uid: true, source: true }, { uid: true })) {
    if (msg.source) {
      await simpleParser(msg.source)
      parsed++
    }
  }
  const baselineSeconds = (performance.now() - t0) / 1000
  await client.logout()

  // (b) the product: a sync worker ingesting the same mailbox into MariaDB.
  const sourceRow = await db
    .insertInto('mailSources')
    .values({ orgId: main.orgId, name: 'bench', host: IMAP.host, port: IMAP.port, tlsMode: 'none', username: box.user, passwordEnc: secrets.seal(box.password) })
    .executeTakeFirstOrThrow()
  const sourceId = Number(sourceRow.insertId)
  const dbCpuMs = await databaseCpu(`mysql://root@${dbHost}:${dbPort}/`)
  const statements = async () => Number((await sql<{ Value: string }>`SHOW GLOBAL STATUS LIKE 'Questions'`.execute(db)).rows[0]?.Value ?? 0)
  const before = { cpu: process.cpuUsage(), db: dbCpuMs(), statements: await statements() }
  const t1 = performance.now()
  const worker = new SyncManager({ db, storage, secrets, log: quietLog, tickMs: 100, sourceIds: [sourceId] })
  worker.start()
  let stored = 0
  // Done when the worker has committed the mailbox's last UID (every message stored or deduplicated).
  while (stored < N) {
    await new Promise((r) => setTimeout(r, 25))
    const row = await db.selectFrom('mailboxSync').select('lastUid').where('sourceId', '=', sourceId).executeTakeFirst()
    stored = row?.lastUid ?? 0
  }
  const ingestSeconds = (performance.now() - t1) / 1000
  const cpu = process.cpuUsage(before.cpu)
  const dbAfter = dbCpuMs()
  const perMessage = {
    nodeCpuMs: (cpu.user + cpu.system) / 1000 / N,
    dbCpuMs: before.db !== null && dbAfter !== null ? (dbAfter - before.db) / N : null,
    statements: ((await statements()) - before.statements) / N,
  }
  await worker.stop()
  const count = await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  await db.destroy()

  const result = {
    messages: N,
    baselineMsgsPerSec: Math.round(parsed / baselineSeconds),
    ingestMsgsPerSec: Math.round(N / ingestSeconds),
    ratio: Number((parsed / baselineSeconds === 0 ? 0 : N / ingestSeconds / (parsed / baselineSeconds)).toFixed(3)),
  }
  console.log(`baseline (imapflow fetch + mailparser, nothing stored): ${result.baselineMsgsPerSec} msgs/s (${parsed} in ${baselineSeconds.toFixed(2)} s)`)
  console.log(`ingest (fetch, parse, classify, store in MariaDB):      ${result.ingestMsgsPerSec} msgs/s (${N} in ${ingestSeconds.toFixed(2)} s; ${count.n} messages stored)`)
  console.log(`ratio: ${result.ratio}`)
  console.log(
    `per message during ingest: Node CPU ${perMessage.nodeCpuMs.toFixed(2)} ms, database CPU ${perMessage.dbCpuMs?.toFixed(2) ?? '?'} ms, ` +
      `${perMessage.statements.toFixed(2)} SQL statements`,
  )
  mkdirSync(path.join(root, '.local/bench'), { recursive: true })
  writeFileSync(path.join(root, '.local/bench/ingest.json'), `${JSON.stringify(result, null, 2)}\n`)
  console.log('written .local/bench/ingest.json')
}

await main()
