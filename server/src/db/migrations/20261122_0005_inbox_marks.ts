// Working the inbox: org tags, the tags on each message (at most 2, enforced by the service),
// and the event log of every mark a user makes (status, read, replied on platform, tags).
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tags')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('name', 'varchar(20)', (c) => c.notNull())
    .addColumn('color', 'char(7)', (c) => c.notNull())
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addUniqueConstraint('tags_org_name_uq', ['org_id', 'name'])
    .execute()

  await db.schema
    .createTable('message_tags')
    .addColumn('message_id', 'bigint', (c) => c.unsigned().notNull().references('messages.id').onDelete('cascade'))
    .addColumn('tag_id', 'bigint', (c) => c.unsigned().notNull().references('tags.id').onDelete('cascade'))
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull())
    // The message's received_at, copied (it never changes) so a tag's messages page newest first
    // straight from this table's index instead of sorting every tagged message.
    .addColumn('received_at', 'datetime(3)', (c) => c.notNull())
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addPrimaryKeyConstraint('message_tags_pk', ['message_id', 'tag_id'])
    .execute()
  await db.schema.createIndex('message_tags_list_idx').on('message_tags').columns(['org_id', 'tag_id', 'received_at', 'message_id']).execute()
  await db.schema.createIndex('message_tags_tag_idx').on('message_tags').columns(['tag_id', 'message_id']).execute()

  await db.schema
    .createTable('message_events')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('message_id', 'bigint', (c) => c.unsigned().notNull().references('messages.id').onDelete('cascade'))
    // Who, as they were then: a removed sub-account's changes keep its id and name.
    .addColumn('user_id', 'bigint', (c) => c.unsigned().notNull())
    .addColumn('user_name', 'varchar(40)', (c) => c.notNull())
    // 'status:<status>', 'replied_on_platform', 'read', 'unread', 'tag_added:<name>', 'tag_removed:<name>'.
    .addColumn('change', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .execute()
  await db.schema.createIndex('message_events_message_idx').on('message_events').columns(['message_id', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('message_events').execute()
  await db.schema.dropTable('message_tags').execute()
  await db.schema.dropTable('tags').execute()
}
