// IMAP sources: management by the main account, health from the sync state, connection tests
// against the local Dovecot, and the password that goes in and never comes out.
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '@sellerinbox/server/app'
import type { MailSource, Session, UnroutedMailPage } from '@sellerinbox/shared'
import { addSubAccount, buildTestApp, clientFor, createStore, signUpMain, uniqueOpenid, type Client, type TestApp } from '../helpers/app'
import { mailFactory } from '../helpers/mail-factory'
import { testConfig } from '../helpers/test-env'

// The local Dovecot started by scripts/test (scripts/lib/services.sh) and its demo user.
const IMAP_HOST = process.env.IMAP_HOST ?? '127.0.0.1'
const IMAP_PORT = Number(process.env.IMAP_PORT ?? 10143)
const IMAPS_PORT = Number(process.env.IMAPS_PORT ?? 10993)
const DEMO = { username: 'demo', password: 'demo-mailbox-password' }

const PASSWORD = 'Sup3r-secret-imap-pw!'
const settings = (overrides: Record<string, unknown> = {}) => ({
  name: 'Catch-all',
  host: 'imap.example.com',
  port: 993,
  tlsMode: 'tls',
  username: 'inbox@example.com',
  password: PASSWORD,
  ...overrides,
})

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

async function createSource(main: Client, overrides: Record<string, unknown> = {}): Promise<MailSource> {
  const res = await main.request('POST', '/api/mail-sources', settings(overrides))
  expect(res.statusCode, res.body).toBe(200)
  return res.json<MailSource>()
}

describe('mail sources', () => {
  it('creates, reads, edits and deletes a source', async () => {
    const main = await signUpMain(t)
    const created = await createSource(main)
    expect(created).toMatchObject({
      name: 'Catch-all',
      host: 'imap.example.com',
      port: 993,
      tlsMode: 'tls',
      username: 'inbox@example.com',
      mailbox: 'INBOX',
      enabled: true,
      health: { connected: false, lastSuccessAt: null, lastError: null, lastErrorAt: null, backlog: null },
    })

    expect((await main.request('GET', `/api/mail-sources/${created.id}`)).json()).toEqual(created)
    expect((await main.request('GET', '/api/mail-sources')).json().sources).toEqual([created])

    const edited = await main.request('PATCH', `/api/mail-sources/${created.id}`, { name: 'Renamed', port: 143, tlsMode: 'starttls', enabled: false })
    expect(edited.statusCode).toBe(200)
    expect(edited.json<MailSource>()).toMatchObject({ name: 'Renamed', port: 143, tlsMode: 'starttls', enabled: false })
    expect((await main.request('PATCH', `/api/mail-sources/${created.id}`, {})).statusCode).toBe(400)

    expect((await main.request('DELETE', `/api/mail-sources/${created.id}`)).json()).toEqual({ ok: true })
    expect((await main.request('GET', `/api/mail-sources/${created.id}`)).statusCode).toBe(404)
    expect((await main.request('GET', '/api/mail-sources')).json().sources).toEqual([])
  })

  it('stores the password sealed, keeps it when an edit leaves it out, and never returns it', async () => {
    const main = await signUpMain(t)
    const responses: string[] = []
    const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => {
      const res = await main.request(method, url, body)
      responses.push(res.body)
      return res
    }
    const created = (await call('POST', '/api/mail-sources', settings())).json<MailSource>()
    const sealedRow = () => t.app.ctx.db.selectFrom('mailSources').select('passwordEnc').where('id', '=', created.id).executeTakeFirstOrThrow()
    const sealed = (await sealedRow()).passwordEnc
    expect(sealed).not.toContain(PASSWORD)
    expect(t.app.ctx.secrets.open(sealed)).toBe(PASSWORD)

    await call('PATCH', `/api/mail-sources/${created.id}`, { name: 'No password change' })
    expect(t.app.ctx.secrets.open((await sealedRow()).passwordEnc)).toBe(PASSWORD)
    await call('PATCH', `/api/mail-sources/${created.id}`, { password: `${PASSWORD}-2` })
    expect(t.app.ctx.secrets.open((await sealedRow()).passwordEnc)).toBe(`${PASSWORD}-2`)

    await call('GET', '/api/mail-sources')
    await call('GET', `/api/mail-sources/${created.id}`)
    await call('POST', `/api/mail-sources/${created.id}/test`, { host: IMAP_HOST, port: 1 })
    for (const body of responses) {
      expect(body).not.toContain(PASSWORD)
      expect(body).not.toContain('v1:')
      expect(body).not.toMatch(/"password(Enc)?"/i)
    }
  })

  it('validates input with a message that says what to fix', async () => {
    const main = await signUpMain(t)
    const res = await main.request('POST', '/api/mail-sources', { ...settings(), host: 'bad host', port: 70000, tlsMode: 'ssl', password: '' })
    expect(res.statusCode).toBe(400)
    const paths = res.json().details.map((d: { path: string }) => d.path)
    expect(paths).toEqual(expect.arrayContaining(['body/host', 'body/port', 'body/tlsMode', 'body/password']))
  })

  it('reports health from the sync state; the backlog is an upper bound from UIDNEXT', async () => {
    const main = await signUpMain(t)
    const mail = mailFactory(t.app, main)
    const live = await createSource(main, { name: 'live' })
    const stale = await createSource(main, { name: 'stale' })
    const failing = await createSource(main, { name: 'failing' })
    await mail.syncState(live.id, 'INBOX', { connected: true, lastUid: 40, serverUidNext: 46, leaseExpiresAt: new Date(Date.now() + 60_000) })
    // The worker died while connected: the flag is still set but its lease ran out.
    await mail.syncState(stale.id, 'INBOX', { connected: true, lastUid: 50, serverUidNext: 45, leaseExpiresAt: new Date(Date.now() - 60_000) })
    await mail.syncState(failing.id, 'INBOX', { connected: false, lastError: 'The server rejected the username or password' })

    const health = Object.fromEntries(
      (await main.request('GET', '/api/mail-sources')).json<{ sources: MailSource[] }>().sources.map((s) => [s.name, s.health]),
    )
    expect(health.live).toEqual({ connected: true, lastSuccessAt: '2026-11-22T01:00:00.000Z', lastError: null, lastErrorAt: null, backlog: 5 })
    expect(health.stale).toMatchObject({ connected: false, backlog: 0 })
    expect(health.failing).toEqual({
      connected: false,
      lastSuccessAt: '2026-11-22T01:00:00.000Z',
      lastError: 'The server rejected the username or password',
      lastErrorAt: '2026-11-22T01:30:00.000Z',
      backlog: null,
    })

    // Health follows the configured mailbox: another folder has no sync state yet.
    const moved = (await main.request('PATCH', `/api/mail-sources/${live.id}`, { mailbox: 'Amazon' })).json<MailSource>()
    expect(moved.health).toEqual({ connected: false, lastSuccessAt: null, lastError: null, lastErrorAt: null, backlog: null })
  })

  it('is for the main account only', async () => {
    const main = await signUpMain(t)
    const store = await createStore(main, 'S', ['US'])
    const sub = await addSubAccount(t, main, [store.id])
    const source = await createSource(main)
    const forbidden: [string, string, unknown?][] = [
      ['GET', '/api/mail-sources'],
      ['POST', '/api/mail-sources', settings()],
      ['GET', `/api/mail-sources/${source.id}`],
      ['PATCH', `/api/mail-sources/${source.id}`, { name: 'x' }],
      ['DELETE', `/api/mail-sources/${source.id}`],
      ['POST', '/api/mail-sources/test', settings()],
      ['POST', `/api/mail-sources/${source.id}/test`, {}],
      ['GET', '/api/unrouted-mail'],
    ]
    for (const [method, url, body] of forbidden) {
      const res = await sub.request(method as 'GET', url, body)
      expect(res.statusCode, `${method} ${url}`).toBe(403)
      expect(res.json().code).toBe('FORBIDDEN_ROLE')
    }
    expect((await main.request('GET', `/api/mail-sources/${source.id}`)).json().name).toBe('Catch-all')
  })
})

