// The inbox list and its counts: every filter alone and in combination, keyword search in
// Chinese, Japanese and English, "today" in the user's own time zone, pages that neither repeat
// nor skip while mail arrives, and counts that agree with the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Channel, InboxCounts, MessagePage, MessageSummary, Store, Tag } from '@sellerinbox/shared'
import { addSubAccount, buildTestApp, createStore, signUpMain, type Client, type TestApp } from '../helpers/app'
import { mailFactory, type MessageFields } from '../helpers/mail-factory'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const HOUR = 3600_000
const DAY = 24 * HOUR
const ago = (ms: number) => new Date(Date.now() - ms)

/** Every id the list pages through for `query`, newest first. */
async function ids(client: Client, query: string): Promise<number[]> {
  const found: number[] = []
  let cursor: string | null = null
  do {
    const res = await client.request('GET', `/api/messages?limit=100&${query}${cursor ? `&cursor=${cursor}` : ''}`)
    expect(res.statusCode, `${query}: ${res.body}`).toBe(200)
    const page: MessagePage = res.json<MessagePage>()
    found.push(...page.items.map((m) => m.id))
    cursor = page.nextCursor
  } while (cursor)
  return found
}

async function counts(client: Client, query = ''): Promise<InboxCounts> {
  const res = await client.request('GET', `/api/messages/counts?${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json<InboxCounts>()
}

async function tag(main: Client, name: string): Promise<Tag> {
  const res = await main.request('POST', '/api/tags', { name, color: '#1E88E5' })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<Tag>()
}

/**
 * Two stores (US+DE, JP) with one message per interesting shape. Returns the message ids by
 * name; everything newest first is ordered by the `at` offsets below.
 */
async function inbox(main: Client) {
  const a = await createStore(main, 'Alpha', ['US', 'DE'])
  const b = await createStore(main, 'Beta', ['JP'])
  const [us, de, jp] = [a.channels[0]!, a.channels[1]!, b.channels[0]!]
  const mail = mailFactory(t.app, main)
  const vip = await tag(main, 'VIP')
  const late = await tag(main, '物流问题')
  const add = async (channel: Channel, fields: MessageFields) => (await mail.message(channel, fields)).id
  const m = {
    usBuyerPendingUnread: await add(us, { receivedAt: ago(1 * HOUR), buyerText: 'The package arrived damaged', slaDueAt: ago(-23 * HOUR) }),
    usBuyerOverdue: await add(us, { receivedAt: ago(30 * HOUR), buyerText: 'Where is my order?', slaDueAt: ago(6 * HOUR) }),
    usBuyerDueSoon: await add(us, { receivedAt: ago(23 * HOUR), buyerText: 'Please answer', slaDueAt: ago(-1 * HOUR) }),
    usProcessedOverdue: await add(us, { receivedAt: ago(40 * HOUR), status: 'processed', isRead: true, slaDueAt: ago(16 * HOUR) }),
    usRefundRead: await add(us, { receivedAt: ago(3 * DAY), category: 'refund', kind: 'refund_issued', isRead: true, buyerText: null, orderId: '111-2222222-3333333' }),
    deBuyerFollowUp: await add(de, { receivedAt: ago(2 * HOUR), status: 'follow_up', buyerText: 'Das Paket kam beschädigt an', buyerName: 'Lukas Müller' }),
    deBuyerOld: await add(de, { receivedAt: ago(20 * DAY), status: 'processed', isRead: true, buyerText: 'Vielen Dank' }),
    deAtozOld: await add(de, { receivedAt: ago(45 * DAY), category: 'atoz_claim', kind: 'atoz_claim_opened', buyerText: null }),
    jpBuyerZh: await add(jp, { receivedAt: ago(5 * HOUR), buyerText: '包裹到的时候已经破损了', buyerName: '王伟' }),
    jpBuyerJa: await add(jp, { receivedAt: ago(6 * DAY), buyerText: '返品をお願いしたいのですが、ＡＳＩＮ　Ｂ０１ が違います', isRead: true }),
    jpSent: await add(jp, { receivedAt: ago(4 * HOUR), category: 'sent', kind: 'reply', direction: 'out', status: 'processed', isRead: true, buyerText: null }),
  }
  await main.request('PUT', `/api/messages/${m.usBuyerPendingUnread}/tags`, { tagIds: [vip.id] })
  await main.request('PUT', `/api/messages/${m.deBuyerOld}/tags`, { tagIds: [vip.id, late.id] })
  await main.request('PUT', `/api/messages/${m.jpBuyerZh}/tags`, { tagIds: [late.id] })
  return { a, b, us, de, jp, vip, late, m }
}

describe('list filters', () => {
  it('filters by each of store, channel, marketplace, category, status, tag, read, range and SLA', async () => {
    const main = await signUpMain(t)
    const { a, b, us, de, vip, m } = await inbox(main)
    const all = Object.values(m)
    const sorted = (list: number[]) => [...list].sort((x, y) => x - y)

    expect(sorted(await ids(main, ''))).toEqual(sorted(all))
    expect(sorted(await ids(main, `storeId=${b.id}`))).toEqual(sorted([m.jpBuyerZh, m.jpBuyerJa, m.jpSent]))
    expect(sorted(await ids(main, `channelId=${de.id}`))).toEqual(sorted([m.deBuyerFollowUp, m.deBuyerOld, m.deAtozOld]))
    expect(sorted(await ids(main, 'marketplace=US'))).toEqual(sorted([m.usBuyerPendingUnread, m.usBuyerOverdue, m.usBuyerDueSoon, m.usProcessedOverdue, m.usRefundRead]))
    expect(await ids(main, 'category=refund')).toEqual([m.usRefundRead])
    expect(await ids(main, 'category=sent')).toEqual([m.jpSent])
    expect(await ids(main, 'status=follow_up')).toEqual([m.deBuyerFollowUp])
    expect(sorted(await ids(main, `tagId=${vip.id}`))).toEqual(sorted([m.usBuyerPendingUnread, m.deBuyerOld]))
    expect(sorted(await ids(main, 'read=read'))).toEqual(sorted([m.usProcessedOverdue, m.usRefundRead, m.deBuyerOld, m.jpBuyerJa, m.jpSent]))
    expect(await ids(main, 'range=7d')).toEqual([m.usBuyerPendingUnread, m.deBuyerFollowUp, m.jpSent, m.jpBuyerZh, m.usBuyerDueSoon, m.usBuyerOverdue, m.usProcessedOverdue, m.usRefundRead, m.jpBuyerJa])
    expect(sorted(await ids(main, 'range=30d'))).toEqual(sorted(all.filter((id) => id !== m.deAtozOld)))
    const from = ago(10 * DAY).toISOString()
    const to = ago(2 * DAY).toISOString()
    expect(await ids(main, `range=custom&from=${from}&to=${to}`)).toEqual([m.usRefundRead, m.jpBuyerJa])
    // Overdue and due soon count only open (pending, follow-up) messages with a running clock.
    expect(await ids(main, 'sla=overdue')).toEqual([m.usBuyerOverdue])
    expect(await ids(main, 'sla=due_soon')).toEqual([m.usBuyerDueSoon])
    expect(await ids(main, `storeId=${a.id}&channelId=${us.id}`)).toHaveLength(5)
  })

  it('combines filters', async () => {
    const main = await signUpMain(t)
    const { a, us, de, vip, late, m } = await inbox(main)
    expect(await ids(main, 'marketplace=DE&category=buyer_message&range=7d&status=follow_up')).toEqual([m.deBuyerFollowUp])
    expect(await ids(main, 'marketplace=DE&category=buyer_message&range=7d&status=pending')).toEqual([])
    expect(await ids(main, `storeId=${a.id}&read=unread&category=buyer_message`)).toEqual([m.usBuyerPendingUnread, m.deBuyerFollowUp, m.usBuyerDueSoon, m.usBuyerOverdue])
    expect(await ids(main, `tagId=${vip.id}&read=unread`)).toEqual([m.usBuyerPendingUnread])
    expect(await ids(main, `tagId=${late.id}&marketplace=JP&range=today`)).toEqual(
      // Whether 5 h ago is still "today" depends on the clock; the tag and marketplace must hold either way.
      (await ids(main, 'range=today')).includes(m.jpBuyerZh) ? [m.jpBuyerZh] : [],
    )
    expect(await ids(main, `tagId=${vip.id}&range=30d&channelId=${de.id}`)).toEqual([m.deBuyerOld])
    expect(await ids(main, `sla=overdue&channelId=${us.id}&status=processed`)).toEqual([])
    expect(await ids(main, `sla=overdue&storeId=${a.id}&tagId=${vip.id}`)).toEqual([])
    expect(await ids(main, `q=${encodeURIComponent('beschädigt')}&category=buyer_message&marketplace=DE`)).toEqual([m.deBuyerFollowUp])
    expect(await ids(main, `q=damaged&tagId=${vip.id}&status=pending`)).toEqual([m.usBuyerPendingUnread])
    expect(await ids(main, `q=damaged&marketplace=JP`)).toEqual([])
    // A marketplace the org has no channel in is an empty list, not an error.
    expect(await ids(main, 'marketplace=FR')).toEqual([])
  })

  it('searches subject, buyer name, order id and buyer text in Chinese, Japanese and English', async () => {
    const main = await signUpMain(t)
    const { m } = await inbox(main)
    expect(await ids(main, `q=${encodeURIComponent('破损')}`)).toEqual([m.jpBuyerZh])
    expect(await ids(main, `q=${encodeURIComponent('王伟')}`)).toEqual([m.jpBuyerZh])
    expect(await ids(main, `q=${encodeURIComponent('返品')}`)).toEqual([m.jpBuyerJa])
    // Width and case fold both ways: full-width in the mail, half-width in the query, and back.
    expect(await ids(main, 'q=asin%20b01')).toEqual([m.jpBuyerJa])
    expect(await ids(main, `q=${encodeURIComponent('ＤＡＭＡＧＥＤ')}`)).toEqual([m.usBuyerPendingUnread])
    expect(await ids(main, `q=${encodeURIComponent('lukas müller')}`)).toEqual([m.deBuyerFollowUp])
    // A complete order id finds the order's mail; a part of one is a substring like any other.
    expect(await ids(main, 'q=111-2222222-3333333')).toEqual([m.usRefundRead])
    expect(await ids(main, 'q=2222222')).toEqual([m.usRefundRead])
    // LIKE wildcards are literal.
    expect(await ids(main, 'q=%25')).toEqual([])
    expect(await ids(main, 'q=_')).toEqual([])
  })

  it('answers 404 for a store, channel or tag that is not the actor’s, and 400 for a bad filter', async () => {
    const main = await signUpMain(t)
    const other = await signUpMain(t)
    const theirs = await createStore(other, 'Theirs', ['US'])
    const theirTag = await tag(other, 'theirs')
    for (const query of [`storeId=${theirs.id}`, `channelId=${theirs.channels[0]!.id}`, `tagId=${theirTag.id}`]) {
      for (const path of ['/api/messages', '/api/messages/counts']) {
        const res = await main.request('GET', `${path}?${query}`)
        expect(res.statusCode, `${path}?${query}`).toBe(404)
        expect(res.json().code).toBe('NOT_FOUND')
      }
    }
    for (const query of ['category=spam', 'range=yesterday', 'range=custom', 'status=done', 'read=yes', 'sla=late', 'marketplace=XX', 'from=yesterday', 'q=']) {
      const res = await main.request('GET', `/api/messages?${query}`)
      expect(res.statusCode, query).toBe(400)
      expect(res.json().code).toBe('VALIDATION_FAILED')
    }
  })

  it('shows a sub-account only its stores, in every filter and in the counts', async () => {
    const main = await signUpMain(t)
    const { a, b, m } = await inbox(main)
    const sub = await addSubAccount(t, main, [b.id])
    expect((await ids(sub, '')).sort()).toEqual([m.jpBuyerZh, m.jpBuyerJa, m.jpSent].sort())
    expect(await ids(sub, 'marketplace=US')).toEqual([])
    expect(await ids(sub, 'q=damaged')).toEqual([])
    expect((await sub.request('GET', `/api/messages?storeId=${a.id}`)).statusCode).toBe(404)
    const c = await counts(sub)
    expect(c.all).toEqual({ total: 3, unread: 1, pending: 2 })
    expect(c.categories.refund.total).toBe(0)
  })
})

describe('today in the user time zone', () => {
  // Zones without daylight-saving time, so midnight is plain arithmetic.
  const zones = { 'Asia/Tokyo': 9 * HOUR, 'Asia/Kolkata': 5.5 * HOUR, 'Pacific/Honolulu': -10 * HOUR }
  const midnight = (offset: number, now: number) => Math.floor((now + offset) / DAY) * DAY - offset

  it('starts "today" at midnight where the user is', async () => {
    const main = await signUpMain(t)
    const [store] = [await createStore(main, 'Clock', ['US'])]
    const mail = mailFactory(t.app, main)
    const now = Date.now()
    const instants = Object.values(zones)
      .flatMap((offset) => [midnight(offset, now) - 60_000, midnight(offset, now) + 60_000])
      .concat([now - 1000, now - 30 * HOUR])
      .filter((at) => at < now)
    const inserted = await Promise.all(instants.map(async (at) => ({ at, id: (await mail.message(store.channels[0]!, { receivedAt: new Date(at) })).id })))

    for (const [zone, offset] of Object.entries(zones)) {
      expect((await main.request('PATCH', '/api/me', { timeZone: zone })).statusCode).toBe(200)
      const start = midnight(offset, Date.now())
      const expected = inserted.filter((m) => m.at >= start).map((m) => m.id).sort()
      expect((await ids(main, 'range=today')).sort(), zone).toEqual(expected)
      expect((await counts(main, 'range=today')).all.total, zone).toBe(expected.length)
    }
  })
})

describe('counts', () => {
  it('gives total, unread and pending per category for the current filter', async () => {
    const main = await signUpMain(t)
    const { a, vip } = await inbox(main)
    const c = await counts(main)
    expect(c.categories.buyer_message).toEqual({ total: 8, unread: 5, pending: 5 })
    expect(c.categories.refund).toEqual({ total: 1, unread: 0, pending: 1 })
    expect(c.categories.atoz_claim).toEqual({ total: 1, unread: 1, pending: 1 })
    expect(c.categories.sent).toEqual({ total: 1, unread: 0, pending: 0 })
    expect(c.categories.qa).toEqual({ total: 0, unread: 0, pending: 0 })
    expect(c.all).toEqual({ total: 11, unread: 6, pending: 7 })
    expect((await counts(main, `storeId=${a.id}&status=pending`)).all).toEqual({ total: 5, unread: 4, pending: 5 })
    expect((await counts(main, 'read=unread')).all.total).toBe(6)
    expect((await counts(main, `tagId=${vip.id}`)).all).toEqual({ total: 2, unread: 1, pending: 1 })
    expect((await counts(main, 'sla=overdue')).all.total).toBe(1)
    expect((await counts(main, `q=${encodeURIComponent('破损')}`)).categories.buyer_message.total).toBe(1)
    expect((await counts(main, 'range=7d')).all.total).toBe(9)
    // The list's category does not narrow the counts: every tab keeps its badge.
    expect(await counts(main, 'category=refund')).toEqual(c)
  })

  it('matches the list for every filter (each count is the number of rows the list pages through)', async () => {
    const main = await signUpMain(t)
    const { a, vip } = await inbox(main)
    for (const query of ['', 'range=30d', `storeId=${a.id}&read=unread`, `tagId=${vip.id}`, 'q=a', 'sla=due_soon', 'status=processed&marketplace=DE']) {
      const c = await counts(main, query)
      for (const [category, badge] of Object.entries(c.categories)) {
        const listed = await ids(main, `${query}&category=${category}`)
        expect(listed.length, `${query} ${category}`).toBe(badge.total)
      }
    }
  })
})

describe('keyset pages under concurrent inserts', () => {
  async function pageAll(client: Client, query: string, between: () => Promise<unknown>): Promise<MessageSummary[]> {
    const seen: MessageSummary[] = []
    let cursor: string | null = null
    do {
      const [res] = await Promise.all([
        client.request('GET', `/api/messages?limit=7&${query}${cursor ? `&cursor=${cursor}` : ''}`),
        // Mail arriving while the page is read.
        between(),
      ])
      const page: MessagePage = res.json<MessagePage>()
      seen.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return seen
  }

  it('neither repeats nor skips in any plan (recent, category, channel, tag, search) while mail arrives', async () => {
    const main = await signUpMain(t)
    const store: Store = await createStore(main, 'Busy', ['US', 'DE'])
    const mail = mailFactory(t.app, main)
    const vip = await tag(main, 'VIP')
    const base = Date.now() - 2 * HOUR
    const originals: number[] = []
    for (let i = 0; i < 40; i++) {
      // Pairs share a time, so the id tie-break is exercised.
      const { id } = await mail.message(store.channels[i % 2]!, { receivedAt: new Date(base + Math.floor(i / 2) * 1000), buyerText: `refund please ${i}` })
      originals.push(id)
    }
    await main.request('POST', '/api/messages/bulk', { ids: originals, action: { type: 'add_tag', tagId: vip.id } })

    let arrivals = 0
    const arrive = async () => {
      for (let k = 0; k < 2; k++) {
        const { id } = await mail.message(store.channels[arrivals % 2]!, { receivedAt: new Date(Date.now() + ++arrivals), buyerText: 'refund please, new' })
        await main.request('PUT', `/api/messages/${id}/tags`, { tagIds: [vip.id] })
      }
    }
    for (const query of ['', 'category=buyer_message', `channelId=${store.channels[0]!.id}`, `tagId=${vip.id}`, 'q=refund%20please', 'marketplace=DE&status=pending']) {
      const startedAt = Date.now()
      const seen = await pageAll(main, query, arrive)
      const seenIds = seen.map((m) => m.id)
      expect(new Set(seenIds).size, query).toBe(seenIds.length)
      const expectedOriginals = (await ids(main, `${query}&range=custom&to=${new Date(startedAt - 1).toISOString()}`)).filter((id) => originals.includes(id))
      expect(seenIds.filter((id) => originals.includes(id)), query).toEqual(expectedOriginals)
      expect(seen).toEqual([...seen].sort((x, y) => y.receivedAt.localeCompare(x.receivedAt) || y.id - x.id))
    }
  })
})
