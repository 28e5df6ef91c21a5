// Marks on messages — status, read flag, replied on platform, tags — on one message or in bulk,
// each recorded with who and when. One code path for both: a bulk request is checked message by
// message and applied only when every message passes (all or nothing).
//
// In each transaction: the messages are locked first (ascending id), then tags, conversations,
// events, and the inbox counters last, the order ingestion uses too.
import type { BulkAction, BulkItemResult, BulkResult } from '@sellerinbox/shared/api/inbox'
import type { Db, Tx } from '../../db/kysely'
import type { MessageStatus, TagRow } from '../../db/schema'
import { transactionWithRetry } from '../../db/transactions'
import { AppError, notFound } from '../../lib/errors'
import type { Actor } from '../actor'
import { getTagRow, getTagRows, type MessageTag } from '../tags/tags.repo'
import { moveInInboxCounts, type CountBucket } from './inbox-counts.repo'
import { insertEvents, type NewEvent } from './message-events.repo'
import { visibleMessageIds } from './messages.repo'

export const MAX_TAGS_PER_MESSAGE = 2

type FailureCode = 'NOT_FOUND' | 'STATUS_FINAL' | 'TAG_LIMIT'

export type MarkAction =
  | { type: 'status'; status: Exclude<MessageStatus, 'replied_on_platform'> }
  | { type: 'replied_on_platform' }
  | { type: 'read'; isRead: boolean }
  | { type: 'set_tags'; tags: TagRow[] }
  | { type: 'add_tag'; tag: TagRow }
  | { type: 'remove_tag'; tag: TagRow }

interface Target {
  id: number
  orgId: number
  channelId: number
  conversationId: number | null
  category: string
  status: MessageStatus
  isRead: boolean
  receivedAt: Date
  tags: MessageTag[]
}

const FAILURES: Record<FailureCode, string> = {
  NOT_FOUND: 'message not found',
  STATUS_FINAL: 'Marked replied on platform, which is final: its status cannot change any more',
  TAG_LIMIT: `A message carries at most ${MAX_TAGS_PER_MESSAGE} tags; remove one first`,
}

/** PATCH /messages/:id: status and/or read flag in one transaction. */
export async function updateMarks(db: Db, actor: Actor, id: number, body: { status?: Exclude<MessageStatus, 'replied_on_platform'>; isRead?: boolean }): Promise<void> {
  const actions: MarkAction[] = []
  if (body.status !== undefined) actions.push({ type: 'status', status: body.status })
  if (body.isRead !== undefined) actions.push({ type: 'read', isRead: body.isRead })
  await markOne(db, actor, id, actions)
}

export async function markRepliedOnPlatform(db: Db, actor: Actor, id: number): Promise<void> {
  await markOne(db, actor, id, [{ type: 'replied_on_platform' }])
}

/** PUT /messages/:id/tags: the message's whole tag set. */
export async function setTags(db: Db, actor: Actor, id: number, tagIds: number[]): Promise<void> {
  if (tagIds.length > MAX_TAGS_PER_MESSAGE) throw new AppError('TAG_LIMIT', FAILURES.TAG_LIMIT)
  const tags = await getTagRows(db, actor.orgId, tagIds)
  await markOne(db, actor, id, [{ type: 'set_tags', tags: tagIds.map((t) => tags.find((r) => r.id === t)!) }])
}

export async function bulkMark(db: Db, actor: Actor, ids: number[], action: BulkAction): Promise<BulkResult> {
  const mark = await markActionOf(db, actor, action)
  return transactionWithRetry(db, async (tx) => {
    const targets = await lockTargets(tx, actor, ids)
    const results: BulkItemResult[] = ids.map((id) => {
      const target = targets.get(id)
      const failure = target ? check(target, mark) : 'NOT_FOUND'
      return failure ? { id, ok: false, code: failure, message: FAILURES[failure] } : { id, ok: true }
    })
    if (results.some((r) => !r.ok)) {
      const failed = results.filter((r) => !r.ok).length
      throw new AppError('BULK_REJECTED', `Nothing was changed: ${failed} of ${ids.length} messages cannot take this action`, undefined, {
        ok: false,
        results,
      })
    }
    await apply(tx, actor, [...targets.values()], [mark])
    return { ok: true, results }
  })
}

