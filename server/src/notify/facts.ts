// What the dispatcher reads about messages: their category, store, marketplace, text and deadline.
import { NOTIFY_CATEGORIES } from '@sellerinbox/shared/api/notifications'
import type { Db, Tx } from '../db/kysely'
import type { MessageFacts } from './content'

export interface MessageRecord extends MessageFacts {
  /** Inbound, not suspicious, of a category rules can ask for, in a store that is not archived. */
  notifiable: boolean
  /** Still waiting for someone (pending or follow-up). */
  open: boolean
}

const OPEN_STATUSES = new Set(['pending', 'follow_up'])

export async function loadMessages(db: Db | Tx, ids: number[]): Promise<MessageRecord[]> {
  if (!ids.length) return []
  const rows = await db
    .selectFrom('messages')
    .innerJoin('channels', 'channels.id', 'messages.channelId')
    .innerJoin('stores', 'stores.id', 'channels.storeId')
    .select([
      'messages.id',
      'messages.orgId',
      'messages.category',
      'messages.kind',
      'messages.direction',
      'messages.suspicious',
      'messages.status',
      'messages.subject',
      'messages.buyerText',
      'messages.receivedAt',
      'messages.slaDueAt',
      'channels.id as channelId',
      'channels.marketplace',
      'stores.id as storeId',
      'stores.name as storeName',
      'stores.archivedAt',
    ])
    .where('messages.id', 'in', ids)
    .orderBy('messages.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    category: r.category,
    kind: r.kind,
    storeId: r.storeId,
    storeName: r.storeName,
    channelId: r.channelId,
    marketplace: r.marketplace,
    subject: r.subject,
    buyerText: r.buyerText,
    receivedAt: r.receivedAt,
    slaDueAt: r.slaDueAt,
    notifiable: r.direction === 'in' && !r.suspicious && r.archivedAt === null && (NOTIFY_CATEGORIES as readonly string[]).includes(r.category),
    open: OPEN_STATUSES.has(r.status),
  }))
}
