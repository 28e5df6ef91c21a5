// `pnpm bench:notify [messages] [rate]` — 100,000 users with notification rules (20,000 orgs of one
// main account and four sub-accounts, mixed windows and time zones); 10,000 buyer messages (default)
// APPENDed at 20/s (default) round-robin into the Dovecot mailboxes of 20 of those orgs; the worker's
// real ingestion and dispatcher push them into the WeChat stand-in. No cool-down, so every message
// is pushed to each of its recipients whose window is open. Prints and writes
// .local/bench/notify.json: {"users", "plannerMsPerTick", "pushLatencyMs": {"p50", "p95"}}.
import { mkdirSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ImapFlow } from 'imapflow'
import { sql } from 'kysely'
import { createConnection } from 'mysql2/promise'
import { loadConfig } from '@sellerinbox/server/config'
import { createDb, type Db } from '@sellerinbox/server/db/kysely'
import { migrateToLatest } from '@sellerinbox/server/db/migrator'
import { startWechatStandin } from '@sellerinbox/server/dev/wechat-standin/standin'
import { createSecretBox } from '@sellerinbox/server/lib/secret-box'
import { createWechatClient } from '@sellerinbox/server/modules/wechat/wechat.client'
import { NotificationDispatcher } from '@sellerinbox/server/notify/dispatcher'
import { createLocalBlobStore } from '@sellerinbox/server/storage/blob-store'
import { SyncManager } from '@sellerinbox/server/sync/sync-manager'
import { buyerMessage } from '../helpers/amazon-mail'
import { IMAP, createMailbox, type TestMailbox } from '../helpers/imap'
import { quietLog } from '../helpers/ingest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const MESSAGES = Number(process.argv[2] ?? process.env.BENCH_MESSAGES ?? 10_000)
const RATE = Number(process.argv[3] ?? process.env.BENCH_RATE ?? 20)
const ORGS = 20_000
const USERS_PER_ORG = 5
const ACTIVE_ORGS = 20
const dbHost = process.env.DB_HOST ?? '127.0.0.1'
const dbPort = process.env.DB_PORT ?? '3306'
const dbUrl = `mysql://root@${dbHost}:${dbPort}/sellerinbox_bench_notify`
const APPID = 'wxbenchnotify0001'
const SECRET = 'bench-secret'
const TEMPLATE = 'bench-tmpl-new-message'

// Rules as people set them: most always on, some office hours, some overnight in other time zones.
const RULE_SHAPES = [
  { days: 0b1111111, start: 0, end: 0, endNextDay: true, timeZone: 'Asia/Shanghai' },
  { days: 0b1111111, start: 0, end: 0, endNextDay: true, timeZone: 'Asia/Shanghai' },
  { days: 0b0011111, start: 9 * 60, end: 18 * 60, endNextDay: false, timeZone: 'Asia/Shanghai' },
  { days: 0b0011111, start: 21 * 60, end: 9 * 60, endNextDay: true, timeZone: 'America/Los_Angeles' },
  { days: 0b1111111, start: 8 * 60, end: 23 * 60, endNextDay: false, timeZone: 'Europe/Paris' },
]