async function markActionOf(db: Db, actor: Actor, action: BulkAction): Promise<MarkAction> {
  switch (action.type) {
    case 'status':
      return { type: 'status', status: action.status }
    case 'replied_on_platform':
      return { type: 'replied_on_platform' }
    case 'read':
      return { type: 'read', isRead: action.isRead }
    case 'add_tag':
      return { type: 'add_tag', tag: await getTagRow(db, actor.orgId, action.tagId) }
    case 'remove_tag':
      return { type: 'remove_tag', tag: await getTagRow(db, actor.orgId, action.tagId) }
  }
}

async function markOne(db: Db, actor: Actor, id: number, actions: MarkAction[]): Promise<void> {
  await transactionWithRetry(db, async (tx) => {
    const target = (await lockTargets(tx, actor, [id])).get(id)
    if (!target) throw notFound('message')
    for (const action of actions) {
      const failure = check(target, action)
      if (failure) throw new AppError(failure, FAILURES[failure])
    }
    await apply(tx, actor, [target], actions)
  })
}

/** The visible messages among `ids`, locked, with their current tags (read after the lock). */
async function lockTargets(tx: Tx, actor: Actor, ids: number[]): Promise<Map<number, Target>> {
  const visible = [...(await visibleMessageIds(tx, actor, ids))].sort((a, b) => a - b)
  if (!visible.length) return new Map()
  const rows = await tx
    .selectFrom('messages')
    .select(['id', 'orgId', 'channelId', 'conversationId', 'category', 'status', 'isRead', 'receivedAt'])
    .where('orgId', '=', actor.orgId)
    .where('id', 'in', visible)
    .orderBy('id')
    .forUpdate()
    .execute()
  const tags = await lockedTagsOf(tx, actor.orgId, visible)
  return new Map(rows.map((r) => [r.id, { ...r, isRead: !!r.isRead, tags: tags.get(r.id) ?? [] }]))
}

/**
 * A locking read, so it sees tags committed by a transaction that held these messages before us
 * (a plain read would see the snapshot taken at the transaction's first read).
 */
async function lockedTagsOf(tx: Tx, orgId: number, ids: number[]): Promise<Map<number, MessageTag[]>> {
  const links = await tx
    .selectFrom('messageTags')
    .select(['messageId', 'tagId'])
    .where('orgId', '=', orgId)
    .where('messageId', 'in', ids)
    .orderBy('createdAt')
    .orderBy('tagId')
    .forUpdate()
    .execute()
  const byMessage = new Map<number, MessageTag[]>()
  if (!links.length) return byMessage
  const tags = await getTagRows(tx, orgId, [...new Set(links.map((l) => l.tagId))])
  for (const link of links) {
    const tag = tags.find((t) => t.id === link.tagId)!
    byMessage.set(link.messageId, [...(byMessage.get(link.messageId) ?? []), { messageId: link.messageId, id: tag.id, name: tag.name, color: tag.color }])
  }
  return byMessage
}

function check(target: Target, action: MarkAction): FailureCode | null {
  switch (action.type) {
    case 'status':
      return target.status === 'replied_on_platform' ? 'STATUS_FINAL' : null
    case 'set_tags':
      return action.tags.length > MAX_TAGS_PER_MESSAGE ? 'TAG_LIMIT' : null
    case 'add_tag':
      return !target.tags.some((t) => t.id === action.tag.id) && target.tags.length >= MAX_TAGS_PER_MESSAGE ? 'TAG_LIMIT' : null
    default:
      return null
  }
}

