// Malformed mail is stored raw and flagged, never dropped, and never stalls the worker.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@sellerinbox/server/db/kysely'
import type { SyncManager } from '@sellerinbox/server/sync/sync-manager'
import { addSubAccount, buildTestApp, createStore, signUpMain, type TestApp } from '../helpers/app'
import { buyerMessage } from '../helpers/amazon-mail'
import { appendMessages, createMailbox } from '../helpers/imap'
import { addMailSource, countMessages, startWorker, storage, testDb, waitFor } from '../helpers/ingest'

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/mail')

let t: TestApp
let db: Db
let worker: SyncManager | undefined
beforeAll(async () => {
  t = await buildTestApp()
  db = testDb()
})
afterAll(async () => {
  await worker?.stop()
  await db.destroy()
  await t.close()
})

function nested(depth: number): string {
  let body = 'Content-Type: text/plain\r\n\r\ninnermost text\r\n'
  for (let i = depth; i > 0; i--) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--\r\n`
  return `Subject: deeply nested\r\nMessage-ID: <nested.${Date.now()}@mail.example>\r\nMIME-Version: 1.0\r\n${body}`
}

function huge(): string {
  const line = 'x'.repeat(998)
  const lines = Math.ceil((25 * 1024 * 1024) / 1000)
  return `Subject: a 25 MB message\r\nMessage-ID: <huge.${Date.now()}@mail.example>\r\nContent-Type: text/plain\r\n\r\n${Array(lines).fill(line).join('\r\n')}\r\n`
}

describe('malformed mail', () => {
  it('stores every malformed message with its raw source and keeps ingesting', async () => {
    const main = await signUpMain(t)
    const store = await createStore(main, 'Malformed Store', ['US'])
    const channel = store.channels[0]!
    const to = (raw: string | Buffer) => Buffer.concat([Buffer.from(`Delivered-To: ${channel.dedicatedAddress}\r\n`), Buffer.from(raw)])
    const bad: Buffer[] = [
      to(readFileSync(path.join(fixtures, '148-malformed-broken-base64.eml'))),
      to(readFileSync(path.join(fixtures, '149-malformed-missing-boundary.eml'))),
      to(readFileSync(path.join(fixtures, '150-malformed-raw-8bit-headers.eml'))),
      to('Subject: unknown charset\r\nMessage-ID: <charset.1@mail.example>\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n\r\nHello \xff\xfe world\r\n'),
      to('\r\n'),
      to(nested(200)),
      to(huge()),
    ]
    const box = await createMailbox()
    await appendMessages(box, [...bad, buyerMessage({ to: channel.dedicatedAddress, text: 'A normal message after the bad ones' })])
    const sourceId = await addMailSource(db, main.session.org.id, box)
    worker = startWorker(db, [sourceId])
    await waitFor('all 8 messages', async () => (await countMessages(db, [channel.id])) === 8, 90_000, 200)

    const rows = await db.selectFrom('messages').selectAll().where('channelId', '=', channel.id).orderBy('uid').execute()
    for (const [i, row] of rows.entries()) {
      const raw = await storage.get(row.rawKey)
      expect(raw.length, `message ${i + 1}`).toBe(row.rawSize)
    }
    expect(rows[rows.length - 1]!.buyerText).toContain('A normal message after the bad ones')
    expect(rows.find((r) => r.subject === 'a 25 MB message')!.rawSize).toBeGreaterThan(25 * 1024 * 1024)
    // What could not be parsed says why; what was recoverable (lenient base64, 8-bit headers) is read.
    expect(rows.find((r) => r.subject.startsWith('Delivery enquiry'))!.parseError).toMatch(/boundary/)
    expect(rows.find((r) => r.subject.startsWith('Frage von Amazon-Kunde Jürgen'))!.parseError).toBeNull()
    expect(rows.find((r) => r.subject === 'deeply nested')).toBeDefined()

    // Re-processable: the message is analysed again from its raw source (here after a field was
    // damaged), keeping its id.
    const broken = rows.find((r) => r.subject.startsWith('Delivery enquiry'))!
    const normal = rows[rows.length - 1]!
    await db.updateTable('messages').set({ category: 'amazon', kind: 'other', buyerText: null }).where('id', '=', normal.id).execute()
    const again = await main.request('POST', `/api/messages/${normal.id}/reprocess`)
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ id: normal.id, category: 'buyer_message', kind: 'buyer_message', parseError: null })
    const restored = await db.selectFrom('messages').select(['buyerText']).where('id', '=', normal.id).executeTakeFirstOrThrow()
    expect(restored.buyerText).toContain('A normal message after the bad ones')
    const stillBroken = await main.request('POST', `/api/messages/${broken.id}/reprocess`)
    expect(stillBroken.json().parseError).toMatch(/boundary/)
    const sub = await addSubAccount(t, main, [store.id])
    expect((await sub.request('POST', `/api/messages/${normal.id}/reprocess`)).statusCode).toBe(403)
  })
})
