// The migration list, in order. Imported statically so the same list runs under tsx, vitest and
// any bundler; add each new migration file here.
import type { Migration } from 'kysely'
import * as accounts from './20261122_0001_accounts'
import * as stores from './20261122_0002_stores'
import * as mailSources from './20261122_0003_mail_sources'
import * as messages from './20261122_0004_messages'
import * as inboxMarks from './20261122_0005_inbox_marks'
import * as inboxIndexes from './20261122_0006_inbox_indexes'
import * as notifications from './20261122_0100_notifications'
import * as creditReports from './20261204_0101_credit_reports'
import * as inboxCountsByCategory from './20261204_0102_inbox_counts_by_category'
import * as orderFacts from './20261205_0103_order_facts'
import * as replies from './20261122_0200_replies'

export const migrations: Record<string, Migration> = {
  '20261122_0001_accounts': accounts,
  '20261122_0002_stores': stores,
  '20261122_0003_mail_sources': mailSources,
  '20261122_0004_messages': messages,
  '20261122_0005_inbox_marks': inboxMarks,
  '20261122_0006_inbox_indexes': inboxIndexes,
  '20261122_0100_notifications': notifications,
  '20261122_0200_replies': replies,
  '20261204_0101_credit_reports': creditReports,
  '20261204_0102_inbox_counts_by_category': inboxCountsByCategory,
  '20261205_0103_order_facts': orderFacts,
}
