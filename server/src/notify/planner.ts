// Turns newly stored messages (the intake) into notifications, per recipient: inside the window and
// past the cool-down → one push now; inside but within the cool-down → a digest due when it ends;
// outside the window → a digest due when the window opens. The recipients' rule rows are locked while
// planning for them, so two instances never both decide "push now" for the same person. Decisions
// are made in memory and written in a handful of set-based statements per batch.
import { isInSchedule, nextWindowOpening } from '@sellerinbox/shared/domain/schedule-window'
import type { NotifyConfig } from '../config'
import type { Db, Tx } from '../db/kysely'
import type { NotificationCause, NotificationKind } from '../db/schema'
import { transactionWithRetry } from '../db/transactions'
import { defaultSettings, rowValues, scheduleOf } from '../modules/notifications/rules.repo'
import { loadMessages, type MessageRecord } from './facts'
import { loadRecipientsOfOrgs, wants, type Recipient } from './recipients'

export interface PlanDeps {
  db: Db
  config: NotifyConfig
  /** Only these orgs (tests run several dispatchers against one database). */
  orgIds?: number[]
}

/** A notification this batch creates, or a stored digest it adds messages to. */
interface Planned {
  recipient: Recipient
  kind: NotificationKind
  cause: NotificationCause
  dueAt: Date
  /** The messages this batch adds. */
  messageIds: number[]
  /** Set for a digest stored before this batch. */
  storedId?: number
  /** Whether this batch moved a stored digest's due time. */
  moved?: boolean
}

/** Plans one batch of the intake; returns how many intake rows it consumed. */
export async function planIntake(deps: PlanDeps, now: Date, limit = 200): Promise<number> {
  return transactionWithRetry(deps.db, async (tx) => {
    let query = tx.selectFrom('notificationIntake').select(['messageId', 'orgId']).orderBy('messageId').limit(limit).forUpdate().skipLocked()
    if (deps.orgIds) query = query.where('orgId', 'in', deps.orgIds.length ? deps.orgIds : [0])
    const intake = await query.execute()
    if (!intake.length) return 0
    const messages = (await loadMessages(tx, intake.map((i) => i.messageId))).filter((m) => m.notifiable && m.open)
    if (messages.length) await plan(tx, deps.config, now, messages)
    await tx.deleteFrom('notificationIntake').where('messageId', 'in', intake.map((i) => i.messageId)).execute()
    return intake.length
  }, { isolation: 'read committed', retryLockWaitTimeout: true })
}

async function plan(tx: Tx, config: NotifyConfig, now: Date, messages: MessageRecord[]): Promise<void> {
  const recipients = (await loadRecipientsOfOrgs(tx, [...new Set(messages.map((m) => m.orgId))])).filter((r) => messages.some((m) => m.orgId === r.orgId && wants(r, m)))
  if (!recipients.length) return
  const lastPush = await lockRecipients(tx, recipients, now)
  const stored = await openDigests(tx, recipients)
  const planned: Planned[] = [...stored.values()]
  const pushed: number[] = []

  for (const recipient of recipients) {
    recipient.lastPushAt = lastPush.get(recipient.userId) ?? null
    const schedule = scheduleOf(recipient.settings)
    const inside = isInSchedule(schedule, now)
    let digest = stored.get(recipient.userId) ?? null
    for (const message of messages) {
      if (message.orgId !== recipient.orgId || !wants(recipient, message)) continue
      const coolUntil = recipient.lastPushAt ? new Date(recipient.lastPushAt.getTime() + config.cooldownMs) : null
      if (digest) {
        digest.messageIds.push(message.id)
        // Inside the window a waiting digest goes out no later than the cool-down's end.
        const due = inside ? (coolUntil && coolUntil > now ? coolUntil : now) : null
        if (due && due < digest.dueAt) Object.assign(digest, { dueAt: due, cause: 'cooldown', moved: true })
        continue
      }
      if (inside && (!coolUntil || coolUntil <= now)) {
        planned.push({ recipient, kind: 'message', cause: 'new', dueAt: now, messageIds: [message.id] })
        recipient.lastPushAt = now
        pushed.push(recipient.userId)
        continue
      }
      const due = inside ? coolUntil! : nextWindowOpening(schedule, now)
      if (!due) continue // no day ticked: nothing will ever open
      digest = { recipient, kind: 'digest', cause: inside ? 'cooldown' : 'window', dueAt: due, messageIds: [message.id] }
      planned.push(digest)
    }
  }

  await insertNotifications(tx, now, planned.filter((p) => p.storedId === undefined))
  await growDigests(tx, now, planned.filter((p) => p.storedId !== undefined && p.messageIds.length > 0))
  if (pushed.length) await tx.updateTable('notificationRules').set({ lastPushAt: now }).where('userId', 'in', pushed).execute()
}