async function apply(tx: Tx, actor: Actor, targets: Target[], actions: MarkAction[]): Promise<void> {
  const before = new Map(targets.map((t) => [t.id, bucketOf(t)]))
  const events: NewEvent[] = []
  for (const action of actions) {
    if (action.type === 'status' || action.type === 'replied_on_platform') {
      const status = action.type === 'status' ? action.status : 'replied_on_platform'
      const changed = targets.filter((t) => t.status !== status)
      if (!changed.length) continue
      await tx
        .updateTable('messages')
        .set({ status, ...(status === 'replied_on_platform' ? { slaDueAt: null } : {}) })
        .where('orgId', '=', actor.orgId)
        .where('id', 'in', changed.map((t) => t.id))
        .execute()
      if (status === 'replied_on_platform') await stopSlaClocks(tx, actor.orgId, changed)
      for (const t of changed) {
        t.status = status
        events.push({ messageId: t.id, change: status === 'replied_on_platform' ? 'replied_on_platform' : `status:${status}` })
      }
    } else if (action.type === 'read') {
      const changed = targets.filter((t) => t.isRead !== action.isRead)
      if (!changed.length) continue
      await tx.updateTable('messages').set({ isRead: action.isRead }).where('orgId', '=', actor.orgId).where('id', 'in', changed.map((t) => t.id)).execute()
      for (const t of changed) {
        t.isRead = action.isRead
        events.push({ messageId: t.id, change: action.isRead ? 'read' : 'unread' })
      }
    } else {
      events.push(...(await applyTags(tx, actor.orgId, targets, action)))
    }
  }
  if (!events.length) return
  await insertEvents(tx, actor.orgId, { userId: actor.userId, userName: await displayNameOf(tx, actor) }, events)
  await moveInInboxCounts(tx, targets.map((t) => ({ from: before.get(t.id)!, to: bucketOf(t) })))
}

async function applyTags(tx: Tx, orgId: number, targets: Target[], action: MarkAction & { type: 'set_tags' | 'add_tag' | 'remove_tag' }): Promise<NewEvent[]> {
  const events: NewEvent[] = []
  const added: { messageId: number; tagId: number; orgId: number; receivedAt: Date }[] = []
  const removed: { messageId: number; tagId: number }[] = []
  for (const t of targets) {
    const has = new Set(t.tags.map((tag) => tag.id))
    const wanted =
      action.type === 'set_tags'
        ? action.tags
        : action.type === 'add_tag'
          ? [...t.tags, ...(has.has(action.tag.id) ? [] : [action.tag])]
          : t.tags.filter((tag) => tag.id !== action.tag.id)
    const wantedIds = new Set(wanted.map((tag) => tag.id))
    for (const tag of t.tags.filter((tag) => !wantedIds.has(tag.id))) {
      removed.push({ messageId: t.id, tagId: tag.id })
      events.push({ messageId: t.id, change: `tag_removed:${tag.name}` })
    }
    for (const tag of wanted.filter((tag) => !has.has(tag.id))) {
      added.push({ messageId: t.id, tagId: tag.id, orgId, receivedAt: t.receivedAt })
      events.push({ messageId: t.id, change: `tag_added:${tag.name}` })
    }
  }
  if (removed.length) {
    await tx
      .deleteFrom('messageTags')
      .where('orgId', '=', orgId)
      .where((eb) => eb.or(removed.map((r) => eb.and([eb('messageId', '=', r.messageId), eb('tagId', '=', r.tagId)]))))
      .execute()
  }
  if (added.length) await tx.insertInto('messageTags').values(added).execute()
  return events
}

/**
 * Replied on platform stops the clock as Amazon's copy of a Seller Central reply does at
 * ingestion: the message and every earlier buyer message of its conversation are answered.
 */
async function stopSlaClocks(tx: Tx, orgId: number, targets: Target[]): Promise<void> {
  const latest = new Map<number, Date>()
  for (const t of targets) {
    if (t.conversationId === null) continue
    const at = latest.get(t.conversationId)
    if (!at || t.receivedAt > at) latest.set(t.conversationId, t.receivedAt)
  }
  for (const [conversationId, at] of [...latest].sort(([a], [b]) => a - b)) {
    await tx
      .updateTable('messages')
      .set({ slaDueAt: null })
      .where('orgId', '=', orgId)
      .where('conversationId', '=', conversationId)
      .where('kind', '=', 'buyer_message')
      .where('receivedAt', '<=', at)
      .where('slaDueAt', 'is not', null)
      .execute()
    await tx
      .updateTable('conversations')
      .set({ slaDueAt: null })
      .where('orgId', '=', orgId)
      .where('id', '=', conversationId)
      .where('lastMessageAt', '<=', at)
      .execute()
  }
}

function bucketOf(t: Target): CountBucket {
  return { orgId: t.orgId, channelId: t.channelId, category: t.category, status: t.status, isRead: t.isRead }
}

async function displayNameOf(tx: Tx, actor: Actor): Promise<string> {
  const row = await tx.selectFrom('users').select('displayName').where('id', '=', actor.userId).where('orgId', '=', actor.orgId).executeTakeFirst()
  return row?.displayName ?? ''
}
