import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '@sellerinbox/server/db/kysely'
import { ticketFromQrText, type QrTicket, type Session } from '@sellerinbox/shared'
import { buildTestApp, clientFor, signUpMain, type TestApp } from '../helpers/app'
import { testDatabaseUrl } from '../helpers/test-env'

let t: TestApp
let db: Db
beforeAll(async () => {
  t = await buildTestApp()
  db = createDb(testDatabaseUrl(), 2)
})
afterAll(async () => {
  await db.destroy()
  await t.close()
})

const newTicket = async () => (await t.app.inject({ method: 'POST', url: '/api/auth/qr-tickets' })).json<QrTicket>()
const poll = (ticket: QrTicket, pollToken = ticket.pollToken) =>
  t.app.inject({ method: 'GET', url: `/api/auth/qr-tickets/${ticket.ticket}?pollToken=${pollToken}` })

describe('web sign-in by QR code', () => {
  it('hands the session to the web page once the mini program confirms, exactly once', async () => {
    const main = await signUpMain(t)
    const ticket = await newTicket()
    expect(ticket.qrImage.startsWith('data:image/svg+xml;base64,')).toBe(true)
    expect(Buffer.from(ticket.qrImage.split(',')[1]!, 'base64').toString()).toContain('<svg')
    expect(ticketFromQrText(ticket.qrText)).toBe(ticket.ticket)
    const ttl = new Date(ticket.expiresAt).getTime() - Date.now()
    expect(ttl).toBeGreaterThan(110_000)
    expect(ttl).toBeLessThanOrEqual(120_000)

    expect((await poll(ticket)).json()).toMatchObject({ status: 'pending' })

    const confirm = await main.request('POST', `/api/auth/qr-tickets/${ticket.ticket}/confirm`)
    expect(confirm.statusCode).toBe(200)

    const collected = await poll(ticket)
    expect(collected.statusCode).toBe(200)
    const body = collected.json()
    expect(body.status).toBe('confirmed')
    const session = body.session as Session
    expect(session.user.id).toBe(main.session.user.id)
    expect((await clientFor(t.app, session).request('GET', '/api/me')).statusCode).toBe(200)

    const again = await poll(ticket)
    expect(again.statusCode).toBe(410)
    expect(again.json().code).toBe('QR_TICKET_USED')
  })

  it('cannot be confirmed twice or collected without the poll token', async () => {
    const main = await signUpMain(t)
    const other = await signUpMain(t)
    const ticket = await newTicket()
    expect((await poll(ticket, 'x'.repeat(32))).json().code).toBe('QR_TICKET_INVALID')
    expect((await main.request('POST', `/api/auth/qr-tickets/${ticket.ticket}/confirm`)).statusCode).toBe(200)
    const second = await other.request('POST', `/api/auth/qr-tickets/${ticket.ticket}/confirm`)
    expect(second.statusCode).toBe(410)
    expect(second.json().code).toBe('QR_TICKET_USED')
    expect((await poll(ticket)).json().session.user.id).toBe(main.session.user.id)
  })

  it('expires after its lifetime, for both confirming and collecting', async () => {
    const main = await signUpMain(t)
    const pending = await newTicket()
    const confirmed = await newTicket()
    expect((await main.request('POST', `/api/auth/qr-tickets/${confirmed.ticket}/confirm`)).statusCode).toBe(200)
    for (const ticket of [pending, confirmed]) {
      await db.updateTable('qrLoginTickets').set({ expiresAt: new Date(Date.now() - 1) }).where('ticket', '=', ticket.ticket).execute()
    }
    const late = await main.request('POST', `/api/auth/qr-tickets/${pending.ticket}/confirm`)
    expect(late.statusCode).toBe(410)
    expect(late.json().code).toBe('QR_TICKET_EXPIRED')
    expect((await poll(pending)).json().code).toBe('QR_TICKET_EXPIRED')
    expect((await poll(confirmed)).json().code).toBe('QR_TICKET_EXPIRED')
  })

  it('needs a signed-in mini program user to confirm', async () => {
    const ticket = await newTicket()
    const res = await t.app.inject({ method: 'POST', url: `/api/auth/qr-tickets/${ticket.ticket}/confirm` })
    expect(res.statusCode).toBe(401)
    expect((await poll(ticket)).json().status).toBe('pending')
  })

  it('reports an unknown ticket as invalid', async () => {
    const main = await signUpMain(t)
    const res = await main.request('POST', `/api/auth/qr-tickets/${'a'.repeat(32)}/confirm`)
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('QR_TICKET_INVALID')
  })
})
