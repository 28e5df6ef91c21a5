// The org's reply settings: templates (with preview), its own forbidden words, and the blacklist
// of buyers and orders never to email. Writes are for the main account (enforced at the route).
import type { BlacklistEntry, ForbiddenWordItem, ReplyTemplate, ReplyTemplateBody, TemplatePreview } from '@sellerinbox/shared/api/replies'
import { renderTemplate, unknownPlaceholders } from '@sellerinbox/shared/domain/reply-template'
import type { Db } from '../../db/kysely'
import { isDuplicateKey } from '../../db/errors'
import { AppError, notFound } from '../../lib/errors'
import { buyerKeyOf } from '../../ingest/threading'
import type { Actor } from '../actor'
import { getAnsweredMessage, orgForbiddenWords } from './replies.repo'
import { presentBlacklistEntry, presentForbiddenWord, presentTemplate } from './replies.presenter'

export async function listTemplates(db: Db, actor: Actor): Promise<ReplyTemplate[]> {
  const rows = await db.selectFrom('replyTemplates').selectAll().where('orgId', '=', actor.orgId).orderBy('name').execute()
  return rows.map(presentTemplate)
}

function assertPlaceholders(body: string): void {
  const unknown = unknownPlaceholders(body)
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', `Unknown variable ${unknown.map((u) => `{{${u}}}`).join(', ')}; use buyerName, orderId, asin, productTitle, storeName or marketplace`, [
      { path: 'body/body', message: 'contains unknown variables' },
    ])
  }
}

export async function saveTemplate(db: Db, actor: Actor, input: ReplyTemplateBody, id?: number): Promise<ReplyTemplate> {
  assertPlaceholders(input.body)
  const values = { name: input.name.trim(), body: input.body, marketplace: input.marketplace ?? null, language: input.language ?? null }
  if (id === undefined) {
    const result = await db.insertInto('replyTemplates').values({ orgId: actor.orgId, createdBy: actor.userId, ...values }).executeTakeFirstOrThrow()
    id = Number(result.insertId)
  } else {
    const result = await db.updateTable('replyTemplates').set({ ...values, updatedAt: new Date() }).where('orgId', '=', actor.orgId).where('id', '=', id).executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) throw notFound('template')
  }
  return presentTemplate(await db.selectFrom('replyTemplates').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
}

export async function deleteTemplate(db: Db, actor: Actor, id: number): Promise<void> {
  const result = await db.deleteFrom('replyTemplates').where('orgId', '=', actor.orgId).where('id', '=', id).executeTakeFirst()
  if (Number(result.numDeletedRows) === 0) throw notFound('template')
}

export async function previewTemplate(db: Db, actor: Actor, id: number, messageId: number): Promise<TemplatePreview> {
  const template = await db.selectFrom('replyTemplates').selectAll().where('orgId', '=', actor.orgId).where('id', '=', id).executeTakeFirst()
  if (!template) throw notFound('template')
  const message = await getAnsweredMessage(db, actor, messageId)
  return renderTemplate(template.body, {
    buyerName: message.buyerName,
    orderId: message.orderId,
    asin: message.asin,
    productTitle: message.productTitle,
    storeName: message.storeName,
    marketplace: message.channelMarketplace,
  })
}

export async function listForbiddenWords(db: Db, actor: Actor): Promise<ForbiddenWordItem[]> {
  return (await orgForbiddenWords(db, actor.orgId)).map(presentForbiddenWord)
}

export async function addForbiddenWord(db: Db, actor: Actor, input: { word: string; language?: string | null }): Promise<ForbiddenWordItem> {
  const word = input.word.trim()
  try {
    const result = await db.insertInto('forbiddenWords').values({ orgId: actor.orgId, word, language: input.language ?? null }).executeTakeFirstOrThrow()
    return { id: Number(result.insertId), word, language: input.language ?? null }
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('VALIDATION_FAILED', `"${word}" is already on the list`)
    throw error
  }
}

export async function deleteForbiddenWord(db: Db, actor: Actor, id: number): Promise<void> {
  const result = await db.deleteFrom('forbiddenWords').where('orgId', '=', actor.orgId).where('id', '=', id).executeTakeFirst()
  if (Number(result.numDeletedRows) === 0) throw notFound('forbidden word')
}

export async function listBlacklist(db: Db, actor: Actor): Promise<BlacklistEntry[]> {
  const rows = await db.selectFrom('blacklist').selectAll().where('orgId', '=', actor.orgId).orderBy('createdAt', 'desc').execute()
  return rows.map(presentBlacklistEntry)
}

/** Relay addresses are kept without their `+case` part, so one entry covers every case of that buyer. */
export function normalizeBlacklistValue(kind: 'relay' | 'order', value: string): string {
  const trimmed = value.trim()
  if (kind === 'relay') {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) throw new AppError('VALIDATION_FAILED', 'Enter the buyer relay address, e.g. abc123xyz@marketplace.amazon.com')
    return buyerKeyOf(trimmed)
  }
  if (!/^\d{3}-\d{7}-\d{7}$/.test(trimmed)) throw new AppError('VALIDATION_FAILED', 'Enter the order id as 123-1234567-1234567')
  return trimmed
}

export async function addBlacklistEntry(db: Db, actor: Actor, input: { kind: 'relay' | 'order'; value: string; note?: string }): Promise<BlacklistEntry> {
  const value = normalizeBlacklistValue(input.kind, input.value)
  try {
    const result = await db.insertInto('blacklist').values({ orgId: actor.orgId, kind: input.kind, value, note: input.note ?? null }).executeTakeFirstOrThrow()
    return presentBlacklistEntry((await db.selectFrom('blacklist').selectAll().where('id', '=', Number(result.insertId)).executeTakeFirstOrThrow()))
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('VALIDATION_FAILED', `${value} is already on the blacklist`)
    throw error
  }
}

export async function deleteBlacklistEntry(db: Db, actor: Actor, id: number): Promise<void> {
  const result = await db.deleteFrom('blacklist').where('orgId', '=', actor.orgId).where('id', '=', id).executeTakeFirst()
  if (Number(result.numDeletedRows) === 0) throw notFound('blacklist entry')
}
