// Each requestSubscribeMessage answer the mini program reports carries a client-made id, so a
// report retried after a lost response adds its credits once.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_credit_reports')
    .addColumn('user_id', 'bigint', (c) => c.unsigned().notNull())
    .addColumn('report_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
    .addPrimaryKeyConstraint('notification_credit_reports_pk', ['user_id', 'report_id'])
    .execute()
  await db.schema.createIndex('notification_credit_reports_created_idx').on('notification_credit_reports').column('created_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_credit_reports').execute()
}
