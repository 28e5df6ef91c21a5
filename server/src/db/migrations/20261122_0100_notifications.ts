// WeChat notifications (DESIGN §7): rules per recipient, subscription credits per user × template,
// the intake of newly stored messages, notifications (each one push, planned or made) and the
// messages each covers, the shared access-token cache, and subscription events pushed by WeChat.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_rules')
    .addColumn('user_id', 'bigint', (c) => c.unsigned().primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    // Chosen by the main account (always true for the main account itself).
    .addColumn('recipient', 'boolean', (c) => c.notNull())
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    // Comma-separated categories (amazon, buyer_message, qa, refund, atoz_claim).
    .addColumn('categories', 'varchar(100)', (c) => c.notNull())
    // Bit (weekday - 1) for ISO weekdays Monday = 1 … Sunday = 7.
    .addColumn('days', sql`tinyint unsigned`, (c) => c.notNull())
    // Minutes after local midnight.
    .addColumn('window_start', 'smallint', (c) => c.unsigned().notNull())
    .addColumn('window_end', 'smallint', (c) => c.unsigned().notNull())
    .addColumn('end_next_day', 'boolean', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    // Comma-separated store ids; NULL = every store the recipient may see.
    .addColumn('store_ids', 'text')
    // Cool-down state: when this recipient last got (or was promised) a push.
    .addColumn('last_push_at', 'datetime(3)')
    .addColumn('updated_by', 'bigint', (c) => c.unsigned())
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .execute()
  await db.schema.createIndex('notification_rules_org_idx').on('notification_rules').columns(['org_id', 'recipient', 'enabled']).execute()

  await db.schema
    .createTable('notification_credits')
    .addColumn('user_id', 'bigint', (c) => c.unsigned().notNull().references('users.id').onDelete('cascade'))
    .addColumn('template_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('balance', 'integer', (c) => c.unsigned().notNull().defaultTo(0))
    // The last requestSubscribeMessage answer for this template: accept, reject, ban or filter.
    .addColumn('last_result', 'varchar(8)')
    .addColumn('last_result_at', 'datetime(3)')
    .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addPrimaryKeyConstraint('notification_credits_pk', ['user_id', 'template_id'])
    .execute()

  // Written in the same transaction as the messages it names (ingest/store.ts), consumed by the
  // planner: nothing stored is ever missed, nothing is planned twice.
  await db.schema
    .createTable('notification_intake')
    .addColumn('message_id', 'bigint', (c) => c.unsigned().primaryKey().references('messages.id').onDelete('cascade'))
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull())
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .execute()

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('user_id', 'bigint', (c) => c.unsigned().notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', sql`enum('message','digest','sla_reminder')`, (c) => c.notNull())
    // Why it exists — new: pushed at once; cooldown: digest when the cool-down ends; window: digest when the
    // window opens; sla: reminder before a deadline.
    .addColumn('cause', sql`enum('new','cooldown','window','sla')`, (c) => c.notNull())
    .addColumn('status', sql`enum('pending','sending','sent','no_credit','failed','unknown','dropped')`, (c) => c.notNull())
    // The message of a single push or reminder, the first message of a digest: unique per user and
    // kind, so a message is planned once per recipient.
    .addColumn('message_id', 'bigint', (c) => c.unsigned().references('messages.id').onDelete('set null'))
    .addColumn('message_count', 'integer', (c) => c.unsigned().notNull().defaultTo(0))
    .addColumn('due_at', 'datetime(3)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.unsigned().notNull().defaultTo(0))
    // The intent, recorded before the HTTP call: who sends, when, and exactly what.
    .addColumn('claimed_by', 'varchar(80)')
    .addColumn('sending_at', 'datetime(3)')
    .addColumn('template_id', 'varchar(128)')
    .addColumn('page', 'varchar(255)')
    .addColumn('payload', 'text')
    .addColumn('title', 'varchar(100)')
    .addColumn('sent_at', 'datetime(3)')
    .addColumn('wechat_msgid', 'bigint', (c) => c.unsigned())
    .addColumn('errcode', 'integer')
    .addColumn('error', 'varchar(255)')
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull())
    .addColumn('updated_at', 'datetime(3)', (c) => c.notNull())
    .addUniqueConstraint('notifications_once_uq', ['user_id', 'kind', 'message_id'])
    .execute()
  await db.schema.createIndex('notifications_due_idx').on('notifications').columns(['status', 'due_at']).execute()
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'status', 'kind']).execute()
  await db.schema.createIndex('notifications_log_idx').on('notifications').columns(['user_id', 'id']).execute()

  await db.schema
    .createTable('notification_messages')
    .addColumn('notification_id', 'bigint', (c) => c.unsigned().notNull().references('notifications.id').onDelete('cascade'))
    .addColumn('message_id', 'bigint', (c) => c.unsigned().notNull().references('messages.id').onDelete('cascade'))
    .addColumn('user_id', 'bigint', (c) => c.unsigned().notNull())
    .addPrimaryKeyConstraint('notification_messages_pk', ['notification_id', 'message_id'])
    // A new message is announced to a recipient once, by one push or one digest.
    .addUniqueConstraint('notification_messages_once_uq', ['user_id', 'message_id'])
    .execute()
  await db.schema.createIndex('notification_messages_message_idx').on('notification_messages').column('message_id').execute()

  // One cached access token per appid for every instance; refreshed under this row's lock.
  await db.schema
    .createTable('wechat_access_tokens')
    .addColumn('appid', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('access_token', 'varchar(600)')
    .addColumn('expires_at', 'datetime(3)')
    .addColumn('fetched_at', 'datetime(3)')
    .execute()

  await db.schema
    .createTable('wechat_subscribe_events')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('openid', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_id', 'bigint', (c) => c.unsigned().references('users.id').onDelete('set null'))
    .addColumn('event', 'varchar(40)', (c) => c.notNull())
    .addColumn('template_id', 'varchar(128)', (c) => c.notNull())
    // accept / reject (popup, change) or the send result (sent event).
    .addColumn('status', 'varchar(40)', (c) => c.notNull())
    .addColumn('wechat_created_at', 'datetime(3)')
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .execute()
  await db.schema.createIndex('wechat_subscribe_events_user_idx').on('wechat_subscribe_events').columns(['user_id', 'template_id']).execute()

  // SLA reminders look for buyer messages whose deadline is near.
  await db.schema.createIndex('messages_notify_sla_idx').on('messages').columns(['sla_due_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('messages_notify_sla_idx').on('messages').execute()
  await db.schema.dropTable('wechat_subscribe_events').execute()
  await db.schema.dropTable('wechat_access_tokens').execute()
  await db.schema.dropTable('notification_messages').execute()
  await db.schema.dropTable('notifications').execute()
  await db.schema.dropTable('notification_intake').execute()
  await db.schema.dropTable('notification_credits').execute()
  await db.schema.dropTable('notification_rules').execute()
}
