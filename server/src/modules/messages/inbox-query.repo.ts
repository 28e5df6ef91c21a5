// Inbox pages and counts over a resolved InboxFilter, at a million messages. Each query names
// the one index that answers it (see migration 0006), because a wrong guess by the optimizer
// means sorting an org's every row for each page:
//   keyword        → messages_search_idx (text tested in the index) or, for an order id, messages_order_idx
//   tag            → message_tags_list_idx, newest first, joined to messages
//   SLA            → messages_sla_idx (open messages by deadline; few)
//   one channel    → messages_channel_idx
//   a category     → messages_category_idx
//   otherwise      → messages_recent_idx
// Counts without a time, tag, SLA or keyword filter add up `inbox_counts` instead of rows.
//
// Written as SQL templates rather than with the query builder: these run on every inbox view,
// and building and compiling them with Kysely cost about 0.9 ms of CPU per page on the
// benchmark machine — three times the database's own work. The SQL is the same in MySQL 8,
// MariaDB 10.11 and TiDB (FORCE INDEX, STRAIGHT_JOIN, derived tables).
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/kysely'
import type { MessageStatus } from '../../db/schema'
import type { InboxFilter } from './inbox-filter'
import type { Keyset } from './keyset-cursor'
import { withoutRenaming, type MessageSummaryRow } from './messages.repo'

export type PageRow = MessageSummaryRow & { tags: { id: number; name: string; color: string }[] }

export interface CountRow {
  category: string
  total: number
  unread: number
  pending: number
}

type Plan = 'order' | 'search' | 'tag' | 'sla' | 'channel' | 'category' | 'recent'

const INDEX_OF: Record<Plan, string> = {
  order: 'messages_order_idx',
  search: 'messages_search_idx',
  tag: 'message_tags_list_idx',
  sla: 'messages_sla_idx',
  channel: 'messages_channel_idx',
  category: 'messages_category_idx',
  recent: 'messages_recent_idx',
}

const OPEN_STATUSES: MessageStatus[] = ['pending', 'follow_up']

function planOf(f: InboxFilter): Plan {
  if (f.search) return 'orderId' in f.search ? 'order' : 'search'
  if (f.tagId !== undefined) return 'tag'
  if (f.sla) return 'sla'
  if (f.channelIds?.length === 1) return 'channel'
  if (f.category !== undefined) return 'category'
  return 'recent'
}

const list = <T>(values: readonly T[]) => sql.join(values.map((v) => sql`${v}`))

/** Every condition of the filter on `m` (messages); the tag plan's own are on `mt` (message_tags). */
function conditions(f: InboxFilter, plan: Plan): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [sql`m.org_id = ${f.orgId}`]
  if (f.channelIds) c.push(f.channelIds.length === 1 ? sql`m.channel_id = ${f.channelIds[0]}` : sql`m.channel_id in (${list(f.channelIds)})`)
  if (f.category !== undefined) c.push(sql`m.category = ${f.category}`)
  // The tag plan bounds time on its own copy of received_at (it walks that index).
  const at = plan === 'tag' ? sql`mt.received_at` : sql`m.received_at`
  if (f.receivedFrom) c.push(sql`${at} >= ${f.receivedFrom}`)
  if (f.receivedBefore) c.push(sql`${at} < ${f.receivedBefore}`)
  if (f.isRead !== undefined) c.push(sql`m.is_read = ${f.isRead}`)
  if (f.sla) {
    const statuses = f.status === undefined ? OPEN_STATUSES : OPEN_STATUSES.filter((s) => s === f.status)
    // A status filter outside the open ones leaves nothing (and `in ()` is not SQL).
    c.push(statuses.length ? sql`m.status in (${list(statuses)})` : sql`1 = 0`)
    c.push(sql`m.sla_due_at < ${f.sla.before}`)
    if (f.sla.from) c.push(sql`m.sla_due_at >= ${f.sla.from}`)
  } else if (f.status !== undefined) c.push(sql`m.status = ${f.status}`)
  if (f.search && 'orderId' in f.search) c.push(sql`m.order_id = ${f.search.orderId}`)
  if (f.search && 'pattern' in f.search) c.push(sql`m.search_text like ${f.search.pattern}`)
  if (plan === 'tag') c.push(sql`mt.org_id = ${f.orgId}`, sql`mt.tag_id = ${f.tagId}`)
  else if (f.tagId !== undefined) c.push(sql`m.id in (select message_id from message_tags where tag_id = ${f.tagId})`)
  return c
}

const and = (c: RawBuilder<unknown>[]) => sql.join(c, sql` and `)

/**
 * The page's ids, newest first, from the plan's index alone (every filter column is in it, and
 * MariaDB does not push conditions into a backward index scan). `(received_at, id) < after` is
 * spelled out so that every MySQL-family optimizer makes it a range.
 */
