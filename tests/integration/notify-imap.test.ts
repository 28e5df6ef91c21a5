// The whole path with real services: APPEND to Dovecot → IDLE → ingestion stores the message with
// its intake row → the running dispatcher pushes it → the WeChat stand-in has it, within 3 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NotificationDispatcher } from '@sellerinbox/server/notify/dispatcher'
import type { SyncManager } from '@sellerinbox/server/sync/sync-manager'
import type { TestApp } from '../helpers/app'
import { buyerMessage } from '../helpers/amazon-mail'
import { appendMessages, createMailbox } from '../helpers/imap'
import { addMailSource, startWorker, syncState, waitFor } from '../helpers/ingest'
import { buildNotifyApp, dispatcher, notifyOrg, openidOf, setRule, TEMPLATES } from '../helpers/notify'

let t: TestApp
let worker: SyncManager | undefined
let notifications: NotificationDispatcher | undefined
beforeAll(async () => {
  t = await buildNotifyApp()
})
afterAll(async () => {
  await worker?.stop()
  await notifications?.stop()
  await t.close()
})

describe('notifications from real mail', () => {
  it('pushes a buyer message appended to the mailbox within 3 s', async () => {
    const o = await notifyOrg(t)
    // Real time here: a window that is always open.
    await setRule(o.main, o.main.session.user.id, { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '00:00', endNextDay: true })
    const box = await createMailbox()
    const sourceId = await addMailSource(t.app.ctx.db, o.orgId, box)
    worker = startWorker(t.app.ctx.db, [sourceId])
    notifications = dispatcher(t, [o.orgId])
    notifications.start()
    await waitFor('the worker to connect', async () => (await syncState(t.app.ctx.db, sourceId))?.connected)
    const openid = await openidOf(t, o.main)

    const started = Date.now()
    await appendMessages(box, [buyerMessage({ to: o.de.dedicatedAddress, text: 'Does it fit a 2019 model?', marketplaceTld: 'de' })])
    const pushed = await waitFor('the push', async () => t.standin.state.sent.find((m) => m.touser === openid), 10_000, 20)
    const elapsed = Date.now() - started
    expect(elapsed).toBeLessThan(3000)
    expect(pushed.template_id).toBe(TEMPLATES.newMessage)
    expect(pushed.data.thing1!.value).toBe('新买家消息')
    expect(pushed.data.thing2!.value).toBe('Store A · DE')
    expect(pushed.data.thing4!.value).toBe('Does it fit a 2019…')
    const message = await t.app.ctx.db.selectFrom('messages').select('id').where('channelId', '=', o.de.id).executeTakeFirstOrThrow()
    expect(pushed.page).toBe(`pages/inbox/index?messageId=${message.id}`)
    // The intake row went with the planning.
    expect(await t.app.ctx.db.selectFrom('notificationIntake').select('messageId').where('messageId', '=', message.id).executeTakeFirst()).toBeUndefined()
  })
})
