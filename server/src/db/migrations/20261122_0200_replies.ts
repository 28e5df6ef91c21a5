// Replies: templates, forbidden words, blacklist, uploads, the outbox with its attachments, and
// per-org SMTP relay settings. The outbox's idempotency key is unique per org.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reply_templates')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('marketplace', 'char(2)')
    .addColumn('language', 'varchar(8)')
    .addColumn('created_by', 'bigint', (c) => c.unsigned().references('users.id').onDelete('set null'))
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .execute()
  await db.schema.createIndex('reply_templates_org_idx').on('reply_templates').column('org_id').execute()

  await db.schema
    .createTable('forbidden_words')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('word', 'varchar(100)', (c) => c.notNull())
    .addColumn('language', 'varchar(8)')
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addUniqueConstraint('forbidden_words_uq', ['org_id', 'word'])
    .execute()

  await db.schema
    .createTable('blacklist')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('kind', sql`enum('relay','order')`, (c) => c.notNull())
    // Relay aliases without their +case part, lower case; order ids as written by Amazon.
    .addColumn('value', 'varchar(320)', (c) => c.notNull())
    .addColumn('note', 'varchar(200)')
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addUniqueConstraint('blacklist_uq', ['org_id', 'kind', 'value'])
    .execute()

  await db.schema
    .createTable('uploads')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('user_id', 'bigint', (c) => c.unsigned().references('users.id').onDelete('set null'))
    .addColumn('filename', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(127)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.unsigned().notNull())
    .addColumn('sha256', 'char(64)', (c) => c.notNull())
    .addColumn('storage_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('expires_at', 'datetime(3)', (c) => c.notNull())
    .addColumn('used_at', 'datetime(3)')
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .execute()
  await db.schema.createIndex('uploads_expiry_idx').on('uploads').columns(['used_at', 'expires_at']).execute()

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('channel_id', 'bigint', (c) => c.unsigned().notNull().references('channels.id'))
    .addColumn('message_id', 'bigint', (c) => c.unsigned().notNull().references('messages.id'))
    .addColumn('conversation_id', 'bigint', (c) => c.unsigned().references('conversations.id'))
    .addColumn('user_id', 'bigint', (c) => c.unsigned().references('users.id').onDelete('set null'))
    .addColumn('idempotency_key', 'varchar(80)', (c) => c.notNull())
    .addColumn('from_address', 'varchar(320)', (c) => c.notNull())
    .addColumn('to_address', 'varchar(320)', (c) => c.notNull())
    .addColumn('subject', 'varchar(998)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('in_reply_to', 'varchar(998)')
    .addColumn('order_id', 'varchar(19)')
    .addColumn('mark_processed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('state', sql`enum('queued','sending','sent','failed','unknown','rejected_by_amazon')`, (c) => c.notNull().defaultTo('queued'))
    .addColumn('attempts', 'integer', (c) => c.unsigned().notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addColumn('last_error', 'varchar(1000)')
    .addColumn('smtp_response', 'varchar(1000)')
    // Our Message-ID header, fixed before the first attempt so every attempt sends the same email.
    .addColumn('email_message_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('sent_message_id', 'bigint', (c) => c.unsigned())
    .addColumn('sending_since', 'datetime(3)')
    .addColumn('sent_at', 'datetime(3)')
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addUniqueConstraint('outbox_idempotency_uq', ['org_id', 'idempotency_key'])
    .execute()
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['state', 'next_attempt_at']).execute()
  await db.schema.createIndex('outbox_message_idx').on('outbox').columns(['message_id', 'created_at']).execute()
  await db.schema.createIndex('outbox_order_idx').on('outbox').columns(['channel_id', 'order_id']).execute()

  await db.schema
    .createTable('outbox_attachments')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('outbox_id', 'bigint', (c) => c.unsigned().notNull().references('outbox.id').onDelete('cascade'))
    .addColumn('filename', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(127)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.unsigned().notNull())
    .addColumn('sha256', 'char(64)', (c) => c.notNull())
    .addColumn('storage_key', 'varchar(200)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('outbox_attachments_outbox_idx').on('outbox_attachments').column('outbox_id').execute()

  await db.schema
    .createTable('smtp_relays')
    .addColumn('org_id', 'bigint', (c) => c.unsigned().primaryKey().references('orgs.id'))
    .addColumn('host', 'varchar(253)', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.unsigned().notNull())
    .addColumn('tls_mode', sql`enum('tls','starttls','none')`, (c) => c.notNull())
    .addColumn('username', 'varchar(191)')
    .addColumn('password_enc', 'varchar(1024)')
    .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('smtp_relays').execute()
  await db.schema.dropTable('outbox_attachments').execute()
  await db.schema.dropTable('outbox').execute()
  await db.schema.dropTable('uploads').execute()
  await db.schema.dropTable('blacklist').execute()
  await db.schema.dropTable('forbidden_words').execute()
  await db.schema.dropTable('reply_templates').execute()
}