describe('connection test against the local Dovecot', () => {
  const dovecot = (overrides: Record<string, unknown> = {}) => ({ host: IMAP_HOST, port: IMAP_PORT, tlsMode: 'none', ...DEMO, ...overrides })

  async function connectionTest(main: Client, body: unknown) {
    const res = await main.request('POST', '/api/mail-sources/test', body)
    expect(res.statusCode, res.body).toBe(200)
    return res.json()
  }

  it('logs in and opens the mailbox read-only', async () => {
    const main = await signUpMain(t)
    const result = await connectionTest(main, dovecot())
    expect(result).toEqual({ ok: true, mailbox: { exists: expect.any(Number), uidValidity: expect.any(Number), uidNext: expect.any(Number) } })
    expect(result.mailbox.uidValidity).toBeGreaterThan(0)
    expect(result.mailbox.uidNext).toBeGreaterThanOrEqual(1)
  })

  it('reports a wrong password as IMAP_AUTH_FAILED', async () => {
    const main = await signUpMain(t)
    const result = await connectionTest(main, dovecot({ password: 'wrong-password' }))
    expect(result).toEqual({ ok: false, error: { code: 'IMAP_AUTH_FAILED', message: expect.stringContaining('rejected the username or password (AUTHENTICATIONFAILED)') } })
  })

  it('reports a missing folder as IMAP_MAILBOX_MISSING', async () => {
    const main = await signUpMain(t)
    const result = await connectionTest(main, dovecot({ mailbox: 'NoSuchBox' }))
    expect(result.error.code).toBe('IMAP_MAILBOX_MISSING')
    expect(result.error.message).toContain('"NoSuchBox" does not exist')
  })

  it('reports a closed port as IMAP_UNREACHABLE', async () => {
    const main = await signUpMain(t)
    const result = await connectionTest(main, dovecot({ port: 1 }))
    expect(result.error).toEqual({ code: 'IMAP_UNREACHABLE', message: expect.stringContaining(`${IMAP_HOST}:1 (ECONNREFUSED)`) })
  })

  it('verifies certificates: the self-signed one of the local IMAPS port is IMAP_TLS_FAILED', async () => {
    const main = await signUpMain(t)
    const result = await connectionTest(main, dovecot({ port: IMAPS_PORT, tlsMode: 'tls' }))
    expect(result.error.code).toBe('IMAP_TLS_FAILED')
    expect(result.error.message).toContain('not trusted')
    // STARTTLS on the plain port reaches the same certificate.
    expect((await connectionTest(main, dovecot({ tlsMode: 'starttls' }))).error.code).toBe('IMAP_TLS_FAILED')
  })

  it('tests a stored source with its stored password, and with settings not saved yet', async () => {
    const main = await signUpMain(t)
    const source = await createSource(main, dovecot({ name: 'Dovecot' }))
    const stored = await main.request('POST', `/api/mail-sources/${source.id}/test`)
    expect(stored.json().ok).toBe(true)
    const withOverride = await main.request('POST', `/api/mail-sources/${source.id}/test`, { password: 'not-saved' })
    expect(withOverride.json().error.code).toBe('IMAP_AUTH_FAILED')
    // The override was for the test only.
    expect((await main.request('POST', `/api/mail-sources/${source.id}/test`, {})).json().ok).toBe(true)
  })

  it('limits connection tests per org', async () => {
    const main = await signUpMain(t)
    const codes: number[] = []
    for (let i = 0; i < 21; i++) codes.push((await main.request('POST', '/api/mail-sources/test', dovecot({ port: 1 }))).statusCode)
    expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true)
    const limited = await main.request('POST', '/api/mail-sources/test', dovecot({ port: 1 }))
    expect(limited.statusCode).toBe(429)
    expect(limited.json().code).toBe('RATE_LIMITED')
    // Another org is not affected.
    expect((await connectionTest(await signUpMain(t), dovecot({ port: 1 }))).ok).toBe(false)
  })
})

