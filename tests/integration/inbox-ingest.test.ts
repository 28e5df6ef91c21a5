// The inbox over mail that went through real ingestion (Dovecot → worker → MariaDB): keyword
// search finds Japanese (ISO-2022-JP) and Chinese (GBK) buyer words, the badges count what was
// stored, and the order panel reads the refund notice.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@sellerinbox/server/db/kysely'
import type { SyncManager } from '@sellerinbox/server/sync/sync-manager'
import type { InboxCounts, MessageDetail, MessagePage } from '@sellerinbox/shared'
import { buildTestApp, createStore, signUpMain, type TestApp } from '../helpers/app'
import { appendMessages, createMailbox } from '../helpers/imap'
import { addMailSource, countMessages, startWorker, testDb, waitFor } from '../helpers/ingest'

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures')
/** A fixture delivered to `address` (routing reads Delivered-To first). */
const delivered = (file: string, address: string) => Buffer.concat([Buffer.from(`Delivered-To: ${address}\r\n`), readFileSync(path.join(fixtures, file))])

let t: TestApp
let db: Db
let worker: SyncManager | undefined
beforeAll(async () => {
  t = await buildTestApp()
  db = testDb()
})
afterAll(async () => {
  await worker?.stop()
  await db.destroy()
  await t.close()
})

describe('the inbox over ingested mail', () => {
  it('searches, counts and builds the order panel from what ingestion stored', async () => {
    const main = await signUpMain(t)
    const store = await createStore(main, 'Ingested', ['US'])
    const us = store.channels[0]!
    const box = await createMailbox()
    const sourceId = await addMailSource(db, main.session.org.id, box)
    await appendMessages(box, [
      delivered('amazon-mail/009-buyer-message-jp-iso-2022-jp-old-markers.eml', us.dedicatedAddress),
      delivered('mail/109-buyer-message-us-zh-gbk.eml', us.dedicatedAddress),
      delivered('amazon-mail/023-refund-issued-us.eml', us.dedicatedAddress),
    ])
    worker = startWorker(db, [sourceId])
    await waitFor('three stored messages', async () => (await countMessages(db, [us.id])) === 3)

    const search = async (q: string) => (await main.request('GET', `/api/messages?q=${encodeURIComponent(q)}`)).json<MessagePage>().items.map((m) => m.kind)
    expect(await search('保温ポット')).toEqual(['buyer_message'])
    expect(await search('锅盖有裂痕')).toEqual(['buyer_message'])
    expect(await search('113-9494559-2370313')).toEqual(['refund_issued'])
    expect(await search('佐藤')).toEqual(['buyer_message'])

    const counts = (await main.request('GET', '/api/messages/counts')).json<InboxCounts>()
    expect(counts.categories.buyer_message).toEqual({ total: 2, unread: 2, pending: 2 })
    expect(counts.categories.refund).toEqual({ total: 1, unread: 1, pending: 1 })

    const refund = (await main.request('GET', '/api/messages?category=refund')).json<MessagePage>().items[0]!
    const detail = (await main.request('GET', `/api/messages/${refund.id}`)).json<MessageDetail>()
    expect(detail.order).toMatchObject({
      orderId: '113-9494559-2370313',
      asin: 'B08LCFBUQ3',
      refundAmount: 'USD 27.49',
      returnReason: 'Customer return',
      claimState: null,
      sellerCentralUrl: 'https://sellercentral.amazon.com/orders-v3/order/113-9494559-2370313',
    })

    // Re-analysing a message keeps the badges exact (its category may change, here it does not).
    await main.request('PATCH', `/api/messages/${refund.id}`, { isRead: true, status: 'follow_up' })
    expect((await main.request('POST', `/api/messages/${refund.id}/reprocess`)).statusCode).toBe(200)
    const again = (await main.request('GET', '/api/messages/counts')).json<InboxCounts>()
    expect(again.categories.refund).toEqual({ total: 1, unread: 0, pending: 0 })
    expect(again.all.total).toBe(3)
    expect(await search('保温ポット')).toEqual(['buyer_message'])

    // Re-analysing rebuilds the order's facts from its mail: a wrong stored fact does not survive it.
    await db.updateTable('orderFacts').set({ refundAmount: 'USD 0.01', refundAmountAt: '9999999999999ffffffffffffffff' }).where('orderId', '=', '113-9494559-2370313').execute()
    expect((await main.request('GET', `/api/messages/${refund.id}`)).json<MessageDetail>().order?.refundAmount).toBe('USD 0.01')
    expect((await main.request('POST', `/api/messages/${refund.id}/reprocess`)).statusCode).toBe(200)
    expect((await main.request('GET', `/api/messages/${refund.id}`)).json<MessageDetail>().order).toEqual(detail.order)
  })
})
