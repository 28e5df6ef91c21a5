// Reads for replies: the message being answered (scoped by org and store access), the org's
// forbidden words and blacklist, and outbox rows.
import type { Db, Tx } from '../../db/kysely'
import type { MessageRow } from '../../db/schema'
import { notFound } from '../../lib/errors'
import type { Actor } from '../actor'
import { visibleStores } from '../stores/stores.repo'
import { buyerKeyOf } from '../../ingest/threading'

export interface AnsweredMessage extends MessageRow {
  storeId: number
  storeName: string
  channelMarketplace: string
  dedicatedAddress: string
}

export async function getAnsweredMessage(db: Db | Tx, actor: Actor, id: number): Promise<AnsweredMessage> {
  const row = await db
    .selectFrom('messages')
    .innerJoin('channels', 'channels.id', 'messages.channelId')
    .innerJoin('stores', 'stores.id', 'channels.storeId')
    .selectAll('messages')
    .select(['stores.id as storeId', 'stores.name as storeName', 'channels.marketplace as channelMarketplace', 'channels.dedicatedAddress'])
    .where('messages.orgId', '=', actor.orgId)
    .where('messages.id', '=', id)
    .where('channels.storeId', 'in', visibleStores(db, actor).clearSelect().select('stores.id'))
    .executeTakeFirst()
  if (!row) throw notFound('message')
  return row as AnsweredMessage
}

export async function isBlacklisted(db: Db | Tx, orgId: number, message: Pick<MessageRow, 'replyTo' | 'orderId'>): Promise<boolean> {
  const values: { kind: 'relay' | 'order'; value: string }[] = []
  if (message.replyTo) values.push({ kind: 'relay', value: buyerKeyOf(message.replyTo) })
  if (message.orderId) values.push({ kind: 'order', value: message.orderId })
  if (!values.length) return false
  const hit = await db
    .selectFrom('blacklist')
    .select('id')
    .where('orgId', '=', orgId)
    .where((eb) => eb.or(values.map((v) => eb.and([eb('kind', '=', v.kind), eb('value', '=', v.value)]))))
    .executeTakeFirst()
  return !!hit
}

export async function orgForbiddenWords(db: Db | Tx, orgId: number) {
  return db.selectFrom('forbiddenWords').select(['id', 'word', 'language']).where('orgId', '=', orgId).orderBy('word').execute()
}

/** True when the conversation holds a buyer message: then the seller is answering, not starting. */
export async function conversationHasBuyerMessage(db: Db | Tx, conversationId: number | null, messageKind: string): Promise<boolean> {
  if (messageKind === 'buyer_message') return true
  if (!conversationId) return false
  const row = await db.selectFrom('messages').select('id').where('conversationId', '=', conversationId).where('kind', '=', 'buyer_message').executeTakeFirst()
  return !!row
}
