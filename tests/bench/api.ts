// `pnpm bench:api` — the inbox API at scale. Seeds N messages (BENCH_ROWS, default 1,000,000)
// over 20 orgs and 500 channels into its own database (kept between runs: the seed is reused
// when it has the same size and is under 3 days old, because "today" and "7 days" move), starts
// the real app in its own process, then measures each endpoint under 50 concurrent connections
// with autocannon, next to a trivial Fastify route on the same app in the same run. Prints p50,
// p99 and requests/s and writes .local/bench/api.json. BENCH_DURATION (s per endpoint, default
// 15), BENCH_EXTRAS=0 (skip the views not in api.json), BENCH_SEED_ONLY=1 (seed, do not measure),
// BENCH_BUFFER_POOL_MB (InnoDB buffer pool to ask for, default 4096), BENCH_DB_SOCKET=0 (app to
// database over TCP instead of the Unix socket), BENCH_SERVER_ARGS (extra node flags for the
// server process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"), DB_POOL_SIZE (the app's database pool, default 10),
// BENCH_ONLY=list,detail (measure only these endpoints, next to the baseline; api.json is then not written).
import { fork } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import autocannon, { type Result } from 'autocannon'
import { createConnection, type Connection } from 'mysql2/promise'
import { createDb } from '@sellerinbox/server/db/kysely'
import { migrateToLatest } from '@sellerinbox/server/db/migrator'
import { SEARCH_KEYWORDS } from './api-text'
import { seed, type SeededOrg } from './api-seed'
import { databaseCpu } from './db-cpu'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000)
const DURATION = Number(process.env.BENCH_DURATION ?? 15)
const WARMUP = 3
const CONCURRENCY = 50
const DB_NAME = process.env.BENCH_API_DB ?? 'sellerinbox_bench_api'
const SEED_MAX_AGE_MS = 3 * 24 * 3600_000
/**
 * InnoDB buffer pool the run asks for (MiB): a database server for a million messages is sized
 * to hold them (about 3 GB of rows and indexes), as in production; the default 128 MiB makes
 * every detail view a disk read. Grown at run time when smaller; BENCH_BUFFER_POOL_MB=0 keeps it.
 */
const BUFFER_POOL_MB = Number(process.env.BENCH_BUFFER_POOL_MB ?? 4096)
/** Bump when the seed's shape changes, so an older seed is not reused. */
const SEED_VERSION = 2
const dbHost = process.env.DB_HOST ?? '127.0.0.1'
const dbPort = process.env.DB_PORT ?? '3306'
const dbUser = encodeURIComponent(process.env.DB_USER ?? 'root')
const dbPassword = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ''
const serverUrl = `mysql://${dbUser}${dbPassword}@${dbHost}:${dbPort}/`
const dbUrl = `${serverUrl}${DB_NAME}`

interface Figures {
  p50: number
  p99: number
  rps: number
}

type Server = Awaited<ReturnType<typeof startServer>>

const log = (line: string) => console.log(line)

/** The seeded orgs when the bench database already holds this seed, else null. */
async function existingSeed(admin: Connection): Promise<SeededOrg[] | null> {
  try {
    const [rows] = (await admin.query(`SELECT v FROM \`${DB_NAME}\`.bench_meta WHERE k = 'seed'`)) as [{ v: string }[], unknown]
    const meta = rows[0] ? (JSON.parse(rows[0].v) as { version: number; rows: number; at: number; orgs: SeededOrg[] }) : null
    if (!meta || meta.version !== SEED_VERSION || meta.rows !== ROWS || Date.now() - meta.at > SEED_MAX_AGE_MS) return null
    const [count] = (await admin.query(`SELECT COUNT(*) AS n FROM \`${DB_NAME}\`.messages`)) as [{ n: number }[], unknown]
    return Number(count[0]!.n) === ROWS ? meta.orgs : null
  } catch {
    return null
  }
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20)

async function sizeBufferPool(admin: Connection): Promise<void> {
  const [rows] = (await admin.query('SELECT @@innodb_buffer_pool_size AS size')) as [{ size: number }[], unknown]
  const current = Number(rows[0]!.size)
  const wanted = BUFFER_POOL_MB * 1024 * 1024
  if (wanted > current) {
    await admin.query('SET GLOBAL innodb_buffer_pool_size = ?', [wanted])
    log(`database: InnoDB buffer pool grown from ${mib(current)} to ${mib(wanted)} MiB`)
  } else log(`database: InnoDB buffer pool ${mib(current)} MiB`)
}

