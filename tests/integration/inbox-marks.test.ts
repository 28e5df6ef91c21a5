// Marks on messages: status (switchable), replied on platform (final, stops the SLA clock),
// read/unread, at most two tags, bulk actions that are all or nothing — each recorded with who
// and when — and who may mark what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BulkResult, InboxCounts, MessageDetail, Store, Tag } from '@sellerinbox/shared'
import { addSubAccount, buildTestApp, createStore, signUpMain, type Client, type TestApp } from '../helpers/app'
import { mailFactory } from '../helpers/mail-factory'
import { rebuildOrderFacts } from '@sellerinbox/server/modules/messages/order-facts.repo'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const HOUR = 3600_000

async function detail(client: Client, id: number): Promise<MessageDetail> {
  const res = await client.request('GET', `/api/messages/${id}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json<MessageDetail>()
}

async function newTag(main: Client, name: string): Promise<Tag> {
  return (await main.request('POST', '/api/tags', { name, color: '#43a047' })).json<Tag>()
}

async function setup(displayName = '王经理') {
  const main = await signUpMain(t, displayName)
  const store: Store = await createStore(main, 'Marks', ['US', 'DE'])
  const mail = mailFactory(t.app, main)
  return { main, store, mail, us: store.channels[0]!, de: store.channels[1]! }
}

/** The counters behind /counts, recounted from the rows: marks must keep them exact. */
async function expectCountsExact(main: Client) {
  const c = (await main.request('GET', '/api/messages/counts')).json<InboxCounts>()
  const rows = await t.app.ctx.db
    .selectFrom('messages')
    .select(['category', 'status', 'isRead'])
    .where('orgId', '=', main.session.user.orgId)
    .execute()
  for (const [category, badge] of Object.entries(c.categories)) {
    const of = rows.filter((r) => r.category === category)
    expect(badge, category).toEqual({ total: of.length, unread: of.filter((r) => !r.isRead).length, pending: of.filter((r) => r.status === 'pending').length })
  }
}

describe('status and read marks', () => {
  it('switches among pending, follow-up and processed, and records who and when', async () => {
    const { main, us, mail } = await setup('王经理')
    const { id } = await mail.message(us)
    const before = Date.now()
    for (const status of ['follow_up', 'processed', 'pending', 'processed'] as const) {
      const res = await main.request('PATCH', `/api/messages/${id}`, { status })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json<MessageDetail>().status).toBe(status)
    }
    const read = (await main.request('PATCH', `/api/messages/${id}`, { isRead: true })).json<MessageDetail>()
    expect(read.isRead).toBe(true)
    // Setting what is already set changes nothing and records nothing.
    await main.request('PATCH', `/api/messages/${id}`, { status: 'processed', isRead: true })
    const { history } = await detail(main, id)
    expect(history.map((h) => h.change)).toEqual(['read', 'status:processed', 'status:pending', 'status:processed', 'status:follow_up'])
    for (const h of history) {
      expect(h.by).toEqual({ id: main.session.user.id, displayName: '王经理' })
      expect(Date.parse(h.at)).toBeGreaterThanOrEqual(before - 1000)
    }
    await expectCountsExact(main)
  })

  it('sets status and read together, and rejects an empty change or a final status', async () => {
    const { main, us, mail } = await setup()
    const { id } = await mail.message(us)
    const both = (await main.request('PATCH', `/api/messages/${id}`, { status: 'follow_up', isRead: true })).json<MessageDetail>()
    expect(both).toMatchObject({ status: 'follow_up', isRead: true })
    for (const body of [{}, { status: 'replied_on_platform' }, { status: 'done' }, { isRead: 'yes' }]) {
      const res = await main.request('PATCH', `/api/messages/${id}`, body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().code).toBe('VALIDATION_FAILED')
    }
  })
})

describe('replied on platform', () => {
  it('is final: later status changes are 409 STATUS_FINAL, single or bulk; read still toggles', async () => {
    const { main, us, mail } = await setup()
    const { id } = await mail.message(us, { slaDueAt: new Date(Date.now() + HOUR) })
    const res = await main.request('POST', `/api/messages/${id}/replied-on-platform`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<MessageDetail>()).toMatchObject({ status: 'replied_on_platform', slaDueAt: null })
    // Again: nothing to do, still 200.
    expect((await main.request('POST', `/api/messages/${id}/replied-on-platform`)).statusCode).toBe(200)
    for (const status of ['pending', 'follow_up', 'processed']) {
      const patch = await main.request('PATCH', `/api/messages/${id}`, { status })
      expect(patch.statusCode).toBe(409)
      expect(patch.json().code).toBe('STATUS_FINAL')
    }
    const bulk = await main.request('POST', '/api/messages/bulk', { ids: [id], action: { type: 'status', status: 'pending' } })
    expect(bulk.statusCode).toBe(409)
    expect(bulk.json()).toMatchObject({ code: 'BULK_REJECTED', ok: false, results: [{ id, ok: false, code: 'STATUS_FINAL' }] })
    expect((await main.request('PATCH', `/api/messages/${id}`, { isRead: true })).json<MessageDetail>()).toMatchObject({ isRead: true, status: 'replied_on_platform' })
    expect((await detail(main, id)).history.map((h) => h.change)).toEqual(['read', 'replied_on_platform'])
  })

  it('stops the SLA clock of the message and of the earlier buyer messages of its conversation', async () => {
    const { main, us, mail } = await setup()
    const conversationId = await mail.conversation(us, { orderId: '111-0000000-0000001', slaDueAt: new Date(Date.now() - HOUR) })
    const earlier = await mail.message(us, { conversationId, receivedAt: new Date(Date.now() - 30 * HOUR), slaDueAt: new Date(Date.now() - 6 * HOUR) })
    const latest = await mail.message(us, { conversationId, receivedAt: new Date(Date.now() - 25 * HOUR), slaDueAt: new Date(Date.now() - HOUR) })
    const other = await mail.message(us, { receivedAt: new Date(Date.now() - 26 * HOUR), slaDueAt: new Date(Date.now() - 2 * HOUR) })
    const overdue = async () => (await main.request('GET', '/api/messages?sla=overdue')).json().items.map((m: { id: number }) => m.id).sort()
    expect(await overdue()).toEqual([earlier.id, latest.id, other.id].sort())
    await main.request('POST', `/api/messages/${latest.id}/replied-on-platform`)
    expect(await overdue()).toEqual([other.id])
    expect((await detail(main, earlier.id)).slaDueAt).toBeNull()
    expect((await detail(main, other.id)).slaDueAt).not.toBeNull()
  })
})

describe('tags on messages', () => {
  it('sets up to two tags, answers 400 TAG_LIMIT beyond, and records each change', async () => {
    const { main, us, mail } = await setup()
    const [a, b, c] = [await newTag(main, 'A'), await newTag(main, 'B'), await newTag(main, 'C')]
    const { id } = await mail.message(us)
    const two = await main.request('PUT', `/api/messages/${id}/tags`, { tagIds: [a.id, b.id] })
    expect(two.statusCode).toBe(200)
    expect(two.json<MessageDetail>().tags).toEqual([a, b])
    const three = await main.request('PUT', `/api/messages/${id}/tags`, { tagIds: [a.id, b.id, c.id] })
    expect(three.statusCode).toBe(400)
    expect(three.json().code).toBe('TAG_LIMIT')
    const swapped = (await main.request('PUT', `/api/messages/${id}/tags`, { tagIds: [c.id, a.id] })).json<MessageDetail>()
    expect(swapped.tags.map((x) => x.id).sort()).toEqual([a.id, c.id].sort())
    // The list shows the same tags.
    const item = (await main.request('GET', '/api/messages')).json().items[0]
    expect(item.tags.map((x: Tag) => x.id).sort()).toEqual([a.id, c.id].sort())
    expect(swapped.history.map((h) => h.change)).toEqual(['tag_added:C', 'tag_removed:B', 'tag_added:B', 'tag_added:A'])
    const cleared = (await main.request('PUT', `/api/messages/${id}/tags`, { tagIds: [] })).json<MessageDetail>()
    expect(cleared.tags).toEqual([])
  })

  it('enforces the limit in bulk and under concurrent requests', async () => {
    const { main, us, mail } = await setup()
    const [a, b, c] = [await newTag(main, 'A'), await newTag(main, 'B'), await newTag(main, 'C')]
    const full = await mail.message(us)
    const one = await mail.message(us)
    await main.request('PUT', `/api/messages/${full.id}/tags`, { tagIds: [a.id, b.id] })
    await main.request('PUT', `/api/messages/${one.id}/tags`, { tagIds: [a.id] })

    const rejected = await main.request('POST', '/api/messages/bulk', { ids: [one.id, full.id], action: { type: 'add_tag', tagId: c.id } })
    expect(rejected.statusCode).toBe(409)
    expect(rejected.json()).toMatchObject({
      code: 'BULK_REJECTED',
      ok: false,
      results: [
        { id: one.id, ok: true },
        { id: full.id, ok: false, code: 'TAG_LIMIT' },
      ],
    })
    expect((await detail(main, one.id)).tags.map((x) => x.id)).toEqual([a.id])
    // Adding a tag a message already has is fine even when it has two.
    expect((await main.request('POST', '/api/messages/bulk', { ids: [full.id], action: { type: 'add_tag', tagId: a.id } })).statusCode).toBe(200)

    // Two colleagues add a second tag to the same message at once: one wins, one is told why.
    const answers = await Promise.all(
      [b, c].map((tag) => main.request('POST', '/api/messages/bulk', { ids: [one.id], action: { type: 'add_tag', tagId: tag.id } })),
    )
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409])
    expect(answers.find((r) => r.statusCode === 409)!.json().results[0].code).toBe('TAG_LIMIT')
    expect((await detail(main, one.id)).tags).toHaveLength(2)
    const removed = await main.request('POST', '/api/messages/bulk', { ids: [one.id], action: { type: 'remove_tag', tagId: a.id } })
    expect(removed.statusCode).toBe(200)
    expect((await detail(main, one.id)).tags).toHaveLength(1)
  })

  it('answers 404 for a tag of another org', async () => {
    const { main, us, mail } = await setup()
    const other = await signUpMain(t)
    const theirs = await newTag(other, 'theirs')
    const { id } = await mail.message(us)
    for (const [method, url, body] of [
      ['PUT', `/api/messages/${id}/tags`, { tagIds: [theirs.id] }],
      ['POST', '/api/messages/bulk', { ids: [id], action: { type: 'add_tag', tagId: theirs.id } }],
      ['POST', '/api/messages/bulk', { ids: [id], action: { type: 'remove_tag', tagId: theirs.id } }],
    ] as const) {
      const res = await main.request(method, url, body)
      expect(res.statusCode, url).toBe(404)
      expect(res.json().code).toBe('NOT_FOUND')
    }
  })
})

describe('bulk actions', () => {
  it('applies every action to up to 500 messages and keeps the counts exact', async () => {
    const { main, us, de, mail } = await setup()
    const tag = await newTag(main, 'Bulk')
    const ids: number[] = []
    for (let i = 0; i < 12; i++) ids.push((await mail.message(i % 2 ? us : de, { category: i % 3 ? 'buyer_message' : 'refund', kind: i % 3 ? 'buyer_message' : 'refund_issued' })).id)
    const bulk = async (action: object, on = ids) => {
      const res = await main.request('POST', '/api/messages/bulk', { ids: on, action })
      expect(res.statusCode, res.body).toBe(200)
      const body = res.json<BulkResult>()
      expect(body).toEqual({ ok: true, results: on.map((id) => ({ id, ok: true })) })
    }
    await bulk({ type: 'status', status: 'follow_up' })
    await expectCountsExact(main)
    await bulk({ type: 'read', isRead: true })
    await bulk({ type: 'add_tag', tagId: tag.id })
    await bulk({ type: 'status', status: 'processed' }, ids.slice(0, 3))
    await bulk({ type: 'replied_on_platform' }, ids.slice(3, 6))
    await bulk({ type: 'remove_tag', tagId: tag.id }, ids.slice(0, 6))
    await bulk({ type: 'read', isRead: false }, ids.slice(0, 2))
    await expectCountsExact(main)
    const after = await Promise.all(ids.map((id) => detail(main, id)))
    expect(after.map((d) => d.status)).toEqual([...Array(3).fill('processed'), ...Array(3).fill('replied_on_platform'), ...Array(6).fill('follow_up')])
    expect(after.map((d) => d.tags.length)).toEqual([...Array(6).fill(0), ...Array(6).fill(1)])
    expect(after[0]!.history.map((h) => h.change)).toEqual(['unread', 'tag_removed:Bulk', 'status:processed', 'tag_added:Bulk', 'read', 'status:follow_up'])
  })

  it('is all or nothing: one unknown message and nothing changes', async () => {
    const { main, us, mail } = await setup()
    const other = await setup()
    const mine = [(await mail.message(us)).id, (await mail.message(us)).id]
    const theirs = (await other.mail.message(other.us)).id
    const res = await main.request('POST', '/api/messages/bulk', { ids: [mine[0], theirs, mine[1]], action: { type: 'status', status: 'processed' } })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toEqual({
      code: 'BULK_REJECTED',
      message: expect.any(String),
      ok: false,
      results: [
        { id: mine[0], ok: true },
        { id: theirs, ok: false, code: 'NOT_FOUND', message: 'message not found' },
        { id: mine[1], ok: true },
      ],
    })
    for (const id of mine) expect((await detail(main, id)).status).toBe('pending')
    expect((await detail(other.main, theirs)).status).toBe('pending')
    await expectCountsExact(main)
  })

  it('validates the request: 1 to 500 distinct ids and a known action', async () => {
    const { main } = await setup()
    for (const body of [
      { ids: [], action: { type: 'read', isRead: true } },
      { ids: Array.from({ length: 501 }, (_, i) => i + 1), action: { type: 'read', isRead: true } },
      { ids: [1, 1], action: { type: 'read', isRead: true } },
      { ids: [1], action: { type: 'delete' } },
      { ids: [1], action: { type: 'status', status: 'replied_on_platform' } },
    ]) {
      const res = await main.request('POST', '/api/messages/bulk', body)
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400)
      expect(res.json().code).toBe('VALIDATION_FAILED')
    }
  })

  it('accepts 500 messages in one request', async () => {
    const { main, us, mail } = await setup()
    const ids: number[] = []
    for (let i = 0; i < 500; i++) ids.push((await mail.message(us)).id)
    const res = await main.request('POST', '/api/messages/bulk', { ids, action: { type: 'status', status: 'processed' } })
    expect(res.statusCode).toBe(200)
    expect((await main.request('GET', '/api/messages/counts')).json<InboxCounts>().all).toEqual({ total: 500, unread: 500, pending: 0 })
  })
})

describe('what a sub-account may mark', () => {
  it('marks and tags mail of its stores; every other message is 404, alone or in bulk', async () => {
    const main = await signUpMain(t)
    const visible = await createStore(main, 'Visible', ['US'])
    const hidden = await createStore(main, 'Hidden', ['DE'])
    const sub = await addSubAccount(t, main, [visible.id])
    const mail = mailFactory(t.app, main)
    const tag = await newTag(main, 'Sub')
    const mine = (await mail.message(visible.channels[0]!)).id
    const notMine = (await mail.message(hidden.channels[0]!)).id

    expect((await sub.request('PATCH', `/api/messages/${mine}`, { status: 'follow_up' })).statusCode).toBe(200)
    expect((await sub.request('PUT', `/api/messages/${mine}/tags`, { tagIds: [tag.id] })).statusCode).toBe(200)
    expect((await detail(main, mine)).history[0]!.by.id).toBe(sub.session.user.id)

    for (const [method, url, body] of [
      ['GET', `/api/messages/${notMine}`, undefined],
      ['PATCH', `/api/messages/${notMine}`, { status: 'processed' }],
      ['POST', `/api/messages/${notMine}/replied-on-platform`, undefined],
      ['PUT', `/api/messages/${notMine}/tags`, { tagIds: [tag.id] }],
    ] as const) {
      const res = await sub.request(method, url, body)
      expect(res.statusCode, `${method} ${url}`).toBe(404)
      expect(res.json().code).toBe('NOT_FOUND')
    }
    const bulk = await sub.request('POST', '/api/messages/bulk', { ids: [mine, notMine], action: { type: 'read', isRead: true } })
    expect(bulk.statusCode).toBe(409)
    expect(bulk.json().results).toEqual([{ id: mine, ok: true }, { id: notMine, ok: false, code: 'NOT_FOUND', message: 'message not found' }])
    expect((await detail(main, notMine))).toMatchObject({ status: 'pending', isRead: false, tags: [] })
  })
})

describe('order panel and history in the detail', () => {
  it('gathers the order from all its mail in the channel', async () => {
    const { main, us, de, mail } = await setup()
    const orderId = '113-9494559-2370313'
    const buyer = await mail.message(us, { orderId, asin: 'B08LCFBUQ3', productTitle: 'Silicone Baking Mat', quantity: 2, receivedAt: new Date(Date.now() - 3 * HOUR) })
    await mail.message(us, {
      orderId,
      category: 'refund',
      kind: 'refund_issued',
      buyerText: null,
      bodyText: "We've initiated a refund of USD 27.49 to Marcus for the following item:\nRefund reason: Customer return",
      receivedAt: new Date(Date.now() - 2 * HOUR),
    })
    await mail.message(us, { orderId, category: 'atoz_claim', kind: 'atoz_claim_opened', buyerText: null, receivedAt: new Date(Date.now() - HOUR) })
    // The same order id in another channel is another order.
    await mail.message(de, { orderId, category: 'atoz_claim', kind: 'atoz_claim_decision', buyerText: null })

    expect((await detail(main, buyer.id)).order).toEqual({
      orderId,
      marketplace: 'US',
      asin: 'B08LCFBUQ3',
      productTitle: 'Silicone Baking Mat',
      quantity: 2,
      refundAmount: 'USD 27.49',
      returnReason: 'Customer return',
      claimState: 'opened',
      sellerCentralUrl: `https://sellercentral.amazon.com/orders-v3/order/${orderId}`,
    })
    const presale = await mail.message(de, { orderId: null })
    expect((await detail(main, presale.id)).order).toBeNull()
    const alone = await mail.message(de, { orderId: '302-1111111-2222222', asin: 'B0DEREFUND' })
    expect((await detail(main, alone.id)).order).toMatchObject({ asin: 'B0DEREFUND', sellerCentralUrl: 'https://sellercentral.amazon.de/orders-v3/order/302-1111111-2222222' })
  })

  it('keeps the newest mail\'s word when older mail of the order is stored later', async () => {
    const { main, us, mail } = await setup()
    const orderId = '114-1212121-3434343'
    const newest = await mail.message(us, { orderId, asin: 'B0NEWESTAA', quantity: 3, receivedAt: new Date(Date.now() - HOUR) })
    // Stored after it, received before it: a mailbox read again, or unrouted mail routed late.
    await mail.message(us, { orderId, asin: 'B0OLDERAAA', quantity: 1, productTitle: 'Kettle', receivedAt: new Date(Date.now() - 5 * HOUR) })
    await mail.message(us, {
      orderId,
      category: 'refund',
      kind: 'refund_issued',
      buyerText: null,
      bodyText: "We've initiated a refund of USD 12.00 for the following item:\nRefund reason: Item damaged",
      receivedAt: new Date(Date.now() - 4 * HOUR),
    })
    await mail.message(us, {
      orderId,
      category: 'refund',
      kind: 'refund_issued',
      buyerText: null,
      bodyText: "We've initiated a refund of USD 99.00 for the following item:\nRefund reason: Older reason",
      receivedAt: new Date(Date.now() - 6 * HOUR),
    })
    const expected = {
      asin: 'B0NEWESTAA',
      quantity: 3,
      productTitle: 'Kettle',
      refundAmount: 'USD 12.00',
      returnReason: 'Item damaged',
      claimState: null,
    }
    expect((await detail(main, newest.id)).order).toMatchObject(expected)

    // Rebuilding the order from its stored mail gives the same facts.
    await rebuildOrderFacts(t.app.ctx.db, [{ orgId: main.session.org.id, channelId: us.id, orderId }])
    expect((await detail(main, newest.id)).order).toMatchObject(expected)
  })
})
