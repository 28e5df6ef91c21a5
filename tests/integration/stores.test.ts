import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isDedicatedAddressShape, type Channel, type Store } from '@sellerinbox/shared'
import { addSubAccount, buildTestApp, createStore, signUpMain, type TestApp } from '../helpers/app'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

describe('stores and channels', () => {
  it('gives every store × marketplace an unguessable dedicated address on the inbound domain', async () => {
    const main = await signUpMain(t)
    const store = await createStore(main, 'Sunny Home', ['US', 'DE', 'JP'])
    expect(store).toMatchObject({ name: 'Sunny Home', region: 'NA', archived: false })
    expect(store.channels.map((c) => c.marketplace)).toEqual(['US', 'DE', 'JP'])
    for (const channel of store.channels) {
      expect(channel.bindingStatus).toBe('unbound')
      expect(channel.dedicatedAddress).toMatch(new RegExp(`^sunny-home-${channel.marketplace.toLowerCase()}-[a-z2-7]{10}@in\\.test\\.example$`))
      expect(isDedicatedAddressShape(channel.dedicatedAddress)).toBe(true)
    }
    const other = await createStore(main, 'Sunny Home', ['US'])
    const addresses = [...store.channels, ...other.channels].map((c) => c.dedicatedAddress)
    expect(new Set(addresses).size).toBe(addresses.length)
  })

  it('uses a neutral slug for names without Latin letters', async () => {
    const main = await signUpMain(t)
    const store = await createStore(main, '阳光家居', ['UK'])
    expect(store.channels[0]!.dedicatedAddress).toMatch(/^store-uk-[a-z2-7]{10}@/)
  })

  it('adds marketplaces once each', async () => {
    const main = await signUpMain(t)
    const store = await createStore(main, 'Peak', ['US'])
    const added = await main.request('POST', `/api/stores/${store.id}/channels`, { marketplace: 'FR' })
    expect(added.statusCode).toBe(200)
    expect(added.json<Channel>()).toMatchObject({ storeId: store.id, marketplace: 'FR', bindingStatus: 'unbound' })
    const duplicate = await main.request('POST', `/api/stores/${store.id}/channels`, { marketplace: 'FR' })
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json().code).toBe('CHANNEL_EXISTS')
    const unknown = await main.request('POST', `/api/stores/${store.id}/channels`, { marketplace: 'XX' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().code).toBe('VALIDATION_FAILED')
  })

  it('edits, archives and restores a store', async () => {
    const main = await signUpMain(t)
    const store = await createStore(main, 'Old name', ['US'])
    const edited = await main.request('PATCH', `/api/stores/${store.id}`, { name: 'New name', region: 'EU' })
    expect(edited.json<Store>()).toMatchObject({ name: 'New name', region: 'EU' })
    // Addresses never change once given out: Seller Central already points at them.
    expect(edited.json<Store>().channels[0]!.dedicatedAddress).toBe(store.channels[0]!.dedicatedAddress)

    expect((await main.request('PATCH', `/api/stores/${store.id}`, {})).statusCode).toBe(400)

    const archived = await main.request('POST', `/api/stores/${store.id}/archive`)
    expect(archived.json<Store>().archived).toBe(true)
    const listed = (await main.request('GET', '/api/stores')).json().stores as Store[]
    expect(listed.map((s) => s.id)).not.toContain(store.id)
    const all = (await main.request('GET', '/api/stores?includeArchived=true')).json().stores as Store[]
    expect(all.map((s) => s.id)).toContain(store.id)
    const add = await main.request('POST', `/api/stores/${store.id}/channels`, { marketplace: 'DE' })
    expect(add.statusCode).toBe(409)
    expect(add.json().code).toBe('STORE_ARCHIVED')

    const restored = await main.request('POST', `/api/stores/${store.id}/restore`)
    expect(restored.json<Store>().archived).toBe(false)
  })

  it('records the binding confirmation and can undo it', async () => {
    const main = await signUpMain(t)
    const store = await createStore(main, 'Bind', ['US'])
    const channelId = store.channels[0]!.id
    const bound = await main.request('POST', `/api/channels/${channelId}/binding`)
    expect(bound.statusCode).toBe(200)
    expect(bound.json<Channel>().bindingStatus).toBe('bound')
    expect(Date.parse(bound.json<Channel>().boundAt!)).toBeGreaterThan(Date.now() - 60_000)
    const unbound = await main.request('DELETE', `/api/channels/${channelId}/binding`)
    expect(unbound.json<Channel>()).toMatchObject({ bindingStatus: 'unbound', boundAt: null })
  })

  it('validates input with a message that says what to fix', async () => {
    const main = await signUpMain(t)
    const res = await main.request('POST', '/api/stores', { name: '', region: 'MOON', marketplaces: ['US', 'US'] })
    expect(res.statusCode).toBe(400)
    const body = res.json()
    expect(body.code).toBe('VALIDATION_FAILED')
    const paths = body.details.map((d: { path: string }) => d.path)
    expect(paths).toEqual(expect.arrayContaining(['body/name', 'body/region', 'body/marketplaces']))
  })
})