/**
 * Locks the recipients' rule rows (in user id order, so planners never deadlock each other) and
 * returns each one's last push. A main account without a rule gets its default row here.
 */
async function lockRecipients(tx: Tx, recipients: Recipient[], now: Date): Promise<Map<number, Date | null>> {
  const missing = recipients.filter((r) => !r.hasRule)
  if (missing.length) {
    await tx
      .insertInto('notificationRules')
      .ignore()
      .values(missing.map((r) => ({ userId: r.userId, orgId: r.orgId, ...rowValues(defaultSettings({ role: r.role, timeZone: r.settings.timeZone })), lastPushAt: null, updatedBy: null, updatedAt: now })))
      .execute()
  }
  const rows = await tx
    .selectFrom('notificationRules')
    .select(['userId', 'lastPushAt'])
    .where('userId', 'in', recipients.map((r) => r.userId))
    .orderBy('userId')
    .forUpdate()
    .execute()
  return new Map(rows.map((r) => [r.userId, r.lastPushAt]))
}

/** Each recipient's digest still waiting to go out, locked so no sender claims it while it grows. */
async function openDigests(tx: Tx, recipients: Recipient[]): Promise<Map<number, Planned>> {
  const byUser = new Map(recipients.map((r) => [r.userId, r]))
  const rows = await tx
    .selectFrom('notifications')
    .select(['id', 'userId', 'dueAt', 'cause'])
    .where('userId', 'in', [...byUser.keys()])
    .where('status', '=', 'pending')
    .where('kind', '=', 'digest')
    .orderBy('id')
    .forUpdate()
    .execute()
  const out = new Map<number, Planned>()
  for (const row of rows) {
    if (out.has(row.userId)) continue
    out.set(row.userId, { recipient: byUser.get(row.userId)!, kind: 'digest', cause: row.cause, dueAt: row.dueAt, messageIds: [], storedId: row.id })
  }
  return out
}

/**
 * New notifications and the messages they cover. `message_id` names the message of a single push,
 * and the first message of a digest: the unique (user, kind, message) key finds the new ids again
 * (MySQL has no RETURNING) and refuses a second plan for the same message.
 */
async function insertNotifications(tx: Tx, now: Date, created: Planned[]): Promise<void> {
  if (!created.length) return
  await tx
    .insertInto('notifications')
    .values(
      created.map((c) => ({
        orgId: c.recipient.orgId,
        userId: c.recipient.userId,
        kind: c.kind,
        cause: c.cause,
        status: 'pending' as const,
        messageId: c.messageIds[0]!,
        messageCount: c.messageIds.length,
        dueAt: c.dueAt,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .execute()
  const rows = await tx
    .selectFrom('notifications')
    .select(['id', 'userId', 'kind', 'messageId'])
    .where('userId', 'in', [...new Set(created.map((c) => c.recipient.userId))])
    .where('messageId', 'in', [...new Set(created.map((c) => c.messageIds[0]!))])
    .execute()
  const idOf = new Map(rows.map((r) => [`${r.userId}:${r.kind}:${r.messageId}`, r.id]))
  const links = created.flatMap((c) => {
    const notificationId = idOf.get(`${c.recipient.userId}:${c.kind}:${c.messageIds[0]}`)!
    return c.messageIds.map((messageId) => ({ notificationId, userId: c.recipient.userId, messageId }))
  })
  await tx.insertInto('notificationMessages').ignore().values(links).execute()
}

/** Stored digests that gained messages (and maybe an earlier due time). */
async function growDigests(tx: Tx, now: Date, digests: Planned[]): Promise<void> {
  for (const digest of digests) {
    const id = digest.storedId!
    const result = await tx
      .insertInto('notificationMessages')
      .ignore()
      .values(digest.messageIds.map((messageId) => ({ notificationId: id, userId: digest.recipient.userId, messageId })))
      .executeTakeFirst()
    const added = Number(result.numInsertedOrUpdatedRows ?? 0)
    await tx
      .updateTable('notifications')
      .set((eb) => ({
        messageCount: eb('messageCount', '+', added),
        ...(digest.moved ? { dueAt: digest.dueAt, cause: digest.cause } : {}),
        updatedAt: now,
      }))
      .where('id', '=', id)
      .execute()
  }
}
