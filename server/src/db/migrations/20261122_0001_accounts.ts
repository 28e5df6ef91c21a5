// Orgs, users, sign-in state (refresh tokens, QR tickets) and invites.
// Migrations never import app code: the schema here is frozen history.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('orgs')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('role', sql`enum('main','sub')`, (c) => c.notNull())
    .addColumn('openid', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(40)', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull().defaultTo('Asia/Shanghai'))
    .addColumn('locale', 'varchar(8)', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .execute()
  await db.schema.createIndex('users_org_idx').on('users').columns(['org_id', 'role']).execute()

  await db.schema
    .createTable('refresh_tokens')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.unsigned().notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'char(64)', (c) => c.notNull().unique())
    .addColumn('expires_at', 'datetime(3)', (c) => c.notNull())
    .addColumn('revoked_at', 'datetime(3)')
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .execute()
  await db.schema.createIndex('refresh_tokens_user_idx').on('refresh_tokens').column('user_id').execute()
  await db.schema.createIndex('refresh_tokens_expiry_idx').on('refresh_tokens').column('expires_at').execute()

  await db.schema
    .createTable('qr_login_tickets')
    .addColumn('ticket', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('poll_token_hash', 'char(64)', (c) => c.notNull())
    .addColumn('user_id', 'bigint', (c) => c.unsigned().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'datetime(3)', (c) => c.notNull())
    .addColumn('confirmed_at', 'datetime(3)')
    .addColumn('consumed_at', 'datetime(3)')
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .execute()
  await db.schema.createIndex('qr_login_tickets_expiry_idx').on('qr_login_tickets').column('expires_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('qr_login_tickets').execute()
  await db.schema.dropTable('refresh_tokens').execute()
  await db.schema.dropTable('users').execute()
  await db.schema.dropTable('orgs').execute()
}
