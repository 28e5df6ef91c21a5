// The inbox at a million messages: indexes that page every filter combination newest first
// without sorting an org's rows, a normalized search column, and per-bucket message counts.
//
// Every list index ends in (received_at, id) after its equality columns, then carries the
// columns the other filters test: a page's ids come from the index alone (MariaDB does not push
// conditions into a backward index scan, so a non-covering walk would read every row it skips),
// and only the shown rows are read.
import { sql, type Kysely } from 'kysely'

const LIST_INDEXES: [string, string[]][] = [
  ['messages_recent_idx', ['org_id', 'received_at', 'id', 'channel_id', 'category', 'status', 'is_read']],
  ['messages_category_idx', ['org_id', 'category', 'received_at', 'id', 'channel_id', 'status', 'is_read']],
  ['messages_channel_idx', ['channel_id', 'received_at', 'id', 'category', 'status', 'is_read']],
  // Open messages by deadline: the SLA filters (overdue, due within 2 h).
  ['messages_sla_idx', ['org_id', 'status', 'sla_due_at']],
  // Keyword search walks an org's messages newest first and tests the text in the index.
  ['messages_search_idx', ['org_id', 'received_at', 'id', 'channel_id', 'category', 'status', 'is_read', 'search_text']],
]

export async function up(db: Kysely<any>): Promise<void> {
  // Subject, buyer name, order id and buyer text, NFKC-normalized and lower-cased by the app,
  // compared byte for byte (LIKE on a binary column is several times faster than on a unicode
  // collation, and the app already folded case and width). 2000 bytes keep it indexable.
  await db.schema.alterTable('messages').addColumn('search_text', sql`varbinary(2000)`, (c) => c.notNull().defaultTo('')).execute()
  // Existing rows: lower-cased without NFKC (migrations do not import app code); reprocessing a
  // message writes the app's exact form.
  await sql`UPDATE messages SET search_text = CAST(LEFT(LOWER(CONCAT_WS('\n', subject, buyer_name, order_id, buyer_text)), 500) AS BINARY)`.execute(db)

  // The list's preview line, stored so that a page never reads bodies (long Amazon notices live
  // off-page). Existing rows: the raw start; the app collapses whitespace when presenting.
  await db.schema.alterTable('messages').addColumn('snippet', 'varchar(130)', (c) => c.notNull().defaultTo('')).execute()
  await sql`UPDATE messages SET snippet = LEFT(COALESCE(NULLIF(TRIM(buyer_text), ''), body_text), 121)`.execute(db)

  for (const [name, columns] of LIST_INDEXES) await db.schema.createIndex(name).on('messages').columns(columns).execute()
  // Superseded: the first is a prefix of messages_recent_idx, the second pages a channel only
  // within one category.
  await db.schema.dropIndex('messages_org_list_idx').on('messages').execute()
  await db.schema.dropIndex('messages_channel_list_idx').on('messages').execute()

  // Messages per (channel, category, status, read): the category badges without counting rows.
  // Kept exact by every writer of messages, in the writer's transaction.
  await db.schema
    .createTable('inbox_counts')
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull())
    .addColumn('channel_id', 'bigint', (c) => c.unsigned().notNull())
    .addColumn('category', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', sql`enum('pending','follow_up','processed','replied_on_platform')`, (c) => c.notNull())
    .addColumn('is_read', 'boolean', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbox_counts_pk', ['org_id', 'channel_id', 'category', 'status', 'is_read'])
    .execute()
  await sql`INSERT INTO inbox_counts (org_id, channel_id, category, status, is_read, n)
    SELECT org_id, channel_id, category, status, is_read, COUNT(*) FROM messages GROUP BY org_id, channel_id, category, status, is_read`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inbox_counts').execute()
  await db.schema.createIndex('messages_channel_list_idx').on('messages').columns(['org_id', 'channel_id', 'category', 'received_at', 'id']).execute()
  await db.schema.createIndex('messages_org_list_idx').on('messages').columns(['org_id', 'received_at', 'id']).execute()
  for (const [name] of LIST_INDEXES) await db.schema.dropIndex(name).on('messages').execute()
  await db.schema.alterTable('messages').dropColumn('snippet').execute()
  await db.schema.alterTable('messages').dropColumn('search_text').execute()
}
