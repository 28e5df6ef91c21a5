// Stores, their marketplace channels with dedicated addresses, sub-account store access and invites.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stores')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('region', sql`enum('NA','EU','FE')`, (c) => c.notNull())
    .addColumn('archived_at', 'datetime(3)')
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .execute()
  await db.schema.createIndex('stores_org_idx').on('stores').columns(['org_id', 'archived_at']).execute()

  await db.schema
    .createTable('channels')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('store_id', 'bigint', (c) => c.unsigned().notNull().references('stores.id'))
    .addColumn('marketplace', 'char(2)', (c) => c.notNull())
    // Stored lower-case; routing compares lower-cased recipients against it.
    .addColumn('dedicated_address', 'varchar(191)', (c) => c.notNull().unique())
    .addColumn('binding_status', sql`enum('unbound','bound')`, (c) => c.notNull().defaultTo('unbound'))
    .addColumn('bound_at', 'datetime(3)')
    .addColumn('bound_by', 'bigint', (c) => c.unsigned().references('users.id').onDelete('set null'))
    .addColumn('last_mail_at', 'datetime(3)')
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addUniqueConstraint('channels_store_marketplace_uq', ['store_id', 'marketplace'])
    .execute()
  await db.schema.createIndex('channels_org_idx').on('channels').column('org_id').execute()

  await db.schema
    .createTable('user_store_access')
    .addColumn('user_id', 'bigint', (c) => c.unsigned().notNull().references('users.id').onDelete('cascade'))
    .addColumn('store_id', 'bigint', (c) => c.unsigned().notNull().references('stores.id').onDelete('cascade'))
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('granted_by', 'bigint', (c) => c.unsigned().references('users.id').onDelete('set null'))
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addPrimaryKeyConstraint('user_store_access_pk', ['user_id', 'store_id'])
    .execute()
  await db.schema.createIndex('user_store_access_store_idx').on('user_store_access').column('store_id').execute()

  await db.schema
    .createTable('invites')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('token_hash', 'char(64)', (c) => c.notNull().unique())
    .addColumn('note', 'varchar(40)')
    // JSON array of store ids granted on acceptance; checked against the org again at that moment.
    .addColumn('store_ids', 'text', (c) => c.notNull())
    .addColumn('created_by', 'bigint', (c) => c.unsigned().notNull().references('users.id'))
    .addColumn('expires_at', 'datetime(3)', (c) => c.notNull())
    .addColumn('accepted_by', 'bigint', (c) => c.unsigned().references('users.id').onDelete('set null'))
    .addColumn('accepted_at', 'datetime(3)')
    .addColumn('revoked_at', 'datetime(3)')
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .execute()
  await db.schema.createIndex('invites_org_idx').on('invites').columns(['org_id', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('invites').execute()
  await db.schema.dropTable('user_store_access').execute()
  await db.schema.dropTable('channels').execute()
  await db.schema.dropTable('stores').execute()
}
