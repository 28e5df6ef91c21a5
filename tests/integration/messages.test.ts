// The inbox's read API: pages, one message, raw source, attachments, conversation history — and
// who may see what (org, then the stores a sub-account was given).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MessageDetail, MessagePage, MessageSummary, Store } from '@sellerinbox/shared'
import { addSubAccount, buildTestApp, createStore, signUpMain, type Client, type TestApp } from '../helpers/app'
import { mailFactory } from '../helpers/mail-factory'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000)

async function twoStores(main: Client): Promise<[Store, Store]> {
  return [await createStore(main, 'Visible', ['US', 'DE']), await createStore(main, 'Hidden', ['UK'])]
}

describe('message list', () => {
  it('lists newest first with the channel, store and a whitespace-collapsed snippet', async () => {
    const main = await signUpMain(t)
    const [store] = await twoStores(main)
    const us = store.channels[0]!
    const mail = mailFactory(t.app, main)
    const older = await mail.message(us, { receivedAt: minutesAgo(10), buyerText: '  Hello,\n\n  where   is\tmy order?  ', orderId: '111-2222222-3333333' })
    const newer = await mail.message(us, { receivedAt: minutesAgo(5), buyerText: null, bodyText: `Refund notice ${'x'.repeat(300)}`, category: 'refund', kind: 'refund_issued' })

    const page = (await main.request('GET', '/api/messages')).json<MessagePage>()
    expect(page.items.map((m) => m.id)).toEqual([newer.id, older.id])
    expect(page.nextCursor).toBeNull()
    expect(page.items[1]).toMatchObject({
      channelId: us.id,
      storeId: store.id,
      marketplace: 'US',
      snippet: 'Hello, where is my order?',
      orderId: '111-2222222-3333333',
      isRead: false,
      suspicious: false,
      parseError: null,
      attachmentCount: 0,
      status: 'pending',
    })
    // No buyer words: the body's start, cut to 120 characters.
    expect(page.items[0]!.snippet).toBe(`Refund notice ${'x'.repeat(106)}…`)
  })

  it('filters by channel and category', async () => {
    const main = await signUpMain(t)
    const [store] = await twoStores(main)
    const [us, de] = [store.channels[0]!, store.channels[1]!]
    const mail = mailFactory(t.app, main)
    const usBuyer = await mail.message(us)
    const usRefund = await mail.message(us, { category: 'refund', kind: 'refund_issued' })
    const deBuyer = await mail.message(de)

    const ids = async (query: string) => (await main.request('GET', `/api/messages?${query}`)).json<MessagePage>().items.map((m) => m.id).sort()
    expect(await ids(`channelId=${us.id}`)).toEqual([usBuyer.id, usRefund.id].sort())
    expect(await ids('category=buyer_message')).toEqual([usBuyer.id, deBuyer.id].sort())
    expect(await ids(`channelId=${us.id}&category=refund`)).toEqual([usRefund.id])
  })

  it('reports flags as booleans', async () => {
    const main = await signUpMain(t)
    const [store] = await twoStores(main)
    await mailFactory(t.app, main).message(store.channels[0]!, { isRead: true, suspicious: true, parseError: 'Unexpected end of MIME' })
    const item = (await main.request('GET', '/api/messages')).json<MessagePage>().items[0]!
    expect(item).toMatchObject({ isRead: true, suspicious: true, parseError: 'Unexpected end of MIME' })
  })

  it('rejects a cursor it did not issue and a limit over 100', async () => {
    const main = await signUpMain(t)
    for (const query of ['cursor=not-a-cursor', `cursor=${Buffer.from('[1,2,3]').toString('base64url')}`, 'limit=101', 'limit=0']) {
      const res = await main.request('GET', `/api/messages?${query}`)
      expect(res.statusCode, query).toBe(400)
      expect(res.json().code).toBe('VALIDATION_FAILED')
    }
  })
})

