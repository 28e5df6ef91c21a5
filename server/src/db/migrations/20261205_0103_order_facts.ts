// What a channel's mail says about each order, kept per order as mail arrives (DESIGN §4, order
// panel): the detail view reads one row instead of every mail about the order. Each fact keeps
// the stamp of the mail it came from, so mail stored out of order (a mailbox read again, unrouted
// mail routed later) still leaves the newest mail's word (modules/messages/order-facts.repo.ts).
// Orders of mail stored before this table existed are filled in here (again, if a first run stopped midway).
import type { Kysely } from 'kysely'
import { rebuildOrderFacts } from '../../modules/messages/order-facts.repo'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('order_facts')
    .ifNotExists()
    .addColumn('channel_id', 'bigint', (c) => c.unsigned().notNull().references('channels.id'))
    .addColumn('order_id', 'varchar(19)', (c) => c.notNull())
    .addColumn('org_id', 'bigint', (c) => c.unsigned().notNull().references('orgs.id'))
    .addColumn('asin', 'varchar(10)')
    .addColumn('asin_at', 'char(29)')
    .addColumn('product_title', 'varchar(500)')
    .addColumn('product_title_at', 'char(29)')
    .addColumn('quantity', 'integer')
    .addColumn('quantity_at', 'char(29)')
    .addColumn('refund_amount', 'varchar(64)')
    .addColumn('refund_amount_at', 'char(29)')
    .addColumn('return_reason', 'varchar(500)')
    .addColumn('return_reason_at', 'char(29)')
    .addColumn('claim_state', 'varchar(16)')
    .addColumn('claim_state_at', 'char(29)')
    .addPrimaryKeyConstraint('order_facts_pk', ['channel_id', 'order_id'])
    .execute()
  await rebuildOrderFacts(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('order_facts').execute()
}