async function seed(db: Db): Promise<{ activeOrgs: { orgId: number; channelId: number; address: string }[]; openids: string[] }> {
  const batch = 2000
  for (let first = 0; first < ORGS; first += batch) {
    const orgRows = Array.from({ length: Math.min(batch, ORGS - first) }, (_, k) => ({ name: `Bench org ${first + k}` }))
    const orgResult = await db.insertInto('orgs').values(orgRows).executeTakeFirstOrThrow()
    const firstOrgId = Number(orgResult.insertId)
    const users = orgRows.flatMap((_, k) =>
      Array.from({ length: USERS_PER_ORG }, (_, u) => ({
        orgId: firstOrgId + k,
        role: (u === 0 ? 'main' : 'sub') as 'main' | 'sub',
        openid: `bench-${first + k}-${u}`,
        displayName: `User ${u}`,
      })),
    )
    await db.insertInto('users').values(users).execute()
    const stores = orgRows.map((_, k) => ({ orgId: firstOrgId + k, name: `Store ${first + k}`, region: 'EU' as const }))
    await db.insertInto('stores').values(stores).execute()
  }
  // Channels, store access and rules for everyone, in set-based statements.
  await sql`INSERT INTO channels (org_id, store_id, marketplace, dedicated_address) SELECT org_id, id, 'DE', CONCAT('bench-', id, '@in.bench.example') FROM stores`.execute(db)
  await sql`INSERT INTO user_store_access (user_id, store_id, org_id) SELECT u.id, s.id, u.org_id FROM users u JOIN stores s ON s.org_id = u.org_id WHERE u.role = 'sub'`.execute(db)
  for (const [i, r] of RULE_SHAPES.entries()) {
    await sql`INSERT INTO notification_rules (user_id, org_id, recipient, enabled, categories, days, window_start, window_end, end_next_day, time_zone)
      SELECT id, org_id, 1, 1, 'buyer_message,qa,refund,atoz_claim', ${r.days}, ${r.start}, ${r.end}, ${r.endNextDay}, ${r.timeZone}
      FROM users WHERE MOD(id, ${RULE_SHAPES.length}) = ${i}`.execute(db)
  }
  const active = await db
    .selectFrom('channels')
    .select(['orgId', 'id as channelId', 'dedicatedAddress as address'])
    .orderBy('id')
    .limit(ACTIVE_ORGS)
    .execute()
  const activeUsers = await db.selectFrom('users').select(['id', 'orgId', 'openid']).where('orgId', 'in', active.map((a) => a.orgId)).execute()
  await db
    .insertInto('notificationCredits')
    .values(activeUsers.map((u) => ({ userId: u.id, orgId: u.orgId, templateId: TEMPLATE, balance: 1_000_000, updatedAt: new Date() })))
    .execute()
  return { activeOrgs: active, openids: activeUsers.map((u) => u.openid) }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

async function main() {
  const admin = await createConnection({ uri: `mysql://root@${dbHost}:${dbPort}/` })
  await admin.query('DROP DATABASE IF EXISTS sellerinbox_bench_notify')
  await admin.query('CREATE DATABASE sellerinbox_bench_notify CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci')
  await admin.end()
  const db = createDb(dbUrl, 10)
  await migrateToLatest(db)

  console.log(`seeding ${ORGS * USERS_PER_ORG} users in ${ORGS} orgs with rules…`)
  const seeded = performance.now()
  const { activeOrgs, openids } = await seed(db)
  console.log(`seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`)

  const standin = await startWechatStandin({ port: 0, appid: APPID, secret: SECRET, defaultBalance: 1_000_000_000 })
  standin.state.setTemplate(TEMPLATE, ['thing1', 'thing2', 'time3', 'thing4'])
  for (const openid of openids) standin.state.registerUser(openid)

  const config = loadConfig({
    DATABASE_URL: dbUrl,
    JWT_SECRET: 'bench-jwt-secret-bench-jwt-secret-0123456789',
    SECRETS_KEY: randomBytes(32).toString('base64'),
    WECHAT_APPID: APPID,
    WECHAT_SECRET: SECRET,
    WECHAT_API_BASE: standin.url,
    INBOUND_DOMAIN: 'in.bench.example',
    NOTIFY_TEMPLATE_NEW_MESSAGE: TEMPLATE,
    NOTIFY_COOLDOWN_SECONDS: '0',
  })
  const secrets = createSecretBox(config.secretsKey)
  const storage = createLocalBlobStore(path.join(root, '.local/bench/storage'))

  const boxes: { box: TestMailbox; address: string; client: ImapFlow }[] = []
  const sourceIds: number[] = []
  for (const org of activeOrgs) {
    const box = await createMailbox()
    const source = await db
      .insertInto('mailSources')
      .values({ orgId: org.orgId, name: 'bench', host: IMAP.host, port: IMAP.port, tlsMode: 'none', username: box.user, passwordEnc: secrets.seal(box.password) })
      .executeTakeFirstOrThrow()
    sourceIds.push(Number(source.insertId))
    const client = new ImapFlow({ host: IMAP.host, port: IMAP.port, secure: false, auth: { user: box.user, pass: box.password }, logger: false, ...({ doSTARTTLS: false } as object) })
    await client.connect()
    boxes.push({ box, address: org.address, client })
  }

  const worker = new SyncManager({ db, storage, secrets, log: quietLog, tickMs: 200, sourceIds })
  worker.start()
  // Wait until every mailbox is watched (IDLE), so the first APPENDs are not measured against a connect.
  for (;;) {
    const connected = await db.selectFrom('mailboxSync').select('sourceId').where('sourceId', 'in', sourceIds).where('connected', '=', true).execute()
    if (connected.length === sourceIds.length) break
    await new Promise((r) => setTimeout(r, 100))
  }

  const dispatcher = new NotificationDispatcher({ db, config: config.notify, wechat: createWechatClient(config.wechat), appid: APPID, log: quietLog })
  const planTimes: number[] = []
  let running = true
  const loop = (async () => {
    while (running) {
      const result = await dispatcher.tick()
      if (result.planned > 0) planTimes.push(result.planMs)
      await new Promise((r) => setTimeout(r, config.notify.tickMs))
    }
  })()

  console.log(`appending ${MESSAGES} buyer messages at ${RATE}/s into ${boxes.length} mailboxes…`)
  const appendedAt = new Map<string, number>()
  const started = Date.now()
  for (let i = 0; i < MESSAGES; i++) {
    const due = started + (i * 1000) / RATE
    const wait = due - Date.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    const target = boxes[i % boxes.length]!
    const marker = `bench#${i}#`
    appendedAt.set(marker, Date.now())
    // The APPENDs of one mailbox are sequential; different mailboxes overlap.
    void target.client.append('INBOX', buyerMessage({ to: target.address, text: `Where is my order? ${marker}` }))
    if (i % 1000 === 999) console.log(`  ${i + 1} appended, ${standin.state.sent.length} pushes so far`)
  }

  // Done when every stored message has been planned and nothing is due any more.
  for (;;) {
    await new Promise((r) => setTimeout(r, 500))
    const stored = await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const intake = await db.selectFrom('notificationIntake').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const due = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['pending', 'sending'])
      .where('dueAt', '<=', new Date())
      .executeTakeFirstOrThrow()
    if (Number(stored.n) >= MESSAGES && Number(intake.n) === 0 && Number(due.n) === 0) break
  }
  running = false
  await loop
  await worker.stop()
  for (const b of boxes) await b.client.logout().catch(() => undefined)

  // Latency of every push: from the APPEND of its message to the stand-in receiving the push.
  const markers = await db.selectFrom('messages').select(['id', 'buyerText', 'createdAt']).execute()
  const appendOfMessage = new Map<number, number>()
  const storedOfMessage = new Map<number, number>()
  for (const m of markers) {
    const marker = /bench#\d+#/.exec(m.buyerText ?? '')?.[0]
    const at = marker ? appendedAt.get(marker) : undefined
    if (at !== undefined) appendOfMessage.set(m.id, at)
    storedOfMessage.set(m.id, m.createdAt.getTime())
  }
  // Where the time goes: APPEND → stored (IDLE, fetch, parse, store) and stored → pushed (dispatch).
  const ingestLatencies = [...appendOfMessage.entries()].map(([id, at]) => storedOfMessage.get(id)! - at).sort((a, b) => a - b)
  const dispatchLatencies = standin.state.sent
    .map((s) => storedOfMessage.get(Number(/messageId=(\d+)/.exec(s.page ?? '')?.[1])))
    .map((stored, i) => (stored === undefined ? null : standin.state.sent[i]!.at - stored))
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b)
  const latencies = standin.state.sent
    .map((s) => {
      const id = Number(/messageId=(\d+)/.exec(s.page ?? '')?.[1])
      const at = appendOfMessage.get(id)
      return at === undefined ? null : s.at - at
    })
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b)
  const statuses = await db.selectFrom('notifications').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute()
  await standin.close()
  await db.destroy()

  const result = {
    users: ORGS * USERS_PER_ORG,
    plannerMsPerTick: Number((planTimes.reduce((a, b) => a + b, 0) / Math.max(1, planTimes.length)).toFixed(1)),
    pushLatencyMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)) },
  }
  console.log(`messages: ${MESSAGES} at ${RATE}/s; pushes: ${latencies.length}; notifications by status: ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}`)
  console.log(`planner: ${result.plannerMsPerTick} ms per tick (${planTimes.length} ticks with work)`)
  console.log(`push latency (APPEND → stand-in): p50 ${result.pushLatencyMs.p50} ms, p95 ${result.pushLatencyMs.p95} ms, max ${latencies[latencies.length - 1] ?? 0} ms`)
  console.log(`  of which APPEND → stored: p50 ${percentile(ingestLatencies, 50)} ms, p95 ${percentile(ingestLatencies, 95)} ms; stored → pushed: p50 ${percentile(dispatchLatencies, 50)} ms, p95 ${percentile(dispatchLatencies, 95)} ms`)
  mkdirSync(path.join(root, '.local/bench'), { recursive: true })
  writeFileSync(path.join(root, '.local/bench/notify.json'), `${JSON.stringify(result, null, 2)}\n`)
  console.log('written .local/bench/notify.json')
}

await main()
