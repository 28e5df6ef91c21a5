// IMAP accounts to ingest, and per-mailbox sync state (filled by ingestion, #3).
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_sources')
    .addColumn('id', 'bigint', (c) => c.unsigned().autoIncrement().primaryKey())
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('host', 'varchar(253)', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.unsigned().notNull())
    .addColumn('tls_mode', sql`enum('tls','starttls','none')`, (c) => c.notNull())
    .addColumn('username', 'varchar(191)', (c) => c.notNull())
    // AES-256-GCM ciphertext (see lib/secret-box.ts); the plain password is never stored or logged.
    .addColumn('password_enc', 'varchar(1024)', (c) => c.notNull())
    .addColumn('mailbox', 'varchar(191)', (c) => c.notNull().defaultTo('INBOX'))
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .execute()
  await db.schema.createIndex('mail_sources_org_idx').on('mail_sources').column('org_id').execute()

  await db.schema
    .createTable('mailbox_sync')
    .addColumn('source_id', 'bigint', (c) => c.unsigned().notNull().references('mail_sources.id').onDelete('cascade'))
    .addColumn('mailbox', 'varchar(191)', (c) => c.notNull())
    .addColumn('uidvalidity', 'bigint', (c) => c.unsigned())
    .addColumn('last_uid', 'bigint', (c) => c.unsigned().notNull().defaultTo(0))
    .addColumn('highest_modseq', 'bigint', (c) => c.unsigned())
    .addColumn('lease_owner', 'varchar(64)')
    .addColumn('lease_expires_at', 'datetime(3)')
    .addColumn('last_success_at', 'datetime(3)')
    .addColumn('last_error', 'varchar(1000)')
    .addColumn('last_error_at', 'datetime(3)')
    .addPrimaryKeyConstraint('mailbox_sync_pk', ['source_id', 'mailbox'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mailbox_sync').execute()
  await db.schema.dropTable('mail_sources').execute()
}
