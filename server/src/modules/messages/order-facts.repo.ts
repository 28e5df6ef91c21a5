// Order facts: what a channel's mail says about each of its orders, one row per (channel, order),
// so the detail view's order panel reads one row however many mails the order gathered.
//
// Every fact is stored with the stamp of the mail it came from (receive time in milliseconds,
// then the first hex digits of the raw message's sha256: a total order over the channel's mail),
// and a mail's fact replaces the stored one only when the mail is newer. Folding mail in is
// therefore order-free: mail stored late (a mailbox read again, unrouted mail routed days later)
// leaves exactly what storing everything newest-last would, and one INSERT … ON DUPLICATE KEY
// UPDATE records a whole batch without reading anything first.
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Db, Tx } from '../../db/kysely'
import type { NewMessageRow } from '../../db/schema'
import { clipOrNull } from '../../ingest/prepare'
import { NOTICE_KINDS, orderFactsOf, type OrderFacts, type OrderMail } from './order-panel'

/** A stored mail, as far as its order's facts go. */
export interface OrderMailRow extends OrderMail {
  orgId: number
  channelId: number
  orderId: string | null
  receivedAt: Date
  rawSha256: string
}

/** A message row about to be stored, as its order's facts read it. */
export function orderMailOf(row: NewMessageRow): OrderMailRow {
  return {
    orgId: row.orgId,
    channelId: row.channelId,
    orderId: row.orderId ?? null,
    receivedAt: row.receivedAt,
    rawSha256: row.rawSha256,
    kind: row.kind,
    asin: row.asin ?? null,
    productTitle: row.productTitle ?? null,
    quantity: row.quantity ?? null,
    bodyText: row.bodyText,
  }
}

/** The facts' columns and the longest value each holds. */
const FACTS: { key: keyof OrderFacts; column: string; max: number }[] = [
  { key: 'asin', column: 'asin', max: 10 },
  { key: 'productTitle', column: 'product_title', max: 500 },
  { key: 'quantity', column: 'quantity', max: 0 },
  { key: 'refundAmount', column: 'refund_amount', max: 64 },
  { key: 'returnReason', column: 'return_reason', max: 500 },
  { key: 'claimState', column: 'claim_state', max: 16 },
]

/** Rows per statement: 15 placeholders each. */
const CHUNK = 500

/** Sorts like the mail it stamps: receive time, then the raw message's hash (29 characters). */
export function stampOf(receivedAt: Date, rawSha256: string): string {
  return `${String(receivedAt.getTime()).padStart(13, '0')}${rawSha256.slice(0, 16)}`
}

const INSERT_COLUMNS = sql.raw(['channel_id', 'order_id', 'org_id', ...FACTS.flatMap((f) => [f.column, `${f.column}_at`])].join(', '))
/**
 * The newer stamp wins, fact by fact; a mail that does not state a fact carries no stamp for it
 * and changes nothing. The value is assigned before its stamp, so both compare the stored stamp.
 */
const MERGE = sql.raw(
  FACTS.flatMap(({ column }) => {
    const newer = `values(${column}_at) > coalesce(${column}_at, '')`
    return [`${column} = if(${newer}, values(${column}), ${column})`, `${column}_at = if(${newer}, values(${column}_at), ${column}_at)`]
  }).join(', '),
)

function valuesOf(mail: OrderMailRow & { orderId: string }): RawBuilder<unknown> {
  const facts = orderFactsOf(mail)
  const stamp = stampOf(mail.receivedAt, mail.rawSha256)
  const cells = FACTS.flatMap(({ key, max }) => {
    const value = facts[key]
    if (value === null || value === undefined) return [null, null]
    return [typeof value === 'string' ? clipOrNull(value, max) : value, stamp]
  })
  return sql`(${sql.join([mail.channelId, mail.orderId, mail.orgId, ...cells])})`
}

/**
 * Folds stored mail into its orders' facts (mail without an order is skipped). Runs in the
 * caller's transaction; rows are written in key order so two batches never lock the same two
 * orders in opposite orders.
 */
export async function recordOrderFacts(db: Db | Tx | Kysely<any>, mails: OrderMailRow[]): Promise<void> {
  const withOrder = mails
    .filter((m): m is OrderMailRow & { orderId: string } => !!m.orderId)
    .sort((a, b) => a.channelId - b.channelId || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0))
  for (let i = 0; i < withOrder.length; i += CHUNK) {
    const rows = sql.join(withOrder.slice(i, i + CHUNK).map(valuesOf))
    await sql`insert into order_facts (${INSERT_COLUMNS}) values ${rows} on duplicate key update ${MERGE}`.execute(db)
  }
}

/** Messages read per round when rebuilding every order. */
const REBUILD_PAGE = 5000

/** Body text only of the notices whose text the facts read. */
const ORDER_MAIL_COLUMNS = sql`id, org_id as orgId, channel_id as channelId, order_id as orderId, received_at as receivedAt,
  raw_sha256 as rawSha256, kind, asin, product_title as productTitle, quantity,
  case when kind in (${sql.join(NOTICE_KINDS)}) then body_text end as bodyText`

/**
 * Recomputes order facts from the stored mail: of the given orders, or of every order when none
 * are given (the migration that added the table; a repair after a bug in the extraction).
 */
export async function rebuildOrderFacts(db: Db | Tx | Kysely<any>, orders?: { orgId: number; channelId: number; orderId: string }[]): Promise<void> {
  if (orders) {
    for (const { orgId, channelId, orderId } of orders) {
      await sql`delete from order_facts where channel_id = ${channelId} and order_id = ${orderId}`.execute(db)
      const { rows } = await sql<OrderMailRow>`select ${ORDER_MAIL_COLUMNS} from messages
        where org_id = ${orgId} and order_id = ${orderId} and channel_id = ${channelId}`.execute(db)
      await recordOrderFacts(db, rows)
    }
    return
  }
  await sql`delete from order_facts`.execute(db)
  let after = 0
  for (;;) {
    const { rows } = await sql<OrderMailRow & { id: number }>`select ${ORDER_MAIL_COLUMNS} from messages
      where id > ${after} and order_id is not null order by id limit ${REBUILD_PAGE}`.execute(db)
    if (!rows.length) return
    await recordOrderFacts(db, rows)
    after = rows[rows.length - 1]!.id
  }
}
