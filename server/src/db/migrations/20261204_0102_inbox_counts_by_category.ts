// Category badges add up an org's counter rows by category. The primary key orders them by
// channel, so MariaDB grouped them through a temporary table and a sort on every inbox view;
// this index holds every counter column in category order, so the sum streams from it.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('inbox_counts_category_idx')
    .on('inbox_counts')
    .columns(['org_id', 'category', 'status', 'is_read', 'channel_id', 'n'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('inbox_counts_category_idx').on('inbox_counts').execute()
}
