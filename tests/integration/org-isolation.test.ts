// A user of org A gets 404 for every id of org B, on every route that takes an id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addSubAccount, buildTestApp, createStore, signUpMain, type Client, type TestApp } from '../helpers/app'
import { mailFactory } from '../helpers/mail-factory'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

describe('org isolation', () => {
  it('answers 404 to org A for each of org B ids, and changes nothing', async () => {
    const a = await signUpMain(t)
    const b = await signUpMain(t)
    const storeB = await createStore(b, 'B store', ['US'])
    const subB = await addSubAccount(t, b, [storeB.id])
    const inviteB = (await b.request('POST', '/api/invites', {})).json().invite
    const channelB = storeB.channels[0]!.id
    const sourceB = (await b.request('POST', '/api/mail-sources', { name: 'B', host: '127.0.0.1', port: 1, tlsMode: 'none', username: 'b', password: 'b-password' })).json()
    const mailB = mailFactory(t.app, b)
    const conversationB = await mailB.conversation(storeB.channels[0]!)
    const messageB = await mailB.message(storeB.channels[0]!, { conversationId: conversationB })
    const attachmentB = await mailB.attachment(messageB.id, { filename: 'b.txt', contentType: 'text/plain', data: Buffer.from('b') })
    await mailB.unrouted(sourceB.id)
    const tagB = (await b.request('POST', '/api/tags', { name: 'B tag', color: '#123456' })).json()
    await b.request('PUT', `/api/messages/${messageB.id}/tags`, { tagIds: [tagB.id] })
    const templateB = (await b.request('POST', '/api/reply-templates', { name: 'B', body: 'Hello {{buyerName}}' })).json()
    const wordB = (await b.request('POST', '/api/forbidden-words', { word: 'bword' })).json()
    const blacklistB = (await b.request('POST', '/api/blacklist', { kind: 'order', value: '111-2222222-3333333' })).json()

    // One entry per id-taking route; the check below fails when a new one is not listed here.
    const matrix: Record<string, [string, unknown?]> = {
      'GET /api/stores/:id': [`/api/stores/${storeB.id}`],
      'PATCH /api/stores/:id': [`/api/stores/${storeB.id}`, { name: 'hijacked' }],
      'POST /api/stores/:id/archive': [`/api/stores/${storeB.id}/archive`],
      'POST /api/stores/:id/restore': [`/api/stores/${storeB.id}/restore`],
      'POST /api/stores/:id/channels': [`/api/stores/${storeB.id}/channels`, { marketplace: 'FR' }],
      'POST /api/channels/:id/binding': [`/api/channels/${channelB}/binding`],
      'DELETE /api/channels/:id/binding': [`/api/channels/${channelB}/binding`],
      'PUT /api/members/:id/stores': [`/api/members/${subB.session.user.id}/stores`, { storeIds: [] }],
      'DELETE /api/members/:id': [`/api/members/${subB.session.user.id}`],
      'DELETE /api/invites/:id': [`/api/invites/${inviteB.id}`],
      'GET /api/mail-sources/:id': [`/api/mail-sources/${sourceB.id}`],
      'PATCH /api/mail-sources/:id': [`/api/mail-sources/${sourceB.id}`, { name: 'hijacked', password: 'hijacked' }],
      'DELETE /api/mail-sources/:id': [`/api/mail-sources/${sourceB.id}`],
      'POST /api/mail-sources/:id/test': [`/api/mail-sources/${sourceB.id}/test`, {}],
      'GET /api/messages/:id': [`/api/messages/${messageB.id}`],
      'PATCH /api/messages/:id': [`/api/messages/${messageB.id}`, { status: 'processed', isRead: true }],
      'POST /api/messages/:id/replied-on-platform': [`/api/messages/${messageB.id}/replied-on-platform`],
      'PUT /api/messages/:id/tags': [`/api/messages/${messageB.id}/tags`, { tagIds: [] }],
      'PATCH /api/tags/:id': [`/api/tags/${tagB.id}`, { name: 'hijacked' }],
      'DELETE /api/tags/:id': [`/api/tags/${tagB.id}`],
      'GET /api/messages/:id/raw': [`/api/messages/${messageB.id}/raw`],
      'POST /api/messages/:id/reprocess': [`/api/messages/${messageB.id}/reprocess`],
      'GET /api/messages/:id/reply-context': [`/api/messages/${messageB.id}/reply-context`],
      'GET /api/messages/:id/replies': [`/api/messages/${messageB.id}/replies`],
      'POST /api/messages/:id/replies': [`/api/messages/${messageB.id}/replies`, { body: 'hello', idempotencyKey: 'isolation-key-1' }],
      'PUT /api/reply-templates/:id': [`/api/reply-templates/${templateB.id}`, { name: 'hijacked', body: 'x' }],
      'DELETE /api/reply-templates/:id': [`/api/reply-templates/${templateB.id}`],
      'GET /api/reply-templates/:id/preview': [`/api/reply-templates/${templateB.id}/preview?messageId=${messageB.id}`],
      'DELETE /api/forbidden-words/:id': [`/api/forbidden-words/${wordB.id}`],
      'DELETE /api/blacklist/:id': [`/api/blacklist/${blacklistB.id}`],
      'GET /api/attachments/:id': [`/api/attachments/${attachmentB}`],
      'GET /api/conversations/:id/messages': [`/api/conversations/${conversationB}/messages`],
      'GET /api/notifications/rules/:id': [`/api/notifications/rules/${subB.session.user.id}`],
      'PUT /api/notifications/rules/:id': [
        `/api/notifications/rules/${subB.session.user.id}`,
        { recipient: true, enabled: true, categories: ['buyer_message'], days: [1], start: '09:00', end: '18:00', endNextDay: false, timeZone: 'Asia/Shanghai', storeIds: null },
      ],
    }
    const idRoutes = t.app.apiRoutes.filter((r) => r.url.includes(':id')).map((r) => `${r.method} ${r.url}`)
    expect(Object.keys(matrix).sort()).toEqual(idRoutes.sort())

    for (const [route, [url, body]] of Object.entries(matrix)) {
      const method = route.split(' ')[0] as 'GET'
      const res = await a.request(method, url, body)
      expect(res.statusCode, route).toBe(404)
      expect(res.json().code).toBe('NOT_FOUND')
    }

    // Org B's data is untouched.
    const after = (await b.request('GET', `/api/stores/${storeB.id}`)).json()
    expect(after).toMatchObject({ name: 'B store', archived: false })
    expect(after.channels).toHaveLength(1)
    expect((await subB.request('GET', '/api/stores')).json().stores).toHaveLength(1)
    expect((await b.request('GET', '/api/invites')).json().invites[0].status).toBe('pending')
    expect((await b.request('GET', `/api/mail-sources/${sourceB.id}`)).json().name).toBe('B')
    expect(t.app.ctx.secrets.open((await t.app.ctx.db.selectFrom('mailSources').select('passwordEnc').where('id', '=', sourceB.id).executeTakeFirstOrThrow()).passwordEnc)).toBe('b-password')
    expect((await b.request('GET', '/api/messages')).json().items.map((m: { id: number }) => m.id)).toEqual([messageB.id])
    expect((await b.request('GET', `/api/messages/${messageB.id}`)).json()).toMatchObject({ status: 'pending', isRead: false, tags: [tagB], history: [{ change: 'tag_added:B tag' }] })
    expect((await b.request('GET', '/api/tags')).json().tags).toEqual([tagB])
    // Ids that are not routes' own: a bulk action, a filter.
    const bulk = await a.request('POST', '/api/messages/bulk', { ids: [messageB.id], action: { type: 'read', isRead: true } })
    expect(bulk.statusCode).toBe(409)
    expect(bulk.json().results).toEqual([{ id: messageB.id, ok: false, code: 'NOT_FOUND', message: 'message not found' }])
    for (const query of [`tagId=${tagB.id}`, `storeId=${storeB.id}`]) {
      expect((await a.request('GET', `/api/messages?${query}`)).statusCode).toBe(404)
      expect((await a.request('GET', `/api/messages/counts?${query}`)).statusCode).toBe(404)
    }
    // A filter naming org B's channel is as unknown as any other id.
    expect((await a.request('GET', `/api/messages?channelId=${channelB}`)).statusCode).toBe(404)
    // And org A's lists never show B's rows.
    await expectEmptyLists(a)
  })

  it('does not let org A grant a sub-account access to org B stores', async () => {
    const a = await signUpMain(t)
    const b = await signUpMain(t)
    const storeB = await createStore(b, 'B', ['US'])
    const subA = await addSubAccount(t, a)
    const res = await a.request('PUT', `/api/members/${subA.session.user.id}/stores`, { storeIds: [storeB.id] })
    expect(res.statusCode).toBe(404)
    expect((await subA.request('GET', '/api/stores')).json().stores).toEqual([])
  })
})

async function expectEmptyLists(a: Client) {
  expect((await a.request('GET', '/api/stores?includeArchived=true')).json().stores).toEqual([])
  expect((await a.request('GET', '/api/invites')).json().invites).toEqual([])
  expect((await a.request('GET', '/api/members')).json().members).toHaveLength(1)
  expect((await a.request('GET', '/api/mail-sources')).json().sources).toEqual([])
  expect((await a.request('GET', '/api/messages')).json().items).toEqual([])
  expect((await a.request('GET', '/api/messages?q=B')).json().items).toEqual([])
  expect((await a.request('GET', '/api/messages/counts')).json().all).toEqual({ total: 0, unread: 0, pending: 0 })
  expect((await a.request('GET', '/api/tags')).json().tags).toEqual([])
  expect((await a.request('GET', '/api/unrouted-mail')).json().items).toEqual([])
}
