// Sends due notifications exactly once. Claim: under row locks (SKIP LOCKED, so instances split the
// work) each due row is checked again — window, still-open messages, credits — and either moved,
// dropped, or marked `sending` with the exact payload, and committed, before any HTTP call. Then the
// call, then the outcome. A row left `sending` by a dead worker becomes `unknown` (recovery.ts), never
// sent again: a lost notification is better than a duplicate.
import { isInSchedule, nextWindowOpening } from '@sellerinbox/shared/domain/schedule-window'
import type { NotifyConfig, TemplateConfig } from '../config'
import type { Db, Tx } from '../db/kysely'
import type { Updateable } from 'kysely'
import type { NotificationRow, NotificationsTable } from '../db/schema'
import { transactionWithRetry } from '../db/transactions'
import { clearCredits, spendCredit } from '../modules/notifications/credits.repo'
import { scheduleOf } from '../modules/notifications/rules.repo'
import type { AccessTokenCache } from '../modules/wechat/access-token'
import { sendSubscribeMessage, type SendOutcome } from '../modules/wechat/subscribe-sender'
import type { SubscribeMessage, WechatClient } from '../modules/wechat/wechat.client'
import type { TemplateBackoff } from './backoff'
import { messageContent, reminderContent, templateData, type Content } from './content'
import { loadMessages, type MessageRecord } from './facts'
import { loadRecipients, wants, type Recipient } from './recipients'

export interface SendDeps {
  db: Db
  config: NotifyConfig
  wechat: WechatClient
  tokens: AccessTokenCache
  backoff: TemplateBackoff
  /** Written into claimed rows: which worker is sending. */
  owner: string
  orgIds?: number[]
  /** Tests: runs between WeChat's answer and recording it (a crash there must not cause a resend). */
  afterSend?: (notificationId: number) => Promise<void>
}

type NotificationUpdate = Updateable<NotificationsTable>

const MAX_ATTEMPTS = 6
const SEND_CONCURRENCY = 8
const RETRY_BASE_MS = 5_000
const RETRY_MAX_MS = 5 * 60_000

interface Claimed {
  row: NotificationRow
  template: TemplateConfig
  message: SubscribeMessage
}

type Decision =
  | { kind: 'claim'; template: TemplateConfig; message: SubscribeMessage; content: Content; count: number }
  | { kind: 'move'; dueAt: Date; cause?: NotificationRow['cause'] }
  | { kind: 'drop'; reason: string; content?: Content; count?: number }
  | { kind: 'no_credit'; content: Content; count: number }
  | { kind: 'failed'; reason: string; content: Content; count: number }

/** Claims and sends one batch of due notifications; returns how many were claimed for sending. */
export async function sendDue(deps: SendDeps, now: Date, limit = 20): Promise<number> {
  const claimed = await claimDue(deps, now, limit)
  // A few calls at a time: WeChat answers fast, and a slow answer must not hold up the others. Each
  // group's outcomes are recorded together as soon as the group is done.
  for (let i = 0; i < claimed.length; i += SEND_CONCURRENCY) {
    const group = claimed.slice(i, i + SEND_CONCURRENCY)
    const outcomes = await Promise.all(
      group.map(async (c) => {
        const outcome = await sendSubscribeMessage({ client: deps.wechat, tokens: deps.tokens }, c.message)
        await deps.afterSend?.(c.row.id)
        return { claimed: c, outcome }
      }),
    )
    await recordOutcomes(deps, outcomes, now)
  }
  return claimed.length
}

async function claimDue(deps: SendDeps, now: Date, limit: number): Promise<Claimed[]> {
  return transactionWithRetry(deps.db, async (tx) => {
    let query = tx.selectFrom('notifications').selectAll().where('status', '=', 'pending').where('dueAt', '<=', now).orderBy('dueAt').orderBy('id').limit(limit).forUpdate().skipLocked()
    if (deps.orgIds) query = query.where('orgId', 'in', deps.orgIds.length ? deps.orgIds : [0])
    const rows = await query.execute()
    const context = await loadContext(tx, deps, rows)
    const claimed: Claimed[] = []
    for (const row of rows) {
      const decision = decide(deps, context, row, now)
      const content = 'content' in decision && decision.content ? { title: decision.content.title, page: decision.content.page } : {}
      const count = 'count' in decision && decision.count !== undefined ? { messageCount: decision.count } : {}
      const update = (set: NotificationUpdate) => tx.updateTable('notifications').set(set).where('id', '=', row.id).execute()
      switch (decision.kind) {
        case 'move':
          await update({ dueAt: decision.dueAt, ...(decision.cause ? { cause: decision.cause } : {}), updatedAt: now })
          break
        case 'drop':
          await update({ status: 'dropped', error: decision.reason, ...content, ...count, updatedAt: now })
          break
        case 'no_credit':
          await update({ status: 'no_credit', errcode: null, error: 'No credit left for this template: top up in 通知额度', ...content, ...count, updatedAt: now })
          break
        case 'failed':
          await update({ status: 'failed', error: decision.reason.slice(0, 255), ...content, ...count, updatedAt: now })
          break
        case 'claim': {
          const { message } = decision
          await update({
            status: 'sending',
            claimedBy: deps.owner,
            sendingAt: now,
            attempts: row.attempts + 1,
            templateId: message.templateId,
            payload: JSON.stringify({ data: message.data, lang: message.lang }),
            ...content,
            ...count,
            updatedAt: now,
          })
          claimed.push({ row: { ...row, attempts: row.attempts + 1 }, template: decision.template, message })
        }
      }
    }
    return claimed
  }, { isolation: 'read committed', retryLockWaitTimeout: true })
}

