// Ingestion against a real Dovecot and MariaDB: IDLE latency, backlog exactly once, routing,
// unrouted mail, read-only access to the mailbox, UIDVALIDITY changes, two workers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@sellerinbox/server/db/kysely'
import type { SyncManager } from '@sellerinbox/server/sync/sync-manager'
import type { Store } from '@sellerinbox/shared'
import { buildTestApp, createStore, signUpMain, type TestApp } from '../helpers/app'
import { buyerMessage, plainMail } from '../helpers/amazon-mail'
import { appendMessages, createMailbox, mailboxState, withImap, type TestMailbox } from '../helpers/imap'
import { rerouteUnrouted } from '@sellerinbox/server/ingest/reroute'
import { addMailSource, countMessages, startWorker, storage, syncState, testDb, waitFor } from '../helpers/ingest'

let t: TestApp
let db: Db
const workers: SyncManager[] = []
beforeAll(async () => {
  t = await buildTestApp()
  db = testDb()
})
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()))
  await db.destroy()
  await t.close()
})

interface Setup {
  store: Store
  address: string
  channelId: number
  box: TestMailbox
  sourceId: number
}

async function setup(mailbox = 'INBOX'): Promise<Setup> {
  const main = await signUpMain(t)
  const store = await createStore(main, 'Ingest Store', ['US', 'DE'])
  const box = await createMailbox()
  if (mailbox !== 'INBOX') await withImap(box, async (c) => void (await c.mailboxCreate(mailbox)))
  const sourceId = await addMailSource(db, main.session.org.id, box, mailbox)
  const us = store.channels.find((c) => c.marketplace === 'US')!
  return { store, address: us.dedicatedAddress, channelId: us.id, box, sourceId }
}

function worker(sourceIds: number[], owner?: string): SyncManager {
  const w = startWorker(db, sourceIds, owner ? { owner } : {})
  workers.push(w)
  return w
}

