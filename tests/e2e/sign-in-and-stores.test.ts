// The web version end to end: the real server process serves the H5 build; headless Chromium signs
// in by QR (this test plays the mini program that scans and confirms), opens the stores page, copies
// a dedicated address and confirms it bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWechatStandin } from '@sellerinbox/server/dev/wechat-standin/standin'
import type { Store } from '@sellerinbox/shared'
import { collectErrors, launchBrowser, signInByQr } from '../helpers/browser'
import { apiAt, miniProgramSignIn, type Api } from '../helpers/server-api'
import { startServerProcess, type ServerProcess } from '../helpers/server-process'
import { e2eServerEnv, TEST_WECHAT } from '../helpers/test-env'

let standin: Awaited<ReturnType<typeof startWechatStandin>>
let server: ServerProcess
let browser: Awaited<ReturnType<typeof launchBrowser>>
let api: Api

beforeAll(async () => {
  standin = await startWechatStandin({ port: 0, appid: TEST_WECHAT.appid, secret: TEST_WECHAT.secret })
  server = await startServerProcess(e2eServerEnv(standin.url))
  api = apiAt(server.url)
  browser = await launchBrowser()
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await standin?.close()
})

describe('web version', () => {
  it('signs in by QR, shows the stores, copies a dedicated address and confirms it bound', async () => {
    const session = await miniProgramSignIn(api, standin, '王老板')
    const store = await api<Store>(session, 'POST', '/api/stores', { name: 'Sunny Home', region: 'EU', marketplaces: ['DE', 'UK'] })
    const de = store.channels.find((c) => c.marketplace === 'DE')!

    const page = await browser.context.newPage()
    const errors = collectErrors(page)
    let ticketsCreated = 0
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/auth/qr-tickets')) ticketsCreated += 1
    })
    await signInByQr(page, server.url, api, session)
    // Regression: the login page created a second ticket when /api/meta arrived.
    expect(ticketsCreated).toBe(1)

    await page.goto(`${server.url}/#/pages/me/index`)
    await page.locator('.me-stores-entry').first().click()
    await page.locator('.stores-page').first().waitFor({ state: 'visible' })

    const row = page.locator(`.channel-row[data-channel-id="${de.id}"]`)
    await expect.poll(() => row.locator('.channel-address').first().innerText()).toBe(de.dedicatedAddress)
    await expect.poll(() => row.locator('.binding-status').first().innerText()).toContain('未绑定')

    await row.locator('.copy-address-btn').first().click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(de.dedicatedAddress)

    await row.locator('.confirm-binding-btn').first().click()
    await page.locator('.taro-model__confirm').first().click()
    await expect.poll(() => row.locator('.binding-status').first().innerText(), { timeout: 10_000 }).toContain('已绑定')

    const after = await api<Store>(session, 'GET', `/api/stores/${store.id}`)
    expect(after.channels.find((c) => c.id === de.id)?.bindingStatus).toBe('bound')
    expect(after.channels.find((c) => c.marketplace === 'UK')?.bindingStatus).toBe('unbound')
    expect(errors).toEqual([])
    await page.close()
  })
})