describe('keyset pagination', () => {
  async function fortyFive(main: Client) {
    const [store] = await twoStores(main)
    const mail = mailFactory(t.app, main)
    const base = Date.now() - 3_600_000
    // Every third message shares its predecessor's time, so the id tie-break is exercised.
    for (let i = 0; i < 45; i++) {
      const ms = base + (i - (i % 3 === 2 ? 1 : 0)) * 1000
      await mail.message(store.channels[i % 2]!, { receivedAt: new Date(ms) })
    }
    return { store, mail }
  }

  async function listAll(main: Client, between?: () => Promise<void>): Promise<MessageSummary[]> {
    const seen: MessageSummary[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/messages?limit=20${cursor ? `&cursor=${cursor}` : ''}`
      const page: MessagePage = (await main.request('GET', url)).json<MessagePage>()
      seen.push(...page.items)
      cursor = page.nextCursor
      if (between) await between()
    } while (cursor)
    return seen
  }

  const newestFirst = (a: MessageSummary, b: MessageSummary) => b.receivedAt.localeCompare(a.receivedAt) || b.id - a.id

  it('pages through 45 messages 20 at a time, each once, newest first', async () => {
    const main = await signUpMain(t)
    await fortyFive(main)
    const pageSizes: number[] = []
    let cursor: string | null = null
    const all: MessageSummary[] = []
    do {
      const page: MessagePage = (await main.request('GET', `/api/messages?limit=20${cursor ? `&cursor=${cursor}` : ''}`)).json<MessagePage>()
      pageSizes.push(page.items.length)
      all.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    expect(pageSizes).toEqual([20, 20, 5])
    expect(new Set(all.map((m) => m.id)).size).toBe(45)
    expect(all).toEqual([...all].sort(newestFirst))
  })

  it('neither repeats nor skips a message when newer mail arrives between pages', async () => {
    const main = await signUpMain(t)
    const { store, mail } = await fortyFive(main)
    const original = await listAll(main)
    let arrivals = 0
    const during = await listAll(main, async () => {
      for (let i = 0; i < 3; i++) await mail.message(store.channels[0]!, { receivedAt: new Date(Date.now() + ++arrivals) })
    })
    expect(during.map((m) => m.id)).toEqual(original.map((m) => m.id))
  })

  it('uses the default page size of 20', async () => {
    const main = await signUpMain(t)
    await fortyFive(main)
    const page = (await main.request('GET', '/api/messages')).json<MessagePage>()
    expect(page.items).toHaveLength(20)
    expect(page.nextCursor).toEqual(expect.any(String))
  })
})

describe('one message, its raw source and attachments', () => {
  it('returns the detail with sanitized HTML, recipients and attachments', async () => {
    const main = await signUpMain(t)
    const [store] = await twoStores(main)
    const us = store.channels[0]!
    const mail = mailFactory(t.app, main)
    const msg = await mail.message(us, {
      toAddresses: `${us.dedicatedAddress}, copy@example.com`,
      replyTo: 'buyer-abc+case@marketplace.amazon.com',
      bodyHtml: '<p>Hello <b>seller</b></p>',
      bodyText: 'Hello seller',
      buyerText: 'Hello seller',
    })
    const pdf = await mail.attachment(msg.id, { filename: 'invoice.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 test') })

    const res = await main.request('GET', `/api/messages/${msg.id}`)
    expect(res.statusCode).toBe(200)
    const detail = res.json<MessageDetail>()
    expect(detail).toMatchObject({
      id: msg.id,
      replyTo: 'buyer-abc+case@marketplace.amazon.com',
      bodyHtml: '<p>Hello <b>seller</b></p>',
      bodyText: 'Hello seller',
      toAddresses: [us.dedicatedAddress, 'copy@example.com'],
      attachmentCount: 1,
      attachments: [{ id: pdf, filename: 'invoice.pdf', contentType: 'application/pdf', size: 13, inline: false }],
    })
    // Storage internals are not part of the API.
    expect(JSON.stringify(detail)).not.toMatch(/rawKey|raw_key|storageKey|sha256|orgId/)
  })

  it('serves the raw email to the main account as a download', async () => {
    const main = await signUpMain(t)
    const [store] = await twoStores(main)
    const msg = await mailFactory(t.app, main).message(store.channels[0]!)
    const res = await main.request('GET', `/api/messages/${msg.id}/raw`)
    expect(res.statusCode).toBe(200)
    expect(res.rawPayload.equals(msg.raw)).toBe(true)
    expect(res.headers['content-type']).toBe('message/rfc822')
    expect(res.headers['content-disposition']).toBe(`attachment; filename="message-${msg.id}.eml"; filename*=UTF-8''message-${msg.id}.eml`)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('serves attachments with their type, nosniff and an RFC 5987 file name', async () => {
    const main = await signUpMain(t)
    const [store] = await twoStores(main)
    const mail = mailFactory(t.app, main)
    const msg = await mail.message(store.channels[0]!)
    const data = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
    const id = await mail.attachment(msg.id, { filename: '破损照片 "1".jpg', contentType: 'image/jpeg', data })
    const res = await main.request('GET', `/api/attachments/${id}`)
    expect(res.statusCode).toBe(200)
    expect(res.rawPayload.equals(data)).toBe(true)
    expect(res.headers['content-type']).toBe('image/jpeg')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="____ _1_.jpg"; filename*=UTF-8''${encodeURIComponent('破损照片 "1".jpg')}`,
    )
  })

  it('serves an HTML attachment as a sandboxed download, never as a page of ours', async () => {
    const main = await signUpMain(t)
    const [store] = await twoStores(main)
    const mail = mailFactory(t.app, main)
    const msg = await mail.message(store.channels[0]!)
    const id = await mail.attachment(msg.id, { filename: 'x.html', contentType: 'text/html', data: Buffer.from('<script>alert(1)</script>') })
    const res = await main.request('GET', `/api/attachments/${id}`)
    expect(res.headers['content-disposition']).toMatch(/^attachment;/)
    expect(res.headers['content-security-policy']).toContain('sandbox')
  })
})

