// The web version end to end: the main account opens 通知设置, makes a sub-account a recipient with a
// weekday overnight window (21:00 → 09:00 next day), sees the window preview, and saves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startWechatStandin } from '@sellerinbox/server/dev/wechat-standin/standin'
import type { Session } from '@sellerinbox/shared'
import type { NotificationRule } from '@sellerinbox/shared/api/notifications'
import { launchBrowser } from '../helpers/browser'
import { startServerProcess, type ServerProcess } from '../helpers/server-process'
import { e2eServerEnv, TEST_WECHAT } from '../helpers/test-env'

let standin: Awaited<ReturnType<typeof startWechatStandin>>
let server: ServerProcess
let browser: Awaited<ReturnType<typeof launchBrowser>>

beforeAll(async () => {
  standin = await startWechatStandin({ port: 0, appid: TEST_WECHAT.appid, secret: TEST_WECHAT.secret })
  server = await startServerProcess(
    e2eServerEnv(standin.url, {
      NOTIFY_TEMPLATE_NEW_MESSAGE: 'e2e-tmpl-new',
    }),
  )
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await standin?.close()
})

async function call<T>(method: string, path: string, body?: unknown, session?: Session): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(session ? { authorization: `Bearer ${session.accessToken}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  expect(res.status, `${method} ${path}`).toBe(200)
  return (await res.json()) as T
}

/** What the mini program does: sign in with a WeChat code (or accept an invite with one). */
async function miniProgramSignIn(): Promise<Session> {
  return call<Session>('POST', '/api/auth/wechat', { code: standin.state.mintCode().code, displayName: '王老板' })
}

async function webSignIn(page: Page, session: Session): Promise<void> {
  const polled = page.waitForRequest((r) => /\/api\/auth\/qr-tickets\/[^/?]+\?pollToken=/.test(r.url()))
  await page.goto(`${server.url}/`)
  const ticket = new URL((await polled).url()).pathname.split('/').pop()!
  await call('POST', `/api/auth/qr-tickets/${ticket}/confirm`, undefined, session)
  await page.locator('.inbox-page').first().waitFor({ state: 'visible', timeout: 15_000 })
}

describe('notification settings (web version)', () => {
  it('the main account sets a sub-account rule — weekdays 21:00 → 09:00 next day — and sees the preview', async () => {
    const main = await miniProgramSignIn()
    const store = await call<{ id: number }>('POST', '/api/stores', { name: 'Night Shift Store', region: 'NA', marketplaces: ['US'] }, main)
    const invite = await call<{ token: string }>('POST', '/api/invites', { note: '夜班客服', storeIds: [store.id] }, main)
    const sub = await call<Session>('POST', '/api/auth/invites/accept', { token: invite.token, code: standin.state.mintCode().code })

    const page = await browser.context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await webSignIn(page, main)

    await page.goto(`${server.url}/#/pages/me/index`)
    await page.locator('.me-notify-entry').first().click()
    await page.locator('.notify-settings').first().waitFor({ state: 'visible' })
    // The web version cannot subscribe, and says so.
    await expect.poll(() => page.locator('.h5-notice').first().innerText()).toContain('小程序')
    const row = page.locator(`.recipient-row[data-user-id="${sub.user.id}"]`)
    await expect.poll(() => row.innerText()).toContain('未接收')
    await row.locator('.recipient-row__main').click()

    // Taro's web router keeps earlier pages in the document: look inside the rule page only.
    const form = page.locator('.notify-rule')
    await form.first().waitFor({ state: 'visible' })
    await form.locator('.rule-recipient').first().click()
    for (const weekend of ['6', '7']) await form.locator(`.rule-days .notify-chip[data-key="${weekend}"]`).click()
    await form.locator('.rule-start input').fill('21:00')
    await form.locator('.rule-end input').fill('09:00')
    // Ending before it starts on the same day is not a window.
    await expect.poll(() => form.locator('.rule-problem').first().innerText()).toContain('次日结束')
    await form.locator('.rule-end-next-day').first().click()

    const preview = form.locator('.window-preview__item')
    await expect.poll(() => preview.count()).toBe(3)
    const windows = await preview.allInnerTexts()
    for (const text of windows) expect(text).toMatch(/^\d{2}-\d{2} 周[一二三四五] 21:00 → \d{2}-\d{2} 周[二三四五六] 09:00/)

    await form.locator('.save-rule-btn').first().click()
    await expect
      .poll(async () => (await call<NotificationRule>('GET', `/api/notifications/rules/${sub.user.id}`, undefined, main)).updatedAt, { timeout: 10_000 })
      .not.toBeNull()
    const saved = await call<NotificationRule>('GET', `/api/notifications/rules/${sub.user.id}`, undefined, main)
    expect(saved).toMatchObject({ recipient: true, days: [1, 2, 3, 4, 5], start: '21:00', end: '09:00', endNextDay: true, timeZone: 'Asia/Shanghai' })

    // Back on the settings page the sub-account is a recipient with its new window.
    await page.locator('.notify-settings').first().waitFor({ state: 'visible', timeout: 10_000 })
    await expect.poll(() => row.innerText()).toContain('工作日 21:00 → 次日 09:00')
    expect(errors).toEqual([])
    await page.close()
  })
})