describe('mail ingestion', () => {
  it('stores a message appended to a watched mailbox within 2 s (IDLE)', async () => {
    const s = await setup()
    worker([s.sourceId])
    await waitFor('the worker to connect', async () => (await syncState(db, s.sourceId))?.connected)
    const started = Date.now()
    await appendMessages(s.box, [buyerMessage({ to: s.address, text: 'Is the blue one in stock?' })])
    const message = await waitFor('the message', () => db.selectFrom('messages').selectAll().where('channelId', '=', s.channelId).executeTakeFirst(), 10_000, 20)
    const elapsed = Date.now() - started
    expect(elapsed).toBeLessThan(2000)
    expect(message).toMatchObject({ category: 'buyer_message', kind: 'buyer_message', direction: 'in', status: 'pending', isRead: false })
    expect(message.buyerText).toContain('Is the blue one in stock?')
    expect(message.slaDueAt!.getTime() - message.receivedAt.getTime()).toBe(24 * 3600_000)
    const conversation = await db.selectFrom('conversations').selectAll().where('id', '=', message.conversationId!).executeTakeFirstOrThrow()
    expect(conversation.orderId).toBe(message.orderId)
    const channel = await db.selectFrom('channels').select('lastMailAt').where('id', '=', s.channelId).executeTakeFirstOrThrow()
    expect(channel.lastMailAt).not.toBeNull()
  })

  it("threads a buyer's later messages into one conversation and moves its activity and deadline forward", async () => {
    const s = await setup()
    const thread = { to: s.address, orderId: '114-5550001-7770001', relay: 'k3v9q2w7x1z5c8b@marketplace.amazon.com', buyer: 'Avery Chen' }
    await appendMessages(s.box, [buyerMessage({ ...thread, text: 'First question about my order' })])
    worker([s.sourceId])
    const first = await waitFor('the first message', () => db.selectFrom('messages').selectAll().where('channelId', '=', s.channelId).executeTakeFirst())
    await new Promise((r) => setTimeout(r, 1100)) // a later INTERNALDATE (whole seconds) for the next mail
    // Two more in one batch: the conversation takes the latest of them.
    await appendMessages(s.box, [buyerMessage({ ...thread, text: 'Second question' }), buyerMessage({ ...thread, text: 'Third question' })])
    await waitFor('3 messages', async () => (await countMessages(db, [s.channelId])) === 3)

    const messages = await db.selectFrom('messages').selectAll().where('channelId', '=', s.channelId).orderBy('id').execute()
    expect(new Set(messages.map((m) => m.conversationId))).toEqual(new Set([first.conversationId]))
    const latest = messages.reduce((a, b) => (b.receivedAt > a.receivedAt ? b : a))
    expect(latest.receivedAt.getTime()).toBeGreaterThan(first.receivedAt.getTime())
    const conversation = await db.selectFrom('conversations').selectAll().where('id', '=', first.conversationId!).executeTakeFirstOrThrow()
    expect(conversation.lastMessageAt).toEqual(latest.receivedAt)
    expect(conversation.slaDueAt).toEqual(latest.slaDueAt)
    expect(conversation.buyerName).toBe('Avery Chen')
  })

  it('ingests a 1,000-message backlog exactly once and never changes the mailbox', async () => {
    const s = await setup()
    const raws = Array.from({ length: 1000 }, (_, i) => buyerMessage({ to: s.address, text: `Backlog message number ${i}` }))
    await appendMessages(s.box, raws)
    worker([s.sourceId])
    await waitFor('1,000 messages', async () => (await countMessages(db, [s.channelId])) >= 1000, 60_000, 200)
    // Let any straggling batch land, then check nothing was doubled.
    await new Promise((r) => setTimeout(r, 500))
    expect(await countMessages(db, [s.channelId])).toBe(1000)
    const state = await syncState(db, s.sourceId)
    expect(state).toMatchObject({ lastUid: 1000, messagesTotal: 1000 })
    expect(await mailboxState(s.box)).toEqual({ exists: 1000, seen: 0, deleted: 0 })
  })

  it('keeps mail for unknown addresses as unrouted, and stores mail with attachments', async () => {
    const s = await setup()
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    await appendMessages(s.box, [
      plainMail({ to: 'nobody-xx-aaaaaaaaaa@in.test.example', subject: 'Lost mail' }),
      buyerMessage({ to: s.address, attachment: { filename: 'photo.png', contentType: 'image/png', content: png } }),
    ])
    worker([s.sourceId])
    const unrouted = await waitFor('unrouted mail', () => db.selectFrom('unroutedMail').selectAll().where('sourceId', '=', s.sourceId).executeTakeFirst())
    expect(unrouted).toMatchObject({ subject: 'Lost mail', recipients: 'nobody-xx-aaaaaaaaaa@in.test.example' })
    const message = await waitFor('the message', () => db.selectFrom('messages').selectAll().where('channelId', '=', s.channelId).executeTakeFirst())
    const attachments = await db.selectFrom('attachments').selectAll().where('messageId', '=', message.id).execute()
    expect(attachments).toEqual([expect.objectContaining({ filename: 'photo.png', contentType: 'image/png', size: png.length })])
    expect(message.attachmentCount).toBe(1)
  })

  it('does not duplicate or lose mail when the mailbox is recreated (UIDVALIDITY change)', async () => {
    const s = await setup('Amazon')
    const raws = Array.from({ length: 20 }, (_, i) => buyerMessage({ to: s.address, text: `Before recreate ${i}` }))
    await appendMessages(s.box, raws, 'Amazon')
    const w = worker([s.sourceId])
    await waitFor('20 messages', async () => (await countMessages(db, [s.channelId])) === 20)
    const before = (await syncState(db, s.sourceId))!.uidvalidity
    await w.stop()
    await withImap(s.box, async (c) => {
      await c.mailboxDelete('Amazon')
      await c.mailboxCreate('Amazon')
    })
    await appendMessages(s.box, [...raws, buyerMessage({ to: s.address, text: 'After recreate' })], 'Amazon')
    worker([s.sourceId])
    await waitFor('the new message', async () => (await countMessages(db, [s.channelId])) === 21)
    await waitFor('the resync to finish', async () => (await syncState(db, s.sourceId))?.lastUid === 21)
    expect((await syncState(db, s.sourceId))!.uidvalidity).not.toBe(before)
    expect(await countMessages(db, [s.channelId])).toBe(21)
  })

  it('stores every message once with two workers on the same sources', async () => {
    const a = await setup()
    const b = await setup()
    worker([a.sourceId, b.sourceId], 'worker-one')
    worker([a.sourceId, b.sourceId], 'worker-two')
    const per = 150
    await Promise.all([
      appendMessages(a.box, Array.from({ length: per }, (_, i) => buyerMessage({ to: a.address, text: `A ${i}` }))),
      appendMessages(b.box, Array.from({ length: per }, (_, i) => buyerMessage({ to: b.address, text: `B ${i}` }))),
    ])
    await waitFor('all messages', async () => (await countMessages(db, [a.channelId, b.channelId])) >= 2 * per, 60_000, 100)
    await new Promise((r) => setTimeout(r, 800))
    expect(await countMessages(db, [a.channelId])).toBe(per)
    expect(await countMessages(db, [b.channelId])).toBe(per)
  })

  it('creates nothing new when a mailbox is re-read from scratch', async () => {
    const s = await setup()
    await appendMessages(s.box, Array.from({ length: 30 }, (_, i) => buyerMessage({ to: s.address, text: `Again ${i}` })))
    const w = worker([s.sourceId])
    await waitFor('30 messages', async () => (await countMessages(db, [s.channelId])) === 30)
    await w.stop()
    await db.updateTable('mailboxSync').set({ lastUid: 0, uidvalidity: null }).where('sourceId', '=', s.sourceId).execute()
    worker([s.sourceId])
    await waitFor('the re-read', async () => (await syncState(db, s.sourceId))?.lastUid === 30)
    expect(await countMessages(db, [s.channelId])).toBe(30)
  })

  it('routes unrouted mail once a channel with its address exists', async () => {
    const s = await setup()
    const address = `later-us-${Date.now().toString(36).padEnd(10, 'a').slice(0, 10)}@in.test.example`
    await appendMessages(s.box, [buyerMessage({ to: address, text: 'Mail that came before its channel' })])
    worker([s.sourceId])
    const unrouted = await waitFor('unrouted mail', () => db.selectFrom('unroutedMail').selectAll().where('sourceId', '=', s.sourceId).executeTakeFirst())
    const orgId = unrouted.orgId
    // An address restored from an earlier setup (addresses are never generated twice).
    const channel = await db
      .insertInto('channels')
      .values({ orgId, storeId: s.store.id, marketplace: 'FR', dedicatedAddress: address, boundAt: null, boundBy: null, lastMailAt: null })
      .executeTakeFirstOrThrow()
    expect(await rerouteUnrouted({ db, storage }, orgId)).toEqual({ routed: 1 })
    const message = await db.selectFrom('messages').selectAll().where('channelId', '=', Number(channel.insertId)).executeTakeFirstOrThrow()
    expect(message.buyerText).toContain('Mail that came before its channel')
    const after = await db.selectFrom('unroutedMail').selectAll().where('id', '=', unrouted.id).executeTakeFirstOrThrow()
    expect(after.routedMessageId).toBe(message.id)
    expect(await rerouteUnrouted({ db, storage }, orgId)).toEqual({ routed: 0 })
  })
})
