// The inbox end to end: the real server process (web + worker roles) ingests Amazon buyer messages from a
// Dovecot mailbox; headless Chromium on the H5 build filters to DE, the last 7 days and pending buyer
// messages, opens one, reads its order panel, marks it follow-up, tags it, bulk-marks three processed and
// sees the counts change — then sees a rejected bulk action list the message that blocked it.
//
// Selectors the mini program keeps stable for this test (class names, data-* attributes):
//   inbox     .inbox-page  .category-tab[data-category][data-unread][data-pending][data-total]
//             .filter-chip--channel|--range|--status|--tag|--more  → .filter-sheet--<chip> .filter-option[data-value]
//               (channel values: all | store-<id> | store-<id>-<MP> | mp-<MP>; range: all|today|7d|30d|custom;
//                status: all|pending|follow_up|processed|replied_on_platform)
//             .inbox-summary[data-total][data-unread][data-pending]  .inbox-search-input  .inbox-search-btn
//             .message-item[data-message-id][data-status][data-read]  .message-item__buyer  .sla-badge--open|--due_soon|--overdue
//             .inbox-select-toggle  .bulk-bar__count[data-count]  .bulk-action[data-action]  .bulk-select-all
//             .bulk-failures .bulk-failure[data-message-id][data-code]  .bulk-failures-deselect
//   detail    .message-detail-page  .order-panel .order-row[data-field] .order-row__value  .order-copy[data-field]
//             .status-action[data-status] (.status-action--active)  .replied-on-platform-btn  .mark-unread-btn
//             .edit-tags-btn → .tag-picker .tag-option[data-tag-id]  .tag-picker-confirm  .message-tags .tag-chip[data-tag-id]
//             .change-log__entry  .conversation-link  .reply-box-toggle  .attachment-item[data-attachment-id]
//   me        .me-mail-sources-entry  .me-tags-entry
//   dialogs   .taro-model__confirm (Taro's H5 showModal)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { startWechatStandin } from '@sellerinbox/server/dev/wechat-standin/standin'
import type { MessageDetail, MessagePage, Store, Tag } from '@sellerinbox/shared'
import { buyerMessage, plainMail, randomOrderId } from '../helpers/amazon-mail'
import { launchBrowser, openSignedIn } from '../helpers/browser'
import { IMAP, createMailbox, withImap, type TestMailbox } from '../helpers/imap'
import { apiAt, miniProgramSignIn, type Api } from '../helpers/server-api'
import { startServerProcess, type ServerProcess } from '../helpers/server-process'
import { e2eServerEnv, TEST_WECHAT } from '../helpers/test-env'

const HOUR = 3600_000
const storageDir = mkdtempSync(path.join(tmpdir(), 'sellerinbox-e2e-inbox-'))

let standin: Awaited<ReturnType<typeof startWechatStandin>>
let server: ServerProcess
let browser: Awaited<ReturnType<typeof launchBrowser>>
let api: Api

beforeAll(async () => {
  standin = await startWechatStandin({ port: 0, appid: TEST_WECHAT.appid, secret: TEST_WECHAT.secret })
  server = await startServerProcess(
    e2eServerEnv(standin.url, {
      MAIL_SYNC_TICK_SECONDS: '1',
      STORAGE_DIR: storageDir,
    }),
  )
  api = apiAt(server.url)
  browser = await launchBrowser()
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await standin?.close()
  rmSync(storageDir, { recursive: true, force: true })
})

/** Delivers mail the way a mail server would, with the IMAP internal date set to when it "arrived". */
async function deliver(box: TestMailbox, mails: { raw: string; at: Date }[]): Promise<void> {
  await withImap(box, async (client) => {
    for (const mail of mails) await client.append('INBOX', mail.raw, [], mail.at)
  })
}