describe('conversation history', () => {
  it('lists the conversation oldest first', async () => {
    const main = await signUpMain(t)
    const [store] = await twoStores(main)
    const us = store.channels[0]!
    const mail = mailFactory(t.app, main)
    const conversationId = await mail.conversation(us, { buyerName: 'Jane', orderId: '111-2222222-3333333' })
    const first = await mail.message(us, { conversationId, receivedAt: minutesAgo(30) })
    const reply = await mail.message(us, { conversationId, receivedAt: minutesAgo(20), direction: 'out', category: 'sent', kind: 'reply' })
    const second = await mail.message(us, { conversationId, receivedAt: minutesAgo(10) })
    await mail.message(us)

    const res = await main.request('GET', `/api/conversations/${conversationId}/messages`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.conversation).toEqual({ id: conversationId, channelId: us.id, buyerName: 'Jane', orderId: '111-2222222-3333333', slaDueAt: null })
    expect(body.messages.map((m: MessageSummary) => m.id)).toEqual([first.id, reply.id, second.id])
    expect(body.messages[1].direction).toBe('out')
  })

  it('says "no order" for a pre-sale conversation', async () => {
    const main = await signUpMain(t)
    const [store] = await twoStores(main)
    const conversationId = await mailFactory(t.app, main).conversation(store.channels[0]!)
    expect((await main.request('GET', `/api/conversations/${conversationId}/messages`)).json().conversation.orderId).toBeNull()
  })
})

describe('store access of sub-accounts', () => {
  it('shows a sub-account only mail of its stores and answers 404 for the rest', async () => {
    const main = await signUpMain(t)
    const [visible, hidden] = await twoStores(main)
    const sub = await addSubAccount(t, main, [visible.id])
    const mail = mailFactory(t.app, main)
    const seen = await mail.message(visible.channels[0]!)
    const hiddenConversation = await mail.conversation(hidden.channels[0]!)
    const unseen = await mail.message(hidden.channels[0]!, { conversationId: hiddenConversation })
    const hiddenAttachment = await mail.attachment(unseen.id, { filename: 'a.txt', contentType: 'text/plain', data: Buffer.from('a') })

    const list = (await sub.request('GET', '/api/messages')).json<MessagePage>()
    expect(list.items.map((m) => m.id)).toEqual([seen.id])
    expect((await main.request('GET', '/api/messages')).json<MessagePage>().items.map((m) => m.id).sort()).toEqual([seen.id, unseen.id].sort())
    expect((await sub.request('GET', `/api/messages/${seen.id}`)).statusCode).toBe(200)

    for (const url of [
      `/api/messages/${unseen.id}`,
      `/api/attachments/${hiddenAttachment}`,
      `/api/conversations/${hiddenConversation}/messages`,
      `/api/messages?channelId=${hidden.channels[0]!.id}`,
    ]) {
      const res = await sub.request('GET', url)
      expect(res.statusCode, url).toBe(404)
      expect(res.json().code).toBe('NOT_FOUND')
    }
  })

  it('keeps the raw source for the main account, even of mail a sub-account may read', async () => {
    const main = await signUpMain(t)
    const [visible] = await twoStores(main)
    const sub = await addSubAccount(t, main, [visible.id])
    const msg = await mailFactory(t.app, main).message(visible.channels[0]!)
    const res = await sub.request('GET', `/api/messages/${msg.id}/raw`)
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('FORBIDDEN_ROLE')
  })

  it('lets a sub-account read the attachments and history of its stores', async () => {
    const main = await signUpMain(t)
    const [visible] = await twoStores(main)
    const sub = await addSubAccount(t, main, [visible.id])
    const mail = mailFactory(t.app, main)
    const conversationId = await mail.conversation(visible.channels[1]!)
    const msg = await mail.message(visible.channels[1]!, { conversationId })
    const attachment = await mail.attachment(msg.id, { filename: 'a.txt', contentType: 'text/plain', data: Buffer.from('a') })
    expect((await sub.request('GET', `/api/attachments/${attachment}`)).statusCode).toBe(200)
    expect((await sub.request('GET', `/api/conversations/${conversationId}/messages`)).json().messages).toHaveLength(1)
  })

  it('hides mail of a store once it is archived or the access is withdrawn', async () => {
    const main = await signUpMain(t)
    const [visible, other] = await twoStores(main)
    const sub = await addSubAccount(t, main, [visible.id, other.id])
    const mail = mailFactory(t.app, main)
    const a = await mail.message(visible.channels[0]!)
    const b = await mail.message(other.channels[0]!)
    await main.request('POST', `/api/stores/${visible.id}/archive`)
    await main.request('PUT', `/api/members/${sub.session.user.id}/stores`, { storeIds: [visible.id] })
    expect((await sub.request('GET', '/api/messages')).json<MessagePage>().items).toEqual([])
    expect((await sub.request('GET', `/api/messages/${a.id}`)).statusCode).toBe(404)
    expect((await sub.request('GET', `/api/messages/${b.id}`)).statusCode).toBe(404)
  })
})
