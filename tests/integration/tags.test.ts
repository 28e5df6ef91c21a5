// Org tags: the main account creates, renames, recolours and deletes them; everyone in the org
// lists and applies them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MessageDetail, Tag } from '@sellerinbox/shared'
import { addSubAccount, buildTestApp, createStore, signUpMain, type TestApp } from '../helpers/app'
import { mailFactory } from '../helpers/mail-factory'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

describe('tags', () => {
  it('creates, lists, renames, recolours and deletes', async () => {
    const main = await signUpMain(t)
    const created = await main.request('POST', '/api/tags', { name: ' 差评风险 ', color: '#e53935' })
    expect(created.statusCode, created.body).toBe(200)
    const risk = created.json<Tag>()
    expect(risk).toEqual({ id: expect.any(Number), name: '差评风险', color: '#E53935' })
    const vip = (await main.request('POST', '/api/tags', { name: 'VIP', color: '#FDD835' })).json<Tag>()
    expect((await main.request('GET', '/api/tags')).json().tags).toEqual([vip, risk])

    const renamed = await main.request('PATCH', `/api/tags/${risk.id}`, { name: '高风险', color: '#000000' })
    expect(renamed.json<Tag>()).toEqual({ id: risk.id, name: '高风险', color: '#000000' })
    expect((await main.request('DELETE', `/api/tags/${vip.id}`)).json()).toEqual({ ok: true })
    expect((await main.request('GET', '/api/tags')).json().tags).toEqual([{ id: risk.id, name: '高风险', color: '#000000' }])
    expect((await main.request('DELETE', `/api/tags/${vip.id}`)).statusCode).toBe(404)
  })

  it('refuses a duplicate name (409 TAG_NAME_TAKEN) and invalid input', async () => {
    const main = await signUpMain(t)
    const a = (await main.request('POST', '/api/tags', { name: 'Refund', color: '#111111' })).json<Tag>()
    const b = (await main.request('POST', '/api/tags', { name: 'Other', color: '#111111' })).json<Tag>()
    for (const [method, url, body] of [
      ['POST', '/api/tags', { name: 'Refund', color: '#222222' }],
      ['POST', '/api/tags', { name: 'refund', color: '#222222' }],
      ['PATCH', `/api/tags/${b.id}`, { name: 'Refund' }],
    ] as const) {
      const res = await main.request(method, url, body)
      expect(res.statusCode, JSON.stringify(body)).toBe(409)
      expect(res.json().code).toBe('TAG_NAME_TAKEN')
    }
    for (const body of [{ name: '', color: '#111111' }, { name: '   ', color: '#111111' }, { name: 'x'.repeat(21), color: '#111111' }, { name: 'x', color: 'red' }, { name: 'x' }]) {
      const res = await main.request('POST', '/api/tags', body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().code).toBe('VALIDATION_FAILED')
    }
    expect((await main.request('PATCH', `/api/tags/${a.id}`, {})).statusCode).toBe(400)
    // Another org may use the same name.
    expect((await (await signUpMain(t)).request('POST', '/api/tags', { name: 'Refund', color: '#111111' })).statusCode).toBe(200)
  })

  it('lets a sub-account list and apply tags but not manage them', async () => {
    const main = await signUpMain(t)
    const store = await createStore(main, 'S', ['US'])
    const sub = await addSubAccount(t, main, [store.id])
    const tag = (await main.request('POST', '/api/tags', { name: 'Team', color: '#123456' })).json<Tag>()
    expect((await sub.request('GET', '/api/tags')).json().tags).toEqual([tag])
    for (const [method, url, body] of [
      ['POST', '/api/tags', { name: 'Mine', color: '#123456' }],
      ['PATCH', `/api/tags/${tag.id}`, { name: 'Renamed' }],
      ['DELETE', `/api/tags/${tag.id}`, undefined],
    ] as const) {
      const res = await sub.request(method, url, body)
      expect(res.statusCode, `${method} ${url}`).toBe(403)
      expect(res.json().code).toBe('FORBIDDEN_ROLE')
    }
    const { id } = await mailFactory(t.app, main).message(store.channels[0]!)
    expect((await sub.request('PUT', `/api/messages/${id}/tags`, { tagIds: [tag.id] })).json<MessageDetail>().tags).toEqual([tag])
  })

  it('shows a rename on tagged messages and takes a deleted tag off them', async () => {
    const main = await signUpMain(t)
    const store = await createStore(main, 'S', ['US'])
    const tag = (await main.request('POST', '/api/tags', { name: 'Old', color: '#123456' })).json<Tag>()
    const { id } = await mailFactory(t.app, main).message(store.channels[0]!)
    await main.request('PUT', `/api/messages/${id}/tags`, { tagIds: [tag.id] })
    await main.request('PATCH', `/api/tags/${tag.id}`, { name: 'New' })
    expect((await main.request('GET', `/api/messages/${id}`)).json<MessageDetail>().tags).toEqual([{ ...tag, name: 'New' }])
    await main.request('DELETE', `/api/tags/${tag.id}`)
    expect((await main.request('GET', `/api/messages/${id}`)).json<MessageDetail>().tags).toEqual([])
    expect((await main.request('GET', `/api/messages?tagId=${tag.id}`)).statusCode).toBe(404)
  })
})
