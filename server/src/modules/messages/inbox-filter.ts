// Turns the inbox's query string (InboxQuery) into a filter the repos run: the channel ids the
// actor may see and asked for, a received-at window, and the rest as typed values. Ids that
// are not the actor's (a store, channel or tag of another org, or of a store a sub-account may
// not see) are 404, like any other id.
import type { InboxCountsQuery } from '@sellerinbox/shared/api/inbox'
import { isOrderId, searchPattern } from '@sellerinbox/shared/domain/search-text'
import { DUE_SOON_MS, isTimeZone, timeWindow } from '@sellerinbox/shared/domain/time-window'
import type { Db } from '../../db/kysely'
import type { MessageStatus } from '../../db/schema'
import { AppError, notFound } from '../../lib/errors'
import type { Actor } from '../actor'
import type { ChannelDirectory } from '../stores/channel-directory'

const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

export type Search = { orderId: string } | { pattern: string }

export interface InboxFilter {
  orgId: number
  /** Null: every channel of the org (the main account without a store, channel or marketplace filter). */
  channelIds: number[] | null
  category?: string
  receivedFrom?: Date
  receivedBefore?: Date
  status?: MessageStatus
  tagId?: number
  isRead?: boolean
  /** Open messages (pending or follow-up) whose deadline falls in [from, before). */
  sla?: { from?: Date; before: Date }
  search?: Search
}

/** Null when the filter cannot match anything (e.g. a marketplace the actor has no channel in). */
export async function resolveInboxFilter(
  db: Db,
  channels: ChannelDirectory,
  actor: Actor,
  query: InboxCountsQuery & { category?: string },
  now: Date,
): Promise<InboxFilter | null> {
  const narrowed = query.storeId !== undefined || query.channelId !== undefined || query.marketplace !== undefined
  // The main account's whole inbox needs no channel list: every message of the org is visible.
  const needsChannels = actor.role !== 'main' || narrowed
  const [visible, timeZone, tagKnown] = await Promise.all([
    needsChannels ? channels.visibleTo(actor) : Promise.resolve([]),
    query.range === 'today' ? userTimeZone(db, actor) : Promise.resolve(DEFAULT_TIME_ZONE),
    query.tagId === undefined ? Promise.resolve(true) : tagInOrg(db, actor.orgId, query.tagId),
  ])
  if (!tagKnown) throw notFound('tag')

  let selected = visible
  if (query.storeId !== undefined) {
    selected = selected.filter((c) => c.storeId === query.storeId)
    if (!visible.some((c) => c.storeId === query.storeId)) throw notFound('store')
  }
  if (query.channelId !== undefined) {
    // Another org's channel, or one of a store this sub-account may not see, is simply unknown.
    if (!visible.some((c) => c.id === query.channelId)) throw notFound('channel')
    selected = selected.filter((c) => c.id === query.channelId)
  }
  if (query.marketplace !== undefined) selected = selected.filter((c) => c.marketplace === query.marketplace)
  if (needsChannels && !selected.length) return null

  const window = receivedWindow(query, timeZone, now)
  if (window.from && window.before && window.from >= window.before) return null

  let search: Search | undefined
  if (query.q !== undefined) {
    if (isOrderId(query.q)) search = { orderId: query.q.normalize('NFKC').trim() }
    else {
      const pattern = searchPattern(query.q)
      if (pattern) search = { pattern }
    }
  }

  const filter: InboxFilter = {
    orgId: actor.orgId,
    channelIds: needsChannels ? selected.map((c) => c.id) : null,
    ...(query.category !== undefined ? { category: query.category } : {}),
    ...(window.from ? { receivedFrom: window.from } : {}),
    ...(window.before ? { receivedBefore: window.before } : {}),
    ...(query.status !== undefined ? { status: query.status } : {}),
    ...(query.tagId !== undefined ? { tagId: query.tagId } : {}),
    ...(query.read !== undefined ? { isRead: query.read === 'read' } : {}),
    ...(query.sla === 'overdue' ? { sla: { before: now } } : {}),
    ...(query.sla === 'due_soon' ? { sla: { from: now, before: new Date(now.getTime() + DUE_SOON_MS) } } : {}),
    ...(search ? { search } : {}),
  }
  return filter
}

function receivedWindow(query: InboxCountsQuery, timeZone: string, now: Date) {
  const parse = (value: string | undefined, field: 'from' | 'to') => {
    if (value === undefined) return undefined
    const date = new Date(value)
    if (Number.isNaN(date.getTime())) {
      throw new AppError('VALIDATION_FAILED', `querystring/${field} is not a date-time`, [{ path: `querystring/${field}`, message: 'must be an ISO 8601 instant' }])
    }
    return date
  }
  const bounds = { from: parse(query.from, 'from'), to: parse(query.to, 'to') }
  if (query.range === 'custom' && !bounds.from && !bounds.to) {
    throw new AppError('VALIDATION_FAILED', 'range=custom needs from, to or both', [{ path: 'querystring/from', message: 'is required when range is custom' }])
  }
  return timeWindow(query.range, { ...(bounds.from ? { from: bounds.from } : {}), ...(bounds.to ? { to: bounds.to } : {}) }, timeZone, now)
}

async function userTimeZone(db: Db, actor: Actor): Promise<string> {
  const row = await db.selectFrom('users').select('timeZone').where('id', '=', actor.userId).where('orgId', '=', actor.orgId).executeTakeFirst()
  return row && isTimeZone(row.timeZone) ? row.timeZone : DEFAULT_TIME_ZONE
}

async function tagInOrg(db: Db, orgId: number, tagId: number): Promise<boolean> {
  return !!(await db.selectFrom('tags').select('id').where('orgId', '=', orgId).where('id', '=', tagId).executeTakeFirst())
}