/** Everything that may have changed since planning is checked again here, under the row's lock. */
function decide(deps: SendDeps, context: ClaimContext, row: NotificationRow, now: Date): Decision {
  const template = row.kind === 'sla_reminder' ? deps.config.sla : deps.config.newMessage
  if (!template) return { kind: 'drop', reason: 'This kind of notification is turned off on the server' }
  const recipient = context.recipients.get(row.userId)
  if (!recipient) return { kind: 'drop', reason: 'Notifications are turned off for this user' }

  const messages = openMessages(context, row, recipient, now)
  if (!messages.length) return { kind: 'drop', reason: row.kind === 'sla_reminder' ? 'Answered, or no longer due' : 'Already handled' }
  const content = row.kind === 'sla_reminder' ? reminderContent(messages[0]!, recipient.locale) : messageContent(messages, recipient.locale)
  const count = messages.length

  const schedule = scheduleOf(recipient.settings)
  if (!isInSchedule(schedule, now)) {
    const opens = nextWindowOpening(schedule, now)
    if (!opens) return { kind: 'drop', reason: 'No notification window is open on any day', content, count }
    const deadline = messages[0]!.slaDueAt
    if (row.kind === 'sla_reminder' && deadline && deadline <= opens) return { kind: 'drop', reason: 'The deadline passes before the window opens', content, count }
    return { kind: 'move', dueAt: opens, ...(row.kind === 'sla_reminder' ? {} : { cause: 'window' as const }) }
  }
  const pausedUntil = deps.backoff.until(template.id)
  if (pausedUntil > now.getTime()) return { kind: 'move', dueAt: new Date(pausedUntil) }

  if ((context.credits.get(`${row.userId}:${template.id}`) ?? 0) <= 0) return { kind: 'no_credit', content, count }
  const data = templateData(template, content.slots, recipient.settings.timeZone)
  if (!data.ok) return { kind: 'failed', reason: `Not sent: ${data.reason}`, content, count }
  return {
    kind: 'claim',
    template,
    content,
    count,
    message: {
      touser: recipient.openid,
      templateId: template.id,
      page: content.page,
      data: data.data,
      miniprogramState: deps.config.miniprogramState,
      lang: recipient.locale === 'en-US' ? 'en_US' : 'zh_CN',
    },
  }
}

interface ClaimContext {
  recipients: Map<number, Recipient>
  /** notification id → the messages it covers */
  links: Map<number, number[]>
  messages: Map<number, MessageRecord>
  /** `${userId}:${templateId}` → balance */
  credits: Map<string, number>
}

/** Everything the batch's decisions read, in a few queries rather than a few per row. */
async function loadContext(tx: Tx, deps: SendDeps, rows: NotificationRow[]): Promise<ClaimContext> {
  const recipients = new Map<number, Recipient>()
  for (const orgId of new Set(rows.map((r) => r.orgId))) {
    const userIds = [...new Set(rows.filter((r) => r.orgId === orgId).map((r) => r.userId))]
    for (const recipient of await loadRecipients(tx, orgId, userIds)) recipients.set(recipient.userId, recipient)
  }
  const links = new Map<number, number[]>()
  const linked = rows.filter((r) => r.kind !== 'sla_reminder').map((r) => r.id)
  if (linked.length) {
    const found = await tx.selectFrom('notificationMessages').select(['notificationId', 'messageId']).where('notificationId', 'in', linked).execute()
    for (const l of found) links.set(l.notificationId, [...(links.get(l.notificationId) ?? []), l.messageId])
  }
  const messageIds = [...new Set([...[...links.values()].flat(), ...rows.filter((r) => r.kind === 'sla_reminder' && r.messageId).map((r) => r.messageId!)])]
  const messages = new Map((await loadMessages(tx, messageIds)).map((m) => [m.id, m]))
  const templateIds = [deps.config.newMessage?.id, deps.config.sla?.id].filter((id): id is string => !!id)
  const credits = new Map<string, number>()
  if (recipients.size && templateIds.length) {
    const rowsOfCredits = await tx
      .selectFrom('notificationCredits')
      .select(['userId', 'templateId', 'balance'])
      .where('userId', 'in', [...recipients.keys()])
      .where('templateId', 'in', templateIds)
      .execute()
    for (const c of rowsOfCredits) credits.set(`${c.userId}:${c.templateId}`, c.balance)
  }
  return { recipients, links, messages, credits }
}