/** A non-Amazon HTML email with what the sanitizer and the client must neutralise. */
function htmlMail(to: string, subject: string): string {
  const html =
    '<div style="position:fixed;top:0"><p>Hello, <b>Your order shipped</b>.</p>' +
    '<script>window.pwned = true</script><img src="x" onerror="window.pwned = true">' +
    '<a href="https://phish.example/login" onclick="window.pwned = true">Sign in here</a>' +
    '<iframe src="https://phish.example"></iframe></div>'
  return [
    'From: Store Reports <reports@mail.example>',
    `To: ${to}`,
    `Subject: ${subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <html.${Date.now()}.${Math.random().toString(36).slice(2)}@mail.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=UTF-8',
    '',
    html,
    '',
  ].join('\r\n')
}

async function pick(page: Page, chip: string, value: string): Promise<void> {
  await page.locator(`.inbox-page .filter-chip--${chip}`).click()
  await page.locator(`.filter-sheet--${chip} .filter-option[data-value="${value}"]`).click()
  await page.locator(`.filter-sheet--${chip}`).waitFor({ state: 'detached' })
}

const attr = (locator: Locator, name: string) => locator.getAttribute(name)

describe('inbox on the web version', () => {
  it('filters, opens a message with its order, marks and tags it, and bulk-processes with counts updating', async () => {
    const session = await miniProgramSignIn(api, standin, '李店长')
    const vip = await api<Tag>(session, 'POST', '/api/tags', { name: 'VIP', color: '#CF222E' })
    const eu = await api<Store>(session, 'POST', '/api/stores', { name: 'Sunny Home', region: 'EU', marketplaces: ['DE', 'UK', 'FR'] })
    const us = await api<Store>(session, 'POST', '/api/stores', { name: 'Acme US', region: 'NA', marketplaces: ['US'] })
    const address = (store: Store, mp: string) => store.channels.find((c) => c.marketplace === mp)!.dedicatedAddress

    const box = await createMailbox()
    await api(session, 'POST', '/api/mail-sources', {
      name: 'E2E mailbox',
      host: IMAP.host,
      port: IMAP.port,
      tlsMode: 'none',
      username: box.user,
      password: box.password,
      mailbox: 'INBOX',
    })

    // DE buyer messages in the last 7 days, with deadlines (24 h after arrival) in every SLA state.
    const now = Date.now()
    const de = [
      { buyer: 'Anna Schmidt', ageHours: 1 },
      { buyer: 'Lukas Weber', ageHours: 3 },
      { buyer: 'Mia Fischer', ageHours: 23 },
      { buyer: 'Jonas Becker', ageHours: 50 },
    ].map((m) => ({ ...m, orderId: randomOrderId() }))
    const mails = [
      ...de.map((m) => ({ at: new Date(now - m.ageHours * HOUR), to: address(eu, 'DE'), tld: 'de', buyer: m.buyer, orderId: m.orderId })),
      // Older than 7 days, other marketplaces and stores: none of them may show under the DE / 7-day filter.
      { at: new Date(now - 10 * 24 * HOUR), to: address(eu, 'DE'), tld: 'de', buyer: 'Paul Wagner', orderId: randomOrderId() },
      { at: new Date(now - 2 * HOUR), to: address(eu, 'UK'), tld: 'co.uk', buyer: 'Oliver Smith', orderId: randomOrderId() },
      { at: new Date(now - 5 * HOUR), to: address(eu, 'UK'), tld: 'co.uk', buyer: 'Amelia Jones', orderId: randomOrderId() },
      { at: new Date(now - 4 * HOUR), to: address(eu, 'FR'), tld: 'fr', buyer: 'Chloé Martin', orderId: randomOrderId() },
      { at: new Date(now - 6 * HOUR), to: address(us, 'US'), tld: 'com', buyer: 'Jamie Rivera', orderId: randomOrderId() },
    ].map((m) => ({
      at: m.at,
      raw: buyerMessage({ to: m.to, buyer: m.buyer, orderId: m.orderId, marketplaceTld: m.tld, date: m.at, text: `Hallo, wo bleibt meine Bestellung ${m.orderId}?` }),
    }))
    // Not buyer messages: a DE newsletter, and an HTML mail (rendered as rich-text nodes, never as HTML).
    mails.push({ at: new Date(now - HOUR), raw: plainMail({ to: address(eu, 'DE'), subject: 'Newsletter for sellers' }) })
    mails.push({ at: new Date(now - 7 * HOUR), raw: htmlMail(address(us, 'US'), 'Your account summary') })
    await deliver(box, mails)

    // The worker role ingests them.
    await expect
      .poll(async () => (await api<MessagePage>(session, 'GET', '/api/messages?limit=100')).items.length, { timeout: 30_000, interval: 500 })
      .toBe(mails.length)
    const all = (await api<MessagePage>(session, 'GET', '/api/messages?limit=100')).items
    const idOf = (buyer: string) => all.find((m) => m.buyerName === buyer)!.id

    const { page, errors } = await openSignedIn(browser.context, `${server.url}/#/pages/inbox/index`, session)
    const inbox = page.locator('.inbox-page')
    await expect.poll(() => inbox.locator('.message-item').count(), { timeout: 15_000 }).toBe(mails.length)
    const buyerTab = inbox.locator('.category-tab[data-category="buyer_message"]')
    await expect.poll(() => attr(buyerTab, 'data-unread')).toBe('9')

    // Filter: buyer messages · Sunny Home DE · last 7 days · pending.
    await buyerTab.click()
    await pick(page, 'channel', `store-${eu.id}-DE`)
    await pick(page, 'range', '7d')
    await pick(page, 'status', 'pending')
    const buyers = () => inbox.locator('.message-item .message-item__buyer').allInnerTexts()
    await expect.poll(async () => (await buyers()).sort()).toEqual(de.map((m) => m.buyer).sort())
    const summary = inbox.locator('.inbox-summary')
    await expect.poll(() => attr(summary, 'data-total')).toBe('4')
    expect(await attr(summary, 'data-unread')).toBe('4')
    expect(await attr(buyerTab, 'data-pending')).toBe('4')
    // Deadlines: 23 h old is due within 2 hours, 50 h old is overdue.
    const row = (buyer: string) => inbox.locator(`.message-item[data-message-id="${idOf(buyer)}"]`)
    await expect.poll(() => row('Mia Fischer').locator('.sla-badge--due_soon').count()).toBe(1)
    await expect.poll(() => row('Jonas Becker').locator('.sla-badge--overdue').count()).toBe(1)
    await expect.poll(() => row('Anna Schmidt').locator('.sla-badge--open').count()).toBe(1)

    // Open Anna's message: the order panel, copy the order id, mark follow-up, add a tag.
    const anna = de[0]!
    await row('Anna Schmidt').click()
    const detail = page.locator('.message-detail-page')
    await detail.locator('.order-panel').waitFor({ state: 'visible', timeout: 15_000 })
    await expect.poll(() => detail.locator('.order-row[data-field="orderId"] .order-row__value').innerText()).toBe(anna.orderId)
    await expect.poll(() => detail.locator('.order-row[data-field="sellerCentralUrl"] .order-row__value').innerText()).toContain('sellercentral.amazon.de')
    await detail.locator('.order-copy[data-field="orderId"]').click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(anna.orderId)
    await detail.locator('.reply-box .reply-textarea').waitFor({ state: 'visible' })

    await detail.locator('.status-action[data-status="follow_up"]').click()
    await expect.poll(() => attr(detail.locator('.status-action--active'), 'data-status')).toBe('follow_up')

    await detail.locator('.edit-tags-btn').click()
    await page.locator(`.tag-picker .tag-option[data-tag-id="${vip.id}"]`).click()
    await page.locator('.tag-picker .tag-picker-confirm').click()
    await detail.locator(`.message-tags .tag-chip[data-tag-id="${vip.id}"]`).waitFor({ state: 'visible' })
    await expect.poll(() => detail.locator('.change-log__entry').count()).toBeGreaterThanOrEqual(2)

    const marked = await api<MessageDetail>(session, 'GET', `/api/messages/${idOf('Anna Schmidt')}`)
    expect(marked.status).toBe('follow_up')
    expect(marked.isRead).toBe(true)
    expect(marked.tags.map((t) => t.id)).toEqual([vip.id])

    // Back in the inbox the row shows the change and the counts follow.
    await page.goBack()
    await inbox.waitFor({ state: 'visible' })
    await expect.poll(() => attr(row('Anna Schmidt'), 'data-status')).toBe('follow_up')
    await expect.poll(() => row('Anna Schmidt').locator(`.tag-chip[data-tag-id="${vip.id}"]`).count()).toBe(1)
    await expect.poll(() => attr(summary, 'data-total')).toBe('3')
    expect(await attr(summary, 'data-unread')).toBe('3')

    // Bulk: the three remaining pending DE messages → processed.
    await inbox.locator('.inbox-select-toggle').click()
    for (const buyer of ['Lukas Weber', 'Mia Fischer', 'Jonas Becker']) await row(buyer).click()
    await expect.poll(() => attr(inbox.locator('.bulk-bar__count'), 'data-count')).toBe('3')
    await inbox.locator('.bulk-action[data-action="processed"]').click()
    await expect.poll(() => attr(summary, 'data-total'), { timeout: 10_000 }).toBe('0')
    expect(await attr(summary, 'data-pending')).toBe('0')
    await expect.poll(() => attr(buyerTab, 'data-pending')).toBe('0')
    await expect.poll(() => inbox.locator('.message-item[data-status="pending"]').count()).toBe(0)
    for (const buyer of ['Lukas Weber', 'Mia Fischer', 'Jonas Becker']) {
      expect((await api<MessageDetail>(session, 'GET', `/api/messages/${idOf(buyer)}`)).status).toBe('processed')
    }

    // Any status: the four DE messages again, three processed, one follow-up, three still unread.
    await pick(page, 'status', 'all')
    await expect.poll(() => attr(summary, 'data-total')).toBe('4')
    expect(await attr(summary, 'data-unread')).toBe('3')
    expect(await attr(summary, 'data-pending')).toBe('0')

    // A bulk action the server rejects: nothing applied, the blocking message listed with its reason.
    await api(session, 'POST', `/api/messages/${idOf('Lukas Weber')}/replied-on-platform`)
    await page.reload()
    await inbox.waitFor({ state: 'visible' })
    await expect.poll(() => inbox.locator('.message-item').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await inbox.locator('.inbox-select-toggle').click()
    await row('Lukas Weber').click()
    await row('Mia Fischer').click()
    await inbox.locator('.bulk-action[data-action="pending"]').click()
    const failure = page.locator(`.bulk-failures .bulk-failure[data-message-id="${idOf('Lukas Weber')}"]`)
    await failure.waitFor({ state: 'visible', timeout: 10_000 })
    expect(await attr(failure, 'data-code')).toBe('STATUS_FINAL')
    expect(await page.locator('.bulk-failures .bulk-failure').count()).toBe(1)
    expect((await api<MessageDetail>(session, 'GET', `/api/messages/${idOf('Mia Fischer')}`)).status).toBe('processed')
    await page.locator('.bulk-failures .bulk-failures-deselect').click()
    await expect.poll(() => attr(inbox.locator('.bulk-bar__count'), 'data-count')).toBe('1')
    expect(errors).toEqual([])
    await page.close()

    // Deep links as notifications open them: one message, and a pre-filtered inbox.
    const htmlId = all.find((m) => m.subject === 'Your account summary')!.id
    const linked = await openSignedIn(browser.context, `${server.url}/#/pages/inbox/index?messageId=${htmlId}`, session)
    const body = linked.page.locator('.message-detail-page .message-body')
    await body.waitFor({ state: 'visible', timeout: 15_000 })
    // Folded when the buyer's words are shown above it.
    if ((await body.locator('.message-body__rich').count()) === 0) await body.locator('.body-toggle').click()
    await body.locator('.message-body__rich').waitFor({ state: 'visible' })
    await expect.poll(() => body.innerText()).toContain('Your order shipped')
    expect(await body.locator('b').count()).toBeGreaterThan(0)
    expect(await body.locator('script, a, iframe, [onclick], [style*="fixed"]').count()).toBe(0)
    expect(await linked.page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined()
    expect(linked.errors).toEqual([])
    await linked.page.close()

    const filtered = await openSignedIn(browser.context, `${server.url}/#/pages/inbox/index?category=buyer_message&storeId=${eu.id}&marketplace=UK`, session)
    const filteredInbox = filtered.page.locator('.inbox-page')
    await expect.poll(() => filteredInbox.locator('.message-item .message-item__buyer').allInnerTexts().then((b) => b.sort()), { timeout: 15_000 }).toEqual(['Amelia Jones', 'Oliver Smith'])
    expect(await filteredInbox.locator('.category-tab--active').getAttribute('data-category')).toBe('buyer_message')
    expect(await filteredInbox.locator('.filter-chip--channel').innerText()).toContain('Sunny Home · UK')
    // A custom range asks for [first day 00:00, day after the last 00:00) in the device's time zone.
    await filtered.page.locator('.inbox-page .filter-chip--range').click()
    await filtered.page.locator('.filter-sheet--range .filter-option[data-value="custom"]').click()
    const customQuery = filtered.page.waitForRequest((r) => r.url().includes('/api/messages?') && r.url().includes('range=custom'))
    await filtered.page.locator('.filter-sheet--range .filter-range-apply').click()
    const query = new URL((await customQuery).url()).searchParams
    // One day: 24 h, or 23 / 25 h across a daylight-saving change.
    expect([23, 24, 25]).toContain((Date.parse(query.get('to')!) - Date.parse(query.get('from')!)) / HOUR)
    expect((await (await customQuery).response())?.status()).toBe(200)
    expect(filtered.errors).toEqual([])
    await filtered.page.close()
  })

  it('main account adds a mail source after a failed and a passing connection test, sees its health and unrouted mail, and manages tags', async () => {
    const session = await miniProgramSignIn(api, standin, '李店长')
    const box = await createMailbox()
    const { page, errors } = await openSignedIn(browser.context, `${server.url}/#/pages/me/index`, session)

    await page.locator('.me-page .me-mail-sources-entry').click()
    const sources = page.locator('.mail-sources-page')
    await sources.locator('.status--empty').waitFor({ state: 'visible' })
    await sources.locator('.add-mail-source-btn').click()

    const form = page.locator('.mail-source-edit-page')
    await form.locator('.source-name-input input').fill('EU mailbox')
    await form.locator('.source-host-input input').fill(IMAP.host)
    await form.locator('.tls-option[data-mode="none"]').click()
    await form.locator('.source-port-input input').fill(String(IMAP.port))
    await form.locator('.source-username-input input').fill(box.user)
    await form.locator('.source-password-input input').fill('wrong-password')
    await form.locator('.test-connection-btn').click()
    const failed = form.locator('.connection-result--failed')
    await failed.waitFor({ state: 'visible', timeout: 15_000 })
    expect(await attr(failed, 'data-code')).toBe('IMAP_AUTH_FAILED')
    expect(await failed.innerText()).toContain('用户名或密码错误')

    await form.locator('.source-password-input input').fill(box.password)
    await form.locator('.test-connection-btn').click()
    await form.locator('.connection-result--ok').waitFor({ state: 'visible', timeout: 15_000 })
    await form.locator('.save-mail-source-btn').click()

    // Back on the list; the worker picks the source up and reports it connected.
    const card = sources.locator('.mail-source-card__body')
    await card.waitFor({ state: 'visible', timeout: 10_000 })
    await expect
      .poll(
        async () => {
          await page.reload()
          await card.waitFor({ state: 'visible' })
          return attr(card, 'data-health')
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe('connected')

    // Mail to an address that is no dedicated address waits in the unrouted list.
    await deliver(box, [{ at: new Date(), raw: plainMail({ to: 'nobody@in.e2e.example', subject: 'Lost and found' }) }])
    await sources.locator('.unrouted-link').click()
    const unrouted = page.locator('.unrouted-page')
    await expect
      .poll(
        async () => {
          await page.reload()
          await unrouted.waitFor({ state: 'visible' })
          return unrouted.locator('.unrouted-item .unrouted-item__subject').allInnerTexts()
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toEqual(['Lost and found'])

    // Tags: create, rename and recolour, delete.
    await page.goto(`${server.url}/#/pages/me/index`)
    await page.locator('.me-page .me-tags-entry').click()
    const tagsPage = page.locator('.tags-page')
    await tagsPage.locator('.tag-new-btn').click()
    await tagsPage.locator('.tag-name-input input').fill('加急')
    await tagsPage.locator('.tag-color-option[data-color="#2DA44E"]').click()
    await tagsPage.locator('.tag-save-btn').click()
    const tagRow = tagsPage.locator('.tag-row')
    await expect.poll(() => tagRow.allInnerTexts().then((rows) => rows.map((r) => r.split('\n')[0]))).toEqual(['加急'])
    const [created] = await api<{ tags: Tag[] }>(session, 'GET', '/api/tags').then((r) => r.tags)
    expect(created).toMatchObject({ name: '加急', color: '#2DA44E' })

    await tagRow.locator('.tag-edit-btn').click()
    await tagsPage.locator('.tag-name-input input').fill('退款跟进')
    await tagsPage.locator('.tag-color-option[data-color="#8250DF"]').click()
    await tagsPage.locator('.tag-save-btn').click()
    await expect.poll(async () => (await api<{ tags: Tag[] }>(session, 'GET', '/api/tags')).tags).toEqual([{ id: created!.id, name: '退款跟进', color: '#8250DF' }])
    await expect.poll(() => tagRow.locator('.tag-chip').innerText()).toBe('退款跟进')

    await tagRow.locator('.tag-delete-btn').click()
    await page.locator('.taro-model__confirm').click()
    await expect.poll(() => tagRow.count()).toBe(0)
    expect((await api<{ tags: Tag[] }>(session, 'GET', '/api/tags')).tags).toEqual([])

    expect(errors).toEqual([])
    await page.close()
  })
})
