// Headless Debian Chromium driven by playwright-core (no browser download), and the two ways a test
// gets a signed-in page of the web version: by QR code, as a person does, or with a stored session.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import type { Session } from '@sellerinbox/shared'
import type { Api } from './server-api'

export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'sellerinbox-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 414, height: 860 },
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    context,
    async close() {
      await context.close()
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/** Uncaught errors of the page, as they happen; a test expects none by its end. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

/**
 * Opens the web version's login page and signs in by QR code: the test plays the mini program that
 * scans the code and confirms it as `session`. Resolves once the inbox shows.
 */
export async function signInByQr(page: Page, serverUrl: string, api: Api, session: Session): Promise<void> {
  // The ticket the page shows is the one it polls for.
  const polled = page.waitForRequest((r) => /\/api\/auth\/qr-tickets\/[^/?]+\?pollToken=/.test(r.url()))
  await page.goto(`${serverUrl}/`)
  await page.locator('.qr-login-image').first().waitFor({ state: 'visible' })
  const ticket = new URL((await polled).url()).pathname.split('/').pop()!
  await api(session, 'POST', `/api/auth/qr-tickets/${ticket}/confirm`)
  await page.locator('.inbox-page').first().waitFor({ state: 'visible', timeout: 15_000 })
}

/** A new page at `url`, signed in the way the app stores a session (Taro's H5 storage wraps values as {data}). */
export async function openSignedIn(context: BrowserContext, url: string, session: Session): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage()
  const errors = collectErrors(page)
  const stored = { accessToken: session.accessToken, refreshToken: session.refreshToken, user: session.user, org: session.org }
  await page.addInitScript((value) => localStorage.setItem('session', JSON.stringify({ data: value })), stored)
  await page.goto(url)
  return { page, errors }
}