/** The messages a notification is still about: open, notifiable, visible to and wanted by the recipient. */
function openMessages(context: ClaimContext, row: NotificationRow, recipient: Recipient, now: Date): MessageRecord[] {
  const ids = row.kind === 'sla_reminder' ? [row.messageId ?? 0] : (context.links.get(row.id) ?? [])
  const messages = ids
    .map((id) => context.messages.get(id))
    .filter((m): m is MessageRecord => !!m && m.notifiable && m.open && wants(recipient, m))
    .sort((a, b) => a.id - b.id)
  if (row.kind === 'sla_reminder') return messages.filter((m) => m.slaDueAt && m.slaDueAt > now)
  return messages
}

async function recordOutcomes(deps: SendDeps, results: { claimed: Claimed; outcome: SendOutcome }[], now: Date): Promise<void> {
  // Every instance locks credit and rule rows in the same order (user, template), so two
  // instances recording outcomes for the same users wait for each other instead of deadlocking.
  const ordered = [...results].sort(
    (a, b) => a.claimed.row.userId - b.claimed.row.userId || a.claimed.template.id.localeCompare(b.claimed.template.id) || a.claimed.row.id - b.claimed.row.id,
  )
  await transactionWithRetry(deps.db, async (tx) => {
    for (const { claimed, outcome } of ordered) await recordOutcome(tx, deps, claimed, outcome, now)
  }, { isolation: 'read committed', retryLockWaitTimeout: true })
}

async function recordOutcome(tx: Tx, deps: SendDeps, claimed: Claimed, outcome: SendOutcome, now: Date): Promise<void> {
  const { row, template } = claimed
  const update = (set: NotificationUpdate) =>
    tx
      .updateTable('notifications')
      .set({ ...set, updatedAt: now })
      .where('id', '=', row.id)
      .where('claimedBy', '=', deps.owner)
      // `unknown` too: a slow call may outlive the recovery timeout; its answer still counts.
      .where('status', 'in', ['sending', 'unknown'])
      .execute()
  switch (outcome.kind) {
    case 'sent':
      deps.backoff.clear(template.id)
      await update({ status: 'sent', sentAt: now, wechatMsgid: outcome.msgid, errcode: null, error: null })
      await spendCredit(tx, row.userId, template.id, now)
      if (row.kind !== 'sla_reminder') {
        await tx
          .updateTable('notificationRules')
          .set({ lastPushAt: now })
          .where('userId', '=', row.userId)
          .where((eb) => eb.or([eb('lastPushAt', 'is', null), eb('lastPushAt', '<', now)]))
          .execute()
      }
      return
    case 'no_credit':
      await update({ status: 'no_credit', errcode: outcome.errcode, error: `WeChat: no credit left (${outcome.errmsg})`.slice(0, 255) })
      await clearCredits(tx, row.userId, template.id, now)
      return
    case 'quota': {
      const until = deps.backoff.hit(template.id, now.getTime())
      await update({ status: 'pending', dueAt: new Date(until), errcode: outcome.errcode, error: `WeChat daily quota reached; retrying later (${outcome.errmsg})`.slice(0, 255) })
      return
    }
    case 'retry': {
      if (row.attempts >= MAX_ATTEMPTS) {
        await update({ status: 'failed', errcode: outcome.errcode, error: `Gave up after ${row.attempts} attempts: ${outcome.errmsg}`.slice(0, 255) })
        return
      }
      const wait = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (row.attempts - 1))
      await update({ status: 'pending', dueAt: new Date(now.getTime() + wait), errcode: outcome.errcode, error: `Retrying: ${outcome.errmsg}`.slice(0, 255) })
      return
    }
    case 'rejected':
      await update({ status: 'failed', errcode: outcome.errcode, error: `WeChat refused it: ${outcome.errmsg}`.slice(0, 255) })
      return
    case 'unknown':
      await update({ status: 'unknown', error: `No answer from WeChat; maybe delivered, not repeated (${outcome.errmsg})`.slice(0, 255) })
  }
}
