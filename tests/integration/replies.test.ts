// Replies end to end on the server: a buyer message ingested from Dovecot is answered through the
// outbox, and a real SMTP server on loopback receives exactly what Amazon's relay would.
import { createHash, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@sellerinbox/server/db/kysely'
import { OutboxDispatcher } from '@sellerinbox/server/outbox/dispatcher'
import { SmtpTransports } from '@sellerinbox/server/outbox/smtp'
import type { SyncManager } from '@sellerinbox/server/sync/sync-manager'
import type { Reply, Store } from '@sellerinbox/shared'
import { buildTestApp, createStore, signUpMain, type Client, type TestApp } from '../helpers/app'
import { buyerMessage, optOutNotice, randomOrderId, replyConfirmation } from '../helpers/amazon-mail'
import { appendMessages, createMailbox } from '../helpers/imap'
import { addMailSource, quietLog, secrets, startWorker, storage, testDb, waitFor } from '../helpers/ingest'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'

let t: TestApp
let db: Db
let sink: SmtpSink
let outbox: OutboxDispatcher
let transports: SmtpTransports
const workers: SyncManager[] = []

beforeAll(async () => {
  t = await buildTestApp()
  db = testDb()
  sink = await startSmtpSink()
  transports = new SmtpTransports(db, secrets, { host: '127.0.0.1', port: sink.port, tlsMode: 'none', username: null, password: null })
  outbox = new OutboxDispatcher({ db, storage, transports, log: quietLog, pollMs: 100 })
  t.app.ctx.nudgeOutbox = () => outbox.nudge()
  outbox.start()
})
afterAll(async () => {
  await outbox.stop()
  transports.close()
  await Promise.all(workers.map((w) => w.stop()))
  await sink.stop()
  await db.destroy()
  await t.close()
})

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

interface Inbound {
  box: Awaited<ReturnType<typeof createMailbox>>
  main: Client
  store: Store
  messageId: number
  relay: string
  orderId: string
}

/** A buyer message delivered into Dovecot and ingested by the real worker. */
async function inbound(): Promise<Inbound> {
  const main = await signUpMain(t)
  const store = await createStore(main, 'Reply Store', ['US'])
  const channel = store.channels[0]!
  const relay = `${randomUUID().replace(/-/g, '').slice(0, 15)}@marketplace.amazon.com`
  const withCase = relay.replace('@', `+${randomUUID()}@`)
  const orderId = randomOrderId()
  const box = await createMailbox()
  await appendMessages(box, [buyerMessage({ to: channel.dedicatedAddress, relay, replyTo: withCase, orderId, buyer: 'Jamie Rivera', text: 'Where is my parcel?' })])
  const sourceId = await addMailSource(db, main.session.org.id, box)
  workers.push(startWorker(db, [sourceId]))
  const message = await waitFor('the buyer message', () => db.selectFrom('messages').selectAll().where('channelId', '=', channel.id).executeTakeFirst())
  return { box, main, store, messageId: message.id, relay: withCase, orderId }
}

async function upload(client: Client, filename: string, data: Buffer, contentType = 'application/octet-stream', query = '') {
  const boundary = `----b${randomUUID()}`
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return t.app.inject({
    method: 'POST',
    url: `/api/uploads${query}`,
    headers: { authorization: `Bearer ${client.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  })
}

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa8bf7d2c0000000049454e44ae426082', 'hex')])

describe('replies', () => {
  it('sends exactly what Amazon expects: From, To with +case, Re:, threading headers, plain text, attachments', async () => {
    const m = await inbound()
    const up = await upload(m.main, 'photo.png', PNG)
    expect(up.statusCode).toBe(200)
    expect(up.json()).toMatchObject({ filename: 'photo.png', contentType: 'image/png', size: PNG.length })

    const before = sink.received.length
    const res = await m.main.request('POST', `/api/messages/${m.messageId}/replies`, {
      body: 'Hello Jamie, your parcel left our warehouse today.',
      uploadIds: [up.json().id],
      idempotencyKey: randomUUID(),
      markProcessed: true,
    })
    expect(res.statusCode).toBe(200)
    expect(res.json<Reply>().state).toBe('queued')
    const mail = await waitFor('the email at the SMTP server', async () => sink.received.slice(before).find((r) => r.to.includes(m.relay)))
    const original = await db.selectFrom('messages').selectAll().where('id', '=', m.messageId).executeTakeFirstOrThrow()
    expect(mail.from).toBe(m.store.channels[0]!.dedicatedAddress)
    expect(mail.parsed.from?.value[0]?.address).toBe(m.store.channels[0]!.dedicatedAddress)
    expect(mail.parsed.to && !Array.isArray(mail.parsed.to) ? mail.parsed.to.value[0]?.address : null).toBe(m.relay)
    expect(mail.parsed.subject).toBe(`Re: ${original.subject}`)
    expect(mail.parsed.inReplyTo).toBe(original.messageId)
    expect(mail.parsed.references).toBe(original.messageId)
    expect(mail.parsed.text?.trim()).toBe('Hello Jamie, your parcel left our warehouse today.')
    expect(mail.parsed.html).toBe(false)
    expect(mail.parsed.attachments.map((a) => ({ name: a.filename, sha: sha(a.content) }))).toEqual([{ name: 'photo.png', sha: sha(PNG) }])

    const reply = await waitFor('the reply to be sent', async () => {
      const r = (await m.main.request('GET', `/api/messages/${m.messageId}/replies`)).json().replies[0] as Reply
      return r.state === 'sent' ? r : null
    })
    expect(reply.smtpResponse).toMatch(/^250/)
    const after = await db.selectFrom('messages').selectAll().where('id', '=', m.messageId).executeTakeFirstOrThrow()
    expect(after).toMatchObject({ status: 'processed', slaDueAt: null })
    const sent = await db.selectFrom('messages').selectAll().where('conversationId', '=', original.conversationId).where('category', '=', 'sent').executeTakeFirstOrThrow()
    expect(sent).toMatchObject({ direction: 'out', kind: 'reply', bodyText: 'Hello Jamie, your parcel left our warehouse today.', attachmentCount: 1 })
    expect(sha(await storage.get(sent.rawKey))).toBe(sha(mail.raw))
  })

  it('sends one email for the same idempotency key twice', async () => {
    const m = await inbound()
    const key = randomUUID()
    const body = { body: 'Thanks for your patience.', idempotencyKey: key }
    const [a, b] = await Promise.all([m.main.request('POST', `/api/messages/${m.messageId}/replies`, body), m.main.request('POST', `/api/messages/${m.messageId}/replies`, body)])
    expect(a.json<Reply>().id).toBe(b.json<Reply>().id)
    const again = await m.main.request('POST', `/api/messages/${m.messageId}/replies`, body)
    expect(again.json<Reply>().id).toBe(a.json<Reply>().id)
    await waitFor('sent', async () => (await db.selectFrom('outbox').select('state').where('id', '=', a.json<Reply>().id).executeTakeFirst())?.state === 'sent')
    await new Promise((r) => setTimeout(r, 300))
    expect(sink.received.filter((r) => r.to.includes(m.relay))).toHaveLength(1)
  })

  it('keeps a reply queued while SMTP is down and delivers it exactly once when it returns', async () => {
    const m = await inbound()
    await sink.stop()
    try {
      const res = await m.main.request('POST', `/api/messages/${m.messageId}/replies`, { body: 'Sent during an outage.', idempotencyKey: randomUUID() })
      expect(res.statusCode).toBe(200)
      const id = res.json<Reply>().id
      const retrying = await waitFor('a failed attempt', async () => {
        const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
        return row.attempts >= 1 && row.state === 'queued' ? row : null
      })
      expect(retrying.lastError).toMatch(/could not be reached/)
      // Make the retry due now rather than in 10 s.
      await sink.start()
      await db.updateTable('outbox').set({ nextAttemptAt: new Date() }).where('id', '=', id).execute()
      await waitFor('sent', async () => (await db.selectFrom('outbox').select('state').where('id', '=', id).executeTakeFirst())?.state === 'sent')
    } finally {
      await sink.start().catch(() => undefined)
    }
    await new Promise((r) => setTimeout(r, 300))
    expect(sink.received.filter((r) => r.to.includes(m.relay))).toHaveLength(1)
  })

  it('refuses replies that break the rules, listing every problem with its position', async () => {
    const m = await inbound()
    const body = 'Please leave a review at www.example.com or call +1 555 123 4567'
    const res = await m.main.request('POST', `/api/messages/${m.messageId}/replies`, { body, idempotencyKey: randomUUID() })
    expect(res.statusCode).toBe(422)
    const error = res.json()
    expect(error.code).toBe('REPLY_POLICY_VIOLATION')
    const codes = error.details.map((d: { message: string }) => d.message.split(':')[0])
    expect(codes).toEqual(['FORBIDDEN_WORD', 'LINK', 'PHONE_NUMBER'])
    expect(error.details[1].path).toBe(`body@${body.indexOf('www')}-${body.indexOf('www') + 'www.example.com'.length}`)
    expect(await db.selectFrom('outbox').select('id').where('messageId', '=', m.messageId).execute()).toEqual([])
  })

  it('never emails a blacklisted buyer', async () => {
    const m = await inbound()
    expect((await m.main.request('POST', '/api/blacklist', { kind: 'relay', value: m.relay })).statusCode).toBe(200)
    const res = await m.main.request('POST', `/api/messages/${m.messageId}/replies`, { body: 'Hello', idempotencyKey: randomUUID() })
    expect(res.statusCode).toBe(422)
    expect(res.json().details.map((d: { message: string }) => d.message.split(':')[0])).toEqual(['BLACKLISTED_BUYER'])
    const context = (await m.main.request('GET', `/api/messages/${m.messageId}/reply-context`)).json()
    expect(context).toMatchObject({ blacklisted: true, replyable: true, importantAllowed: false, toAddress: m.relay })
  })
})

describe('Amazon outcomes', () => {
  it('marks a sent reply rejected_by_amazon when an opt-out notice about its order arrives, and re-opens the message', async () => {
    const m = await inbound()
    const res = await m.main.request('POST', `/api/messages/${m.messageId}/replies`, { body: 'Your refund is on its way.', idempotencyKey: randomUUID(), markProcessed: true })
    const id = res.json<Reply>().id
    await waitFor('sent', async () => (await db.selectFrom('outbox').select('state').where('id', '=', id).executeTakeFirst())?.state === 'sent')
    expect((await db.selectFrom('messages').select('status').where('id', '=', m.messageId).executeTakeFirstOrThrow()).status).toBe('processed')
    await appendMessages(m.box, [optOutNotice({ to: m.store.channels[0]!.dedicatedAddress, orderId: m.orderId, buyer: 'Jamie' })])
    const rejected = await waitFor('the rejection', async () => {
      const r = (await m.main.request('GET', `/api/messages/${m.messageId}/replies`)).json().replies[0] as Reply
      return r.state === 'rejected_by_amazon' ? r : null
    })
    expect(rejected.lastError).toMatch(/opted out/)
    expect((await db.selectFrom('messages').select('status').where('id', '=', m.messageId).executeTakeFirstOrThrow()).status).toBe('pending')
  })

  it("marks the buyer's open messages about an order replied on platform when Amazon's copy of a Seller Central reply arrives", async () => {
    const m = await inbound()
    const channel = m.store.channels[0]!
    const otherOrder = randomOrderId()
    await appendMessages(m.box, [buyerMessage({ to: channel.dedicatedAddress, relay: 'b0other00000001@marketplace.amazon.com', orderId: otherOrder, buyer: 'Kim', text: 'Is this in stock?' })])
    const other = await waitFor('the other buyer message', () => db.selectFrom('messages').select('id').where('channelId', '=', channel.id).where('orderId', '=', otherOrder).executeTakeFirst())
    const pendingBefore = (await m.main.request('GET', '/api/messages/counts')).json().categories.buyer_message.pending
    expect(pendingBefore).toBe(2)

    await appendMessages(m.box, [replyConfirmation({ to: channel.dedicatedAddress, orderId: m.orderId, buyer: 'Jamie' })])
    const answered = await waitFor('the reply on platform', async () => {
      const detail = (await m.main.request('GET', `/api/messages/${m.messageId}`)).json()
      return detail.status === 'replied_on_platform' ? detail : null
    })
    expect(answered.slaDueAt).toBeNull()
    expect(answered.history[0]).toMatchObject({ by: { id: 0, displayName: 'Seller Central' }, change: 'replied_on_platform' })
    expect((await db.selectFrom('messages').select('status').where('id', '=', other.id).executeTakeFirstOrThrow()).status).toBe('pending')
    const counts = (await m.main.request('GET', '/api/messages/counts')).json()
    expect(counts.categories.buyer_message.pending).toBe(1)
    // The copy itself is kept as Amazon mail about the order.
    expect(counts.categories.amazon.total).toBe(1)
  })
})

describe('uploads', () => {
  it('rejects an 11 MB file while streaming and an executable renamed .pdf', async () => {
    const main = await signUpMain(t)
    const big = await upload(main, 'big.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 0x20)]))
    expect(big.statusCode).toBe(413)
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE')
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)])
    const fake = await upload(main, 'invoice.pdf', exe, 'application/pdf')
    expect(fake.statusCode).toBe(415)
    expect(fake.json().code).toBe('UNSUPPORTED_FILE_TYPE')
    const text = await upload(main, 'notes', Buffer.from('Größe: 42 cm\n'))
    expect(text.json()).toMatchObject({ contentType: 'text/plain', filename: 'notes' })
  })

  it("takes the file's own name from ?filename= when the part is named after a temporary path", async () => {
    const main = await signUpMain(t)
    const named = await upload(main, 'wxfile://tmp_3f2a9c.png', PNG, 'image/png', `?filename=${encodeURIComponent('破损照片.png')}`)
    expect(named.statusCode).toBe(200)
    expect(named.json()).toMatchObject({ contentType: 'image/png', filename: '破损照片.png' })
    const empty = await upload(main, 'a.png', PNG, 'image/png', '?filename=')
    expect(empty.statusCode).toBe(400)
    expect(empty.json().code).toBe('VALIDATION_FAILED')
  })
})

describe('templates', () => {
  it('renders variables from the message in a preview', async () => {
    const m = await inbound()
    const created = await m.main.request('POST', '/api/reply-templates', { name: 'Shipped', body: 'Hi {{buyerName}}, order {{orderId}} from {{storeName}} ({{marketplace}}) has shipped.' })
    expect(created.statusCode).toBe(200)
    const preview = await m.main.request('GET', `/api/reply-templates/${created.json().id}/preview?messageId=${m.messageId}`)
    expect(preview.json()).toEqual({ text: `Hi Jamie Rivera, order ${m.orderId} from Reply Store (US) has shipped.`, missing: [], unknown: [] })
    const bad = await m.main.request('POST', '/api/reply-templates', { name: 'Bad', body: 'Hi {{coupon}}' })
    expect(bad.statusCode).toBe(400)
  })
})
