// Queues replies: the send request checks policy, stores the reply as `queued` under the client's
// idempotency key and returns; the outbox worker (server/src/outbox) does the sending. The same key
// twice returns the first reply and never queues a second email.
import { randomBytes } from 'node:crypto'
import { checkReply, replySubject, type PolicyProblem } from '@sellerinbox/shared/domain/reply-policy'
import type { Reply, ReplyContext, SendReplyBody } from '@sellerinbox/shared/api/replies'
import type { Db } from '../../db/kysely'
import { isDuplicateKey } from '../../db/errors'
import type { OutboxRow } from '../../db/schema'
import { AppError } from '../../lib/errors'
import type { Actor } from '../actor'
import { conversationHasBuyerMessage, getAnsweredMessage, isBlacklisted, orgForbiddenWords, type AnsweredMessage } from './replies.repo'
import { presentForbiddenWord, presentReply, presentTemplate } from './replies.presenter'

export interface OutboxDeps {
  db: Db
  inboundDomain: string
  /** Wakes the outbox worker in this process, if there is one (others poll). */
  nudge?: () => void
}

function replyable(message: AnsweredMessage): boolean {
  return !!message.replyTo && !message.suspicious && message.direction === 'in'
}

export async function replyContext(deps: OutboxDeps, actor: Actor, messageId: number): Promise<ReplyContext> {
  const { db } = deps
  const message = await getAnsweredMessage(db, actor, messageId)
  const [words, blacklisted, buyerStarted, templates] = await Promise.all([
    orgForbiddenWords(db, actor.orgId),
    isBlacklisted(db, actor.orgId, message),
    conversationHasBuyerMessage(db, message.conversationId, message.kind),
    db
      .selectFrom('replyTemplates')
      .selectAll()
      .where('orgId', '=', actor.orgId)
      .where((eb) => eb.or([eb('marketplace', 'is', null), eb('marketplace', '=', message.channelMarketplace)]))
      .orderBy('name')
      .execute(),
  ])
  return {
    forbiddenWords: words.map(presentForbiddenWord),
    blacklisted,
    replyable: replyable(message),
    importantAllowed: !buyerStarted,
    subject: replySubject(message.subject),
    toAddress: message.replyTo,
    templates: templates.map(presentTemplate),
    replies: await listReplies(db, actor.orgId, message.id),
  }
}

export async function listReplies(db: Db, orgId: number, messageId: number): Promise<Reply[]> {
  const rows = await db.selectFrom('outbox').selectAll().where('orgId', '=', orgId).where('messageId', '=', messageId).orderBy('id').execute()
  return presentReplies(db, rows)
}

async function presentReplies(db: Db, rows: OutboxRow[]): Promise<Reply[]> {
  if (!rows.length) return []
  const attachments = await db.selectFrom('outboxAttachments').select(['outboxId', 'filename', 'contentType', 'size']).where('outboxId', 'in', rows.map((r) => r.id)).orderBy('id').execute()
  const userIds = [...new Set(rows.map((r) => r.userId).filter((id): id is number => id !== null))]
  const users = userIds.length ? await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', userIds).execute() : []
  return rows.map((row) =>
    presentReply(
      row,
      attachments.filter((a) => a.outboxId === row.id).map(({ filename, contentType, size }) => ({ filename, contentType, size })),
      users.find((u) => u.id === row.userId) ?? null,
    ),
  )
}

function policyError(problems: PolicyProblem[]): AppError {
  return new AppError(
    'REPLY_POLICY_VIOLATION',
    `The reply breaks Amazon's messaging rules: ${problems.map((p) => p.message).join('; ')}`,
    problems.map((p) => ({ path: p.start !== undefined ? `body@${p.start}-${p.end}` : p.text ? `attachments/${p.text}` : p.code, message: `${p.code}: ${p.message}` })),
  )
}