async function prepareDatabase(): Promise<SeededOrg[]> {
  const admin = await createConnection({ uri: serverUrl, timezone: 'Z' })
  try {
    await sizeBufferPool(admin)
    const reused = await existingSeed(admin)
    if (reused) {
      log(`reusing the seeded ${ROWS} messages in ${DB_NAME}`)
      const db = createDb(dbUrl, 2)
      await migrateToLatest(db)
      await db.destroy()
      return reused
    }
    log(`seeding ${ROWS} messages into ${DB_NAME} (takes minutes at 1,000,000)…`)
    await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``)
    await admin.query(`CREATE DATABASE \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
    const db = createDb(dbUrl, 2)
    await migrateToLatest(db)
    const conn = await createConnection({ uri: dbUrl, timezone: 'Z', charset: 'utf8mb4_unicode_ci' })
    await conn.query("SET time_zone = '+00:00'")
    const orgs = await seed(db, conn, ROWS, log)
    await conn.query('CREATE TABLE bench_meta (k VARCHAR(32) PRIMARY KEY, v TEXT NOT NULL)')
    await conn.query('INSERT INTO bench_meta VALUES (?, ?)', ['seed', JSON.stringify({ version: SEED_VERSION, rows: ROWS, at: Date.now(), orgs })])
    await conn.end()
    await db.destroy()
    return orgs
  } finally {
    await admin.end()
  }
}

/**
 * The app's database URL: over the server's Unix socket when it runs on this machine (the
 * single-machine deployment, see README), else the TCP address. BENCH_DB_SOCKET=0 forces TCP.
 */
async function appDatabaseUrl(): Promise<string> {
  if (process.env.BENCH_DB_SOCKET === '0') return dbUrl
  const admin = await createConnection({ uri: serverUrl })
  const [rows] = (await admin.query('SELECT @@socket AS socket')) as [{ socket: string | null }[], unknown]
  await admin.end()
  const socket = rows[0]?.socket
  if (!socket || !existsSync(socket)) return dbUrl
  return `mysql://${dbUser}${dbPassword}@localhost/${DB_NAME}?socketPath=${encodeURIComponent(socket)}`
}

async function startServer(orgs: SeededOrg[]) {
  const databaseUrl = await appDatabaseUrl()
  log(`app → database: ${databaseUrl.includes('socketPath') ? 'Unix socket' : 'TCP'}`)
  const env = {
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SECRETS_KEY: randomBytes(32).toString('base64'),
    WECHAT_APPID: 'wxbench',
    WECHAT_SECRET: 'bench',
    INBOUND_DOMAIN: 'in.bench.example',
    // Request logs would measure pino, not the API; both the baseline and the API run without them.
    LOG_LEVEL: 'warn',
    STORAGE_DIR: path.join(root, '.local/bench/api-storage'),
    ...(process.env.DB_POOL_SIZE ? { DB_POOL_SIZE: process.env.DB_POOL_SIZE } : {}),
  }
  const child = fork(path.join(here, 'api-server.ts'), {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_SERVER_ARGS ? process.env.BENCH_SERVER_ARGS.split(' ') : [])],
    env: { ...process.env, BENCH_API_ENV: JSON.stringify(env), BENCH_API_USERS: JSON.stringify(orgs.map((o) => o.userId)) },
  })
  const ready = await new Promise<{ port: number; tokens: string[] }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number; tokens: string[] }))
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  const cpuMs = () =>
    new Promise<number>((resolve) => {
      child.once('message', (m) => resolve((m as { cpuMs: number }).cpuMs))
      child.send('cpu')
    })
  // Killed rather than closed: requests still queued when a run ends need no answer.
  return { ...ready, cpuMs, stop: () => child.kill() }
}

/** Per-request path and token, round-robin over the prepared list. */
function rotating(port: number, targets: { path: string; token?: string }[]) {
  let i = 0
  return {
    url: `http://127.0.0.1:${port}`,
    requests: [
      {
        method: 'GET',
        setupRequest: (request: { path?: string; headers?: Record<string, string> }) => {
          const target = targets[i++ % targets.length]!
          const headers: Record<string, string> = target.token ? { authorization: `Bearer ${target.token}` } : {}
          return { ...request, path: target.path, headers }
        },
      },
    ],
  }
}

let dbCpuMs: () => number | null = () => null