describe('unrouted mail', () => {
  it('lists the org’s unrouted mail newest first, page by page', async () => {
    const main = await signUpMain(t)
    const other = await signUpMain(t)
    const source = await createSource(main)
    const otherSource = await createSource(other)
    const mail = mailFactory(t.app, main)
    const ids: number[] = []
    for (let i = 0; i < 5; i++) {
      ids.push(await mail.unrouted(source.id, { receivedAt: new Date(Date.now() - (10 - i) * 60_000), recipients: ['old@in.test.example', 'cc@example.com'] }))
    }
    await mailFactory(t.app, other).unrouted(otherSource.id)

    const first = (await main.request('GET', '/api/unrouted-mail?limit=3')).json<UnroutedMailPage>()
    expect(first.items.map((m) => m.id)).toEqual([ids[4], ids[3], ids[2]])
    expect(first.items[0]).toMatchObject({ sourceId: source.id, recipients: ['old@in.test.example', 'cc@example.com'], routedAt: null, routedMessageId: null })
    const second = (await main.request('GET', `/api/unrouted-mail?limit=3&cursor=${first.nextCursor}`)).json<UnroutedMailPage>()
    expect(second.items.map((m) => m.id)).toEqual([ids[1], ids[0]])
    expect(second.nextCursor).toBeNull()
  })
})

describe('logs', () => {
  it('never contain an IMAP password', async () => {
    let output = ''
    const stream = new Writable({
      write(chunk, _enc, done) {
        output += chunk.toString()
        done()
      },
    })
    const app = await buildApp(testConfig({ WECHAT_API_BASE: t.standin.url, LOG_LEVEL: 'trace' }), { web: false, logStream: stream })
    try {
      const { code } = t.standin.state.mintCode(uniqueOpenid())
      const session = (await app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } })).json<Session>()
      const main = clientFor(app, session)
      const source = (await main.request('POST', '/api/mail-sources', settings({ host: IMAP_HOST, port: IMAP_PORT, tlsMode: 'none', username: 'demo' }))).json<MailSource>()
      await main.request('PATCH', `/api/mail-sources/${source.id}`, { password: `${PASSWORD}-new` })
      await main.request('POST', `/api/mail-sources/${source.id}/test`, {})
      await main.request('POST', '/api/mail-sources/test', { host: IMAP_HOST, port: IMAP_PORT, tlsMode: 'none', username: 'demo', password: PASSWORD })
      await main.request('POST', '/api/mail-sources', { ...settings(), port: 'not a port' })
      expect(output).toContain('/api/mail-sources')
      expect(output).not.toContain(PASSWORD)
    } finally {
      await app.close()
    }
  })
})
