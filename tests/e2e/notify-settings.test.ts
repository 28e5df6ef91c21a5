// The web version end to end: the main account opens 通知设置, makes a sub-account a recipient with a
// weekday overnight window (21:00 → 09:00 next day), sees the window preview, and saves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWechatStandin } from '@sellerinbox/server/dev/wechat-standin/standin'
import type { Session } from '@sellerinbox/shared'
import type { NotificationRule } from '@sellerinbox/shared/api/notifications'
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
  server = await startServerProcess(
    e2eServerEnv(standin.url, {
      NOTIFY_TEMPLATE_NEW_MESSAGE: 'e2e-tmpl-new',
    }),
  )
  api = apiAt(server.url)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await standin?.close()
})

describe('notification settings (web version)', () => {
  it('the main account sets a sub-account rule — weekdays 21:00 → 09:00 next day — and sees the preview', async () => {
    const main = await miniProgramSignIn(api, standin, '王老板')
    const store = await api<{ id: number }>(main, 'POST', '/api/stores', { name: 'Night Shift Store', region: 'NA', marketplaces: ['US'] })
    const invite = await api<{ token: string }>(main, 'POST', '/api/invites', { note: '夜班客服', storeIds: [store.id] })
    const sub = await api<Session>(null, 'POST', '/api/auth/invites/accept', { token: invite.token, code: standin.state.mintCode().code })

    const page = await browser.context.newPage()
    const errors = collectErrors(page)
    await signInByQr(page, server.url, api, main)

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
      .poll(async () => (await api<NotificationRule>(main, 'GET', `/api/notifications/rules/${sub.user.id}`)).updatedAt, { timeout: 10_000 })
      .not.toBeNull()
    const saved = await api<NotificationRule>(main, 'GET', `/api/notifications/rules/${sub.user.id}`)
    expect(saved).toMatchObject({ recipient: true, days: [1, 2, 3, 4, 5], start: '21:00', end: '09:00', endNextDay: true, timeZone: 'Asia/Shanghai' })

    // Back on the settings page the sub-account is a recipient with its new window.
    await page.locator('.notify-settings').first().waitFor({ state: 'visible', timeout: 10_000 })
    await expect.poll(() => row.innerText()).toContain('工作日 21:00 → 次日 09:00')
    expect(errors).toEqual([])
    await page.close()
  })
})