async function measure(server: Server, name: string, options: ReturnType<typeof rotating>): Promise<Figures> {
  await autocannon({ ...options, connections: CONCURRENCY, duration: WARMUP })
  const cpuBefore = await server.cpuMs()
  const dbBefore = dbCpuMs()
  const result: Result = await autocannon({ ...options, connections: CONCURRENCY, duration: DURATION })
  const cpuPerRequest = (await server.cpuMs()) - cpuBefore
  const dbAfter = dbCpuMs()
  const load = loadavg()[0]!.toFixed(1)
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`)
  }
  const figures = { p50: result.latency.p50, p99: result.latency.p99, rps: Math.round(result.requests.average) }
  const cpu = (cpuPerRequest / result.requests.total).toFixed(2)
  const db = dbBefore !== null && dbAfter !== null ? ((dbAfter - dbBefore) / result.requests.total).toFixed(2) : '?'
  log(
    `${name.padEnd(14)} p50 ${String(figures.p50).padStart(5)} ms   p99 ${String(figures.p99).padStart(5)} ms   ${String(figures.rps).padStart(6)} req/s` +
      `   CPU ms/req: server ${cpu}, database ${db}   load ${load}`,
  )
  return figures
}

/** Random message ids (the seed numbers them 1..N) with their org, for detail requests. */
async function sampleMessages(orgs: SeededOrg[], count: number): Promise<{ id: number; orgIndex: number }[]> {
  const conn = await createConnection({ uri: dbUrl })
  const ids = Array.from({ length: count }, () => 1 + Math.floor(Math.random() * ROWS))
  const [rows] = (await conn.query('SELECT id, org_id AS orgId FROM messages WHERE id IN (?)', [ids])) as [{ id: number; orgId: number }[], unknown]
  await conn.end()
  return rows.map((r) => ({ id: r.id, orgIndex: orgs.findIndex((o) => o.orgId === r.orgId) }))
}

async function main() {
  const orgs = await prepareDatabase()
  // BENCH_SEED_ONLY=1: prepare the database now, measure in a later run (which reuses the seed).
  if (process.env.BENCH_SEED_ONLY === '1') return
  dbCpuMs = await databaseCpu(serverUrl)
  const server = await startServer(orgs)
  try {
    const { port, tokens } = server
    log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} before the run`)
    const forEveryOrg = (p: string) => tokens.map((token) => ({ path: p, token }))
    const keywords = Object.values(SEARCH_KEYWORDS)
    const samples = await sampleMessages(orgs, 5000)
    log(`\n${ROWS} messages, ${orgs.length} orgs, concurrency ${CONCURRENCY}, ${DURATION} s per endpoint`)
    const views: Record<string, () => ReturnType<typeof rotating>> = {
      baseline: () => rotating(port, [{ path: '/bench/noop' }]),
      list: () => rotating(port, forEveryOrg('/api/messages')),
      listFiltered: () => rotating(port, forEveryOrg('/api/messages?category=buyer_message&marketplace=DE&range=7d&status=pending')),
      counts: () => rotating(port, forEveryOrg('/api/messages/counts')),
      detail: () => rotating(port, samples.map((s) => ({ path: `/api/messages/${s.id}`, token: tokens[s.orgIndex]! }))),
      search: () => rotating(port, keywords.flatMap((k) => forEveryOrg(`/api/messages?q=${encodeURIComponent(k)}`))),
    }
    const only = process.env.BENCH_ONLY ? new Set(['baseline', ...process.env.BENCH_ONLY.split(',')]) : null
    for (const name of only ?? []) if (!(name in views)) throw new Error(`BENCH_ONLY: no endpoint "${name}" (known: ${Object.keys(views).join(', ')})`)
    const endpoints: Record<string, Figures> = {}
    for (const [name, view] of Object.entries(views)) if (!only || only.has(name)) endpoints[name] = await measure(server, name, view())
    if (process.env.BENCH_EXTRAS !== '0' && !only) {
      log('\nmore views (not in api.json):')
      await measure(server, 'auth floor', rotating(port, forEveryOrg('/api/bench/noop')))
      await measure(server, 'counts 7d', rotating(port, forEveryOrg('/api/messages/counts?range=7d')))
      await measure(server, 'list page 5', rotating(port, await deepCursors(port, tokens)))
      for (const [lang, k] of Object.entries(SEARCH_KEYWORDS)) await measure(server, `search ${lang}`, rotating(port, forEveryOrg(`/api/messages?q=${encodeURIComponent(k)}`)))
      await measure(server, 'search none', rotating(port, forEveryOrg(`/api/messages?q=${encodeURIComponent('没有这个词')}`)))
    }
    if (only) return
    const result = { rows: ROWS, concurrency: CONCURRENCY, endpoints }
    mkdirSync(path.join(root, '.local/bench'), { recursive: true })
    writeFileSync(path.join(root, '.local/bench/api.json'), `${JSON.stringify(result, null, 2)}\n`)
    log('\nwritten .local/bench/api.json')
  } finally {
    server.stop()
  }
}

/** A fifth-page cursor per org: paging deep must cost what the first page costs. */
async function deepCursors(port: number, tokens: string[]): Promise<{ path: string; token: string }[]> {
  const targets: { path: string; token: string }[] = []
  for (const token of tokens) {
    let cursor: string | null = null
    for (let page = 0; page < 4; page++) {
      const res: Response = await fetch(`http://127.0.0.1:${port}/api/messages${cursor ? `?cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } })
      cursor = ((await res.json()) as { nextCursor: string | null }).nextCursor
    }
    if (cursor) targets.push({ path: `/api/messages?cursor=${cursor}`, token })
  }
  return targets
}

await main()