describe('sub-accounts and store access', () => {
  it('shows a sub-account only its stores and lets it manage nothing', async () => {
    const main = await signUpMain(t)
    const a = await createStore(main, 'A', ['US'])
    const b = await createStore(main, 'B', ['DE'])
    const sub = await addSubAccount(t, main, [a.id])

    const list = (await sub.request('GET', '/api/stores')).json().stores as Store[]
    expect(list.map((s) => s.id)).toEqual([a.id])
    expect((await sub.request('GET', `/api/stores/${a.id}`)).statusCode).toBe(200)
    expect((await sub.request('GET', `/api/stores/${b.id}`)).statusCode).toBe(404)

    const forbidden: [string, string, unknown?][] = [
      ['POST', '/api/stores', { name: 'x', region: 'NA' }],
      ['PATCH', `/api/stores/${a.id}`, { name: 'x' }],
      ['POST', `/api/stores/${a.id}/archive`],
      ['POST', `/api/stores/${a.id}/restore`],
      ['POST', `/api/stores/${a.id}/channels`, { marketplace: 'FR' }],
      ['POST', `/api/channels/${a.channels[0]!.id}/binding`],
      ['DELETE', `/api/channels/${a.channels[0]!.id}/binding`],
      ['GET', '/api/members'],
      ['PUT', `/api/members/${sub.session.user.id}/stores`, { storeIds: [a.id, b.id] }],
      ['DELETE', `/api/members/${main.session.user.id}`],
    ]
    for (const [method, url, body] of forbidden) {
      const res = await sub.request(method as 'GET', url, body)
      expect(res.statusCode, `${method} ${url}`).toBe(403)
      expect(res.json().code).toBe('FORBIDDEN_ROLE')
    }
  })

  it('follows the store access the main account sets', async () => {
    const main = await signUpMain(t)
    const a = await createStore(main, 'A', ['US'])
    const b = await createStore(main, 'B', ['DE'])
    const sub = await addSubAccount(t, main, [a.id])
    const set = await main.request('PUT', `/api/members/${sub.session.user.id}/stores`, { storeIds: [b.id] })
    expect(set.statusCode).toBe(200)
    expect(set.json().storeIds).toEqual([b.id])
    expect(((await sub.request('GET', '/api/stores')).json().stores as Store[]).map((s) => s.id)).toEqual([b.id])
    const members = (await main.request('GET', '/api/members')).json().members
    expect(members).toEqual([
      expect.objectContaining({ id: main.session.user.id, role: 'main' }),
      expect.objectContaining({ id: sub.session.user.id, role: 'sub', storeIds: [b.id] }),
    ])
  })

  it('hides archived stores from sub-accounts', async () => {
    const main = await signUpMain(t)
    const a = await createStore(main, 'A', ['US'])
    const sub = await addSubAccount(t, main, [a.id])
    await main.request('POST', `/api/stores/${a.id}/archive`)
    expect((await sub.request('GET', '/api/stores?includeArchived=true')).json().stores).toEqual([])
    expect((await sub.request('GET', `/api/stores/${a.id}`)).statusCode).toBe(404)
  })

  it('does not let the main account restrict or remove itself', async () => {
    const main = await signUpMain(t)
    const res = await main.request('PUT', `/api/members/${main.session.user.id}/stores`, { storeIds: [] })
    expect(res.statusCode).toBe(403)
    expect((await main.request('DELETE', `/api/members/${main.session.user.id}`)).statusCode).toBe(403)
  })
})