export async function enqueueReply(deps: OutboxDeps, actor: Actor, messageId: number, input: SendReplyBody): Promise<Reply> {
  const { db } = deps
  const existing = await db.selectFrom('outbox').selectAll().where('orgId', '=', actor.orgId).where('idempotencyKey', '=', input.idempotencyKey).executeTakeFirst()
  if (existing) return sameRequest(db, existing, messageId)

  const message = await getAnsweredMessage(db, actor, messageId)
  if (!replyable(message)) {
    throw new AppError('NOT_REPLYABLE', 'This email has no buyer to answer (Amazon notices, chargebacks and suspicious mail are answered in Seller Central, not by email)')
  }
  const uploadIds = input.uploadIds ?? []
  const uploads = uploadIds.length
    ? await db.selectFrom('uploads').selectAll().where('orgId', '=', actor.orgId).where('id', 'in', uploadIds).where('usedAt', 'is', null).where('expiresAt', '>', new Date()).execute()
    : []
  const missing = uploadIds.filter((id) => !uploads.some((u) => u.id === id))
  if (missing.length) throw new AppError('UPLOAD_INVALID', 'An attachment is no longer available (expired or already sent); attach the file again')

  const [words, blacklisted, buyerStarted] = await Promise.all([
    orgForbiddenWords(db, actor.orgId),
    isBlacklisted(db, actor.orgId, message),
    conversationHasBuyerMessage(db, message.conversationId, message.kind),
  ])
  const problems = checkReply({ body: input.body, attachments: uploads, forbiddenWords: words, blacklisted })
  if (problems.length) throw policyError(problems)
  if (input.important && buyerStarted) {
    throw new AppError('VALIDATION_FAILED', '[Important] is only for critical messages you start; this conversation was started by the buyer', [
      { path: 'body/important', message: 'not allowed when answering a buyer' },
    ])
  }

  try {
    const id = await db.transaction().execute(async (tx) => {
      const result = await tx
        .insertInto('outbox')
        .values({
          orgId: actor.orgId,
          channelId: message.channelId,
          messageId: message.id,
          conversationId: message.conversationId,
          userId: actor.userId,
          idempotencyKey: input.idempotencyKey,
          fromAddress: message.dedicatedAddress,
          toAddress: message.replyTo!,
          subject: replySubject(message.subject, { important: input.important ?? false, marketplace: message.channelMarketplace }),
          body: input.body,
          inReplyTo: message.messageId,
          orderId: message.orderId,
          markProcessed: input.markProcessed ?? false,
          lastError: null,
          smtpResponse: null,
          emailMessageId: `<reply.${randomBytes(12).toString('hex')}@${deps.inboundDomain}>`,
          sentMessageId: null,
          sendingSince: null,
          sentAt: null,
        })
        .executeTakeFirstOrThrow()
      const outboxId = Number(result.insertId)
      if (uploads.length) {
        await tx
          .insertInto('outboxAttachments')
          .values(uploads.map((u) => ({ outboxId, filename: u.filename, contentType: u.contentType, size: u.size, sha256: u.sha256, storageKey: u.storageKey })))
          .execute()
        await tx.updateTable('uploads').set({ usedAt: new Date() }).where('id', 'in', uploads.map((u) => u.id)).execute()
      }
      return outboxId
    })
    deps.nudge?.()
    const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    return (await presentReplies(db, [row]))[0]!
  } catch (error) {
    // Two requests with one key racing: the loser answers with the winner's reply.
    if (!isDuplicateKey(error)) throw error
    const winner = await db.selectFrom('outbox').selectAll().where('orgId', '=', actor.orgId).where('idempotencyKey', '=', input.idempotencyKey).executeTakeFirstOrThrow()
    return sameRequest(db, winner, messageId)
  }
}

async function sameRequest(db: Db, row: OutboxRow, messageId: number): Promise<Reply> {
  if (row.messageId !== messageId) throw new AppError('VALIDATION_FAILED', 'This idempotency key was already used for another message; use a new key per reply')
  return (await presentReplies(db, [row]))[0]!
}