function pageIds(f: InboxFilter, after: Keyset | null, count: number): RawBuilder<unknown> {
  const plan = planOf(f)
  const c = conditions(f, plan)
  const index = sql.raw(INDEX_OF[plan])
  if (plan === 'tag') {
    if (after) c.push(sql`(mt.received_at < ${after.receivedAt} or (mt.received_at = ${after.receivedAt} and mt.message_id < ${after.id}))`)
    // STRAIGHT_JOIN: drive from the tag's index, not from messages.
    return sql`select straight_join mt.message_id as id from message_tags mt force index (${index})
      join messages m on m.id = mt.message_id where ${and(c)} order by mt.received_at desc, mt.message_id desc limit ${count}`
  }
  if (after) c.push(sql`(m.received_at < ${after.receivedAt} or (m.received_at = ${after.receivedAt} and m.id < ${after.id}))`)
  return sql`select m.id from messages m force index (${index}) where ${and(c)} order by m.received_at desc, m.id desc limit ${count}`
}

interface PageQueryRow extends MessageSummaryRow {
  tagId: number | null
  tagName: string | null
  tagColor: string | null
}

/**
 * One page, newest first: `limit + 1` rows so the caller knows whether another page exists. One
 * statement: the ids (a derived table), then only those rows with their store and tags.
 */
export async function listInboxRows(db: Db, f: InboxFilter, after: Keyset | null, limit: number): Promise<PageRow[]> {
  // Named in camelCase here and run without the CamelCasePlugin: renaming every field of every
  // row showed in the profile too.
  const { rows: found } = await sql<PageQueryRow>`
    select m.id, m.channel_id as channelId, m.conversation_id as conversationId, m.direction, m.category, m.kind, m.subject,
      m.from_name as fromName, m.from_address as fromAddress, m.buyer_name as buyerName, m.order_id as orderId, m.asin,
      m.received_at as receivedAt, m.status, m.is_read as isRead, m.sla_due_at as slaDueAt, m.suspicious,
      m.parse_error as parseError, m.attachment_count as attachmentCount, m.snippet as snippetSource, c.store_id as storeId,
      s.name as storeName, c.marketplace as channelMarketplace, t.id as tagId, t.name as tagName, t.color as tagColor
    from (${pageIds(f, after, limit + 1)}) page
      join messages m on m.id = page.id
      join channels c on c.id = m.channel_id
      join stores s on s.id = c.store_id
      left join message_tags mt on mt.message_id = m.id
      left join tags t on t.id = mt.tag_id
    order by m.received_at desc, m.id desc, mt.created_at, mt.tag_id`.execute(withoutRenaming(db))
  // Rows repeat per tag (at most 2); fold them. The row objects are reused as they come (copying
  // two dozen fields per row showed in the profile); the extra tag columns are never presented.
  const rows: PageRow[] = []
  for (const row of found as (PageQueryRow & { tags?: PageRow['tags'] })[]) {
    const last = rows[rows.length - 1]
    const current = last?.id === row.id ? last : (rows[rows.length] = Object.assign(row, { tags: [] }))
    if (row.tagId !== null && row.tagName !== null && row.tagColor !== null) current.tags.push({ id: row.tagId, name: row.tagName, color: row.tagColor })
  }
  return rows
}

/** Messages per category under the filter (its category, if any, is ignored). */
export async function countInboxRows(db: Db, filter: InboxFilter): Promise<CountRow[]> {
  const f: InboxFilter = { ...filter }
  delete f.category
  if (!f.receivedFrom && !f.receivedBefore && f.tagId === undefined && !f.sla && !f.search) return countFromCounters(db, f)
  const plan = planOf(f)
  const index = sql.raw(INDEX_OF[plan])
  const aggregates = sql`m.category, count(*) as total,
    coalesce(sum(case when m.is_read then 0 else 1 end), 0) as unread,
    coalesce(sum(case when m.status = 'pending' then 1 else 0 end), 0) as pending`
  const from =
    plan === 'tag'
      ? sql`message_tags mt force index (${index}) join messages m on m.id = mt.message_id`
      : sql`messages m force index (${index})`
  const { rows } = await sql<CountRow>`select ${plan === 'tag' ? sql`straight_join ` : sql``}${aggregates}
    from ${from} where ${and(conditions(f, plan))} group by m.category`.execute(db)
  return numeric(rows)
}

async function countFromCounters(db: Db, f: InboxFilter): Promise<CountRow[]> {
  const c: RawBuilder<unknown>[] = [sql`org_id = ${f.orgId}`]
  if (f.channelIds) c.push(sql`channel_id in (${list(f.channelIds)})`)
  if (f.status !== undefined) c.push(sql`status = ${f.status}`)
  if (f.isRead !== undefined) c.push(sql`is_read = ${f.isRead}`)
  // The category index streams the sum in group order (no temporary table) and, holding every
  // column, answers channel, status and read filters too.
  const { rows } = await sql<CountRow>`select category, coalesce(sum(n), 0) as total,
      coalesce(sum(case when is_read then 0 else n end), 0) as unread,
      coalesce(sum(case when status = 'pending' then n else 0 end), 0) as pending
    from inbox_counts force index (inbox_counts_category_idx) where ${and(c)} group by category`.execute(db)
  return numeric(rows)
}

/** SUM comes back from mysql2 as a decimal string. */
function numeric(rows: CountRow[]): CountRow[] {
  return rows.map((r) => ({ category: r.category, total: Number(r.total), unread: Number(r.unread), pending: Number(r.pending) }))
}
