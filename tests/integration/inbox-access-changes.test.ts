// The inbox follows changes to stores, channels and store access: at once on the instance that
// made them, and within AUTH_USER_RECHECK_MS on another instance (each process reuses its read of
// who sees which channels for that long; 0 reads it on every request).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MessagePage } from '@sellerinbox/shared'
import { buildApp } from '@sellerinbox/server/app'
import { addSubAccount, buildTestApp, clientFor, createStore, signUpMain, type Client, type TestApp } from '../helpers/app'
import { mailFactory } from '../helpers/mail-factory'
import { testConfig } from '../helpers/test-env'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

async function page(client: Client, query = ''): Promise<{ status: number; ids: number[] }> {
  const res = await client.request('GET', `/api/messages?limit=100&${query}`)
  return { status: res.statusCode, ids: res.statusCode === 200 ? res.json<MessagePage>().items.map((m) => m.id) : [] }
}

/** Store Alpha (US) and Beta (DE) with one message each, and a sub-account that sees Alpha only. */
async function team() {
  const main = await signUpMain(t)
  const alpha = await createStore(main, 'Alpha', ['US'])
  const beta = await createStore(main, 'Beta', ['DE'])
  const mail = mailFactory(t.app, main)
  const inAlpha = (await mail.message(alpha.channels[0]!, {})).id
  const inBeta = (await mail.message(beta.channels[0]!, {})).id
  const sub = await addSubAccount(t, main, [alpha.id])
  const grant = async (storeIds: number[]) => expect((await main.request('PUT', `/api/members/${sub.session.user.id}/stores`, { storeIds })).statusCode).toBe(200)
  return { main, sub, alpha, beta, inAlpha, inBeta, grant }
}

describe('store and access changes', () => {
  it('show at once on the instance that made them: access granted and revoked, marketplace added, store archived', async () => {
    const { main, sub, alpha, beta, inAlpha, inBeta, grant } = await team()
    expect(await page(sub)).toEqual({ status: 200, ids: [inAlpha] })
    expect((await page(sub, `storeId=${beta.id}`)).status).toBe(404)
    expect((await page(sub, 'marketplace=DE')).ids).toEqual([])

    await grant([alpha.id, beta.id])
    expect((await page(sub)).ids.sort()).toEqual([inAlpha, inBeta].sort())
    expect(await page(sub, `storeId=${beta.id}`)).toEqual({ status: 200, ids: [inBeta] })
    expect((await page(sub, 'marketplace=DE')).ids).toEqual([inBeta])

    const added = await main.request('POST', `/api/stores/${beta.id}/channels`, { marketplace: 'FR' })
    expect(added.statusCode, added.body).toBe(200)
    expect(await page(sub, `channelId=${added.json().id}`)).toEqual({ status: 200, ids: [] })

    expect((await main.request('POST', `/api/stores/${beta.id}/archive`)).statusCode).toBe(200)
    expect(await page(sub)).toEqual({ status: 200, ids: [inAlpha] })
    expect((await page(sub, `storeId=${beta.id}`)).status).toBe(404)
    expect((await main.request('POST', `/api/stores/${beta.id}/restore`)).statusCode).toBe(200)
    expect((await page(sub, 'marketplace=DE')).ids).toEqual([inBeta])

    await grant([])
    expect(await page(sub)).toEqual({ status: 200, ids: [] })
    expect((await page(sub, `storeId=${alpha.id}`)).status).toBe(404)
    // The main account's own filters follow its new marketplace too.
    expect(await page(main, 'marketplace=FR')).toEqual({ status: 200, ids: [] })
    expect((await page(main, 'marketplace=DE')).ids).toEqual([inBeta])
  })

  it('show on another instance within AUTH_USER_RECHECK_MS, and on every request when it is 0', async () => {
    const recheckMs = 400
    const other = await buildApp(testConfig({ WECHAT_API_BASE: t.standin.url, AUTH_USER_RECHECK_MS: String(recheckMs) }), { web: false, logger: false })
    const uncached = await buildApp(testConfig({ WECHAT_API_BASE: t.standin.url, AUTH_USER_RECHECK_MS: '0' }), { web: false, logger: false })
    try {
      const { sub, alpha, beta, inAlpha, inBeta, grant } = await team()
      const viaOther = clientFor(other, sub.session)
      const viaUncached = clientFor(uncached, sub.session)
      expect((await page(viaOther, `storeId=${beta.id}`)).status).toBe(404)
      expect((await page(viaUncached, `storeId=${beta.id}`)).status).toBe(404)

      let changedAt = Date.now()
      await grant([beta.id])
      expect(await page(viaUncached)).toEqual({ status: 200, ids: [inBeta] })
      // The other instance read the access before the change and may trust that read for up to
      // recheckMs; a request after that must see the change.
      await new Promise((resolve) => setTimeout(resolve, recheckMs + 20 - (Date.now() - changedAt)))
      expect(await page(viaOther)).toEqual({ status: 200, ids: [inBeta] })
      expect(await page(viaOther, `storeId=${beta.id}`)).toEqual({ status: 200, ids: [inBeta] })

      changedAt = Date.now()
      await grant([alpha.id])
      expect(await page(viaUncached)).toEqual({ status: 200, ids: [inAlpha] })
      await new Promise((resolve) => setTimeout(resolve, recheckMs + 20 - (Date.now() - changedAt)))
      expect((await page(viaOther, `storeId=${beta.id}`)).status).toBe(404)
      expect(await page(viaOther)).toEqual({ status: 200, ids: [inAlpha] })
    } finally {
      await other.close()
      await uncached.close()
    }
  })
})
