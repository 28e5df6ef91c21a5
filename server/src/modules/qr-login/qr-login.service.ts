// Web sign-in by QR code: the web page creates a ticket and shows it as a QR code; the signed-in
// mini program scans and confirms; the web page's next poll collects a session, exactly once.
// Tickets expire after QR_TICKET_TTL_SECONDS. The poll token keeps onlookers who see the QR code
// from collecting the session.
import QRCode from 'qrcode'
import { qrTextOf, type QrTicket, type QrTicketState } from '@sellerinbox/shared/api/auth'
import type { Db } from '../../db/kysely'
import { AppError } from '../../lib/errors'
import { randomToken, sha256Hex } from '../../lib/random'
import type { Actor } from '../actor'
import type { SessionIssuer } from '../auth/sessions.service'
import { findUserById } from '../users/users.repo'

const expired = () => new AppError('QR_TICKET_EXPIRED', 'The QR code has expired; refresh it and scan again')
const used = () => new AppError('QR_TICKET_USED', 'This QR code was already used; refresh it and scan again')
const invalid = () => new AppError('QR_TICKET_INVALID', 'Unknown QR code; refresh it and scan again')

export async function createQrTicket(db: Db, ttlSeconds: number, now = new Date()): Promise<QrTicket> {
  const ticket = randomToken(24)
  const pollToken = randomToken(24)
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000)
  await db
    .insertInto('qrLoginTickets')
    .values({ ticket, pollTokenHash: sha256Hex(pollToken), userId: null, expiresAt, confirmedAt: null, consumedAt: null })
    .execute()
  const qrText = qrTextOf(ticket)
  const svg = await QRCode.toString(qrText, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return {
    ticket,
    pollToken,
    qrText,
    qrImage: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    expiresAt: expiresAt.toISOString(),
  }
}

export async function confirmQrTicket(db: Db, actor: Actor, ticket: string, now = new Date()): Promise<void> {
  const row = await db.selectFrom('qrLoginTickets').selectAll().where('ticket', '=', ticket).executeTakeFirst()
  if (!row) throw invalid()
  if (row.confirmedAt) throw used()
  if (row.expiresAt <= now) throw expired()
  const result = await db
    .updateTable('qrLoginTickets')
    .set({ userId: actor.userId, confirmedAt: now })
    .where('ticket', '=', ticket)
    .where('confirmedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw used()
}

export async function pollQrTicket(
  deps: { db: Db; sessions: SessionIssuer },
  ticket: string,
  pollToken: string,
  now = new Date(),
): Promise<QrTicketState> {
  const { db } = deps
  const row = await db.selectFrom('qrLoginTickets').selectAll().where('ticket', '=', ticket).executeTakeFirst()
  if (!row || row.pollTokenHash !== sha256Hex(pollToken)) throw invalid()
  if (row.consumedAt) throw used()
  if (row.expiresAt <= now) throw expired()
  const state = { expiresAt: row.expiresAt.toISOString() }
  if (!row.confirmedAt || !row.userId) return { status: 'pending', ...state }
  const result = await db
    .updateTable('qrLoginTickets')
    .set({ consumedAt: now })
    .where('ticket', '=', ticket)
    .where('consumedAt', 'is', null)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw used()
  const user = await findUserById(db, row.userId)
  if (!user) throw invalid()
  return { status: 'confirmed', ...state, session: await deps.sessions.issue(user) }
}
