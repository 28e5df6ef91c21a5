// Replying on the web version end to end: the real server process (web + worker roles) ingests a buyer
// message from Dovecot and sends replies to a real SMTP server on loopback. In headless Chromium the
// seller opens the message, picks a template, has a disguised executable refused, attaches an image,
// sees a live warning for a link typed into the reply, removes it, and sends and marks processed; the SMTP server receives the reply with
// the image byte-identical, and the message shows 已发送 and status processed.
//
// Selectors the mini program keeps stable for this test (class names, data-* attributes):
//   inbox     .inbox-page  .message-item[data-message-id]
//   detail    .message-detail-page  .message-header .message-status[data-status]
//   reply box .reply-box  .reply-box-toggle  .reply-to  .reply-subject
//             .reply-template-btn → .template-picker .template-option[data-template-id]
//             .reply-textarea textarea (Taro's H5 Textarea wraps a native textarea)
//             .reply-file-input (input[type=file], visually hidden)  .draft-attachment[data-name][data-state=uploading|ready|error]
//             .draft-attachment__meta  .draft-attachment-remove
//             .policy-warnings--live[data-count] .policy-problem[data-code] .policy-problem__mark   .policy-warnings--server
//             .reply-send-btn  .reply-send-processed-btn ([disabled] while a problem remains)  .reply-blocked-hint
//             .reply-item[data-reply-id][data-state] .reply-state
import { createHash, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWechatStandin } from '@sellerinbox/server/dev/wechat-standin/standin'
import type { MessageDetail, MessagePage, Store } from '@sellerinbox/shared'
import type { Reply, ReplyTemplate } from '@sellerinbox/shared/api/replies'
import { buyerMessage, randomOrderId } from '../helpers/amazon-mail'
import { launchBrowser, openSignedIn } from '../helpers/browser'
import { IMAP, appendMessages, createMailbox } from '../helpers/imap'
import { apiAt, miniProgramSignIn, type Api } from '../helpers/server-api'
import { startServerProcess, type ServerProcess } from '../helpers/server-process'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'
import { e2eServerEnv, TEST_WECHAT } from '../helpers/test-env'

const storageDir = mkdtempSync(path.join(tmpdir(), 'sellerinbox-e2e-replies-'))

let standin: Awaited<ReturnType<typeof startWechatStandin>>
let sink: SmtpSink
let server: ServerProcess
let browser: Awaited<ReturnType<typeof launchBrowser>>
let api: Api

beforeAll(async () => {
  standin = await startWechatStandin({ port: 0, appid: TEST_WECHAT.appid, secret: TEST_WECHAT.secret })
  sink = await startSmtpSink()
  server = await startServerProcess(
    e2eServerEnv(standin.url, {
      MAIL_SYNC_TICK_SECONDS: '1',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_TLS_MODE: 'none',
      STORAGE_DIR: storageDir,
    }),
  )
  api = apiAt(server.url)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await sink?.stop()
  await standin?.close()
  rmSync(storageDir, { recursive: true, force: true })
})

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex')

// A 1×1 PNG: the server decides the type from these bytes, not from the name.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa8bf7d2c0000000049454e44ae426082', 'hex')
// A Windows executable (MZ … PE header), whatever its name says.
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)])

describe('replying on the web version', () => {
  it('picks a template, attaches an image, is warned about a link, and sends and marks processed', async () => {
    const session = await miniProgramSignIn(api, standin, '李店长')
    const store = await api<Store>(session, 'POST', '/api/stores', { name: 'Sunny Home', region: 'NA', marketplaces: ['US'] })
    const dedicated = store.channels[0]!.dedicatedAddress

    // A buyer message in Dovecot; the server's worker role ingests it.
    const box = await createMailbox()
    await api(session, 'POST', '/api/mail-sources', { name: 'E2E mailbox', host: IMAP.host, port: IMAP.port, tlsMode: 'none', username: box.user, password: box.password, mailbox: 'INBOX' })
    const relay = `${randomUUID().replace(/-/g, '').slice(0, 15)}@marketplace.amazon.com`
    const relayWithCase = relay.replace('@', `+${randomUUID()}@`)
    const orderId = randomOrderId()
    await appendMessages(box, [buyerMessage({ to: dedicated, relay, replyTo: relayWithCase, orderId, buyer: 'Jamie Rivera', text: 'Where is my parcel?' })])
    await expect
      .poll(async () => (await api<MessagePage>(session, 'GET', '/api/messages?limit=10')).items.length, { timeout: 30_000, interval: 500 })
      .toBe(1)
    const messageId = (await api<MessagePage>(session, 'GET', '/api/messages?limit=10')).items[0]!.id

    const template = await api<ReplyTemplate>(session, 'POST', '/api/reply-templates', {
      name: '发货通知',
      body: 'Hi {{buyerName}}, your order {{orderId}} from {{storeName}} has shipped and should arrive within 3 days.',
    })
    const rendered = `Hi Jamie Rivera, your order ${orderId} from Sunny Home has shipped and should arrive within 3 days.`

    // Open the message from the inbox.
    const { page, errors } = await openSignedIn(browser.context, `${server.url}/#/pages/inbox/index`, session)
    await page.locator(`.inbox-page .message-item[data-message-id="${messageId}"]`).click({ timeout: 15_000 })
    const detail = page.locator('.message-detail-page')
    const reply = detail.locator('.reply-box')
    const textarea = reply.locator('.reply-textarea textarea')
    await textarea.waitFor({ state: 'visible', timeout: 15_000 })
    await expect.poll(() => reply.locator('.reply-to').innerText()).toContain(relayWithCase)
    const sendProcessed = reply.locator('.reply-send-processed-btn')
    expect(await sendProcessed.getAttribute('disabled')).not.toBeNull() // nothing written yet

    // Pick the template: it is filled in with the message's values.
    await reply.locator('.reply-template-btn').click()
    await page.locator(`.template-picker .template-option[data-template-id="${template.id}"]`).click()
    await expect.poll(() => textarea.inputValue()).toBe(rendered)

    // A program renamed .pdf is refused by its content, says why, and blocks sending until removed.
    await reply.locator('.reply-file-input').setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: EXE })
    const refused = reply.locator('.draft-attachment[data-name="invoice.pdf"]')
    await expect.poll(() => refused.getAttribute('data-state'), { timeout: 15_000 }).toBe('error')
    expect(await refused.locator('.draft-attachment__error').innerText()).toContain('文件类型不支持')
    expect(await sendProcessed.getAttribute('disabled')).not.toBeNull()
    await refused.locator('.draft-attachment-remove').click()
    await expect.poll(() => refused.count()).toBe(0)

    // Attach an image through the file input; it uploads and shows its type and size.
    await reply.locator('.reply-file-input').setInputFiles({ name: 'parcel.png', mimeType: 'image/png', buffer: PNG })
    const attachment = reply.locator('.draft-attachment[data-name="parcel.png"]')
    await expect.poll(() => attachment.getAttribute('data-state'), { timeout: 15_000 }).toBe('ready')
    expect(await attachment.locator('.draft-attachment__meta').innerText()).toContain('PNG')

    // Type a link: the warning appears while typing, names the link, and blocks sending.
    await textarea.focus()
    await page.keyboard.press('End')
    await textarea.pressSequentially(' Track it at www.parcel-tracker.com')
    const live = reply.locator('.policy-warnings--live')
    await expect.poll(() => live.locator('.policy-problem[data-code="LINK"]').count()).toBe(1)
    expect(await live.locator('.policy-problem__mark').innerText()).toBe('www.parcel-tracker.com')
    expect(await live.locator('.policy-problem__message').innerText()).toContain('删除链接')
    expect(await sendProcessed.getAttribute('disabled')).not.toBeNull()
    expect(await reply.locator('.reply-blocked-hint').innerText()).toContain('1 个问题')

    // Remove it: the warning goes and sending is possible.
    await textarea.fill(rendered)
    await expect.poll(() => live.count()).toBe(0)
    await expect.poll(() => sendProcessed.getAttribute('disabled')).toBeNull()

    // Send and mark processed; the SMTP server receives what Amazon would.
    const before = sink.received.length
    await sendProcessed.click()
    await expect.poll(() => sink.received.slice(before).filter((m) => m.to.includes(relayWithCase)).length, { timeout: 30_000 }).toBe(1)
    const mail = sink.received.slice(before).find((m) => m.to.includes(relayWithCase))!
    expect(mail.from).toBe(dedicated)
    expect(mail.parsed.subject).toBe(`Re: Inquiry from Amazon customer Jamie Rivera (Order: ${orderId})`)
    expect(mail.parsed.text?.trim()).toBe(rendered)
    expect(mail.parsed.attachments.map((a) => ({ name: a.filename, sha: sha(a.content) }))).toEqual([{ name: 'parcel.png', sha: sha(PNG) }])

    // The message shows the reply as sent and the status processed.
    const item = reply.locator('.reply-item').first()
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 15_000 }).toBe('sent')
    expect(await item.locator('.reply-state').innerText()).toBe('已发送')
    await expect.poll(() => detail.locator('.message-header .message-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('processed')
    // The composer is empty again, ready for another reply.
    expect(await textarea.inputValue()).toBe('')
    expect(await reply.locator('.draft-attachment').count()).toBe(0)

    const replies = (await api<{ replies: Reply[] }>(session, 'GET', `/api/messages/${messageId}/replies`)).replies
    expect(replies.map((r) => ({ state: r.state, body: r.body, attachments: r.attachments.map((a) => a.filename) }))).toEqual([
      { state: 'sent', body: rendered, attachments: ['parcel.png'] },
    ])
    expect((await api<MessageDetail>(session, 'GET', `/api/messages/${messageId}`)).status).toBe('processed')
    expect(errors).toEqual([])
    await page.close()
  })
})
