// Reads and writes an org's tags and which messages carry them. Every query is scoped by org.
import type { Db, Tx } from '../../db/kysely'
import type { TagRow } from '../../db/schema'
import { notFound } from '../../lib/errors'

export async function listTagRows(db: Db, orgId: number): Promise<TagRow[]> {
  return db.selectFrom('tags').selectAll().where('orgId', '=', orgId).orderBy('name').orderBy('id').execute()
}

export async function getTagRow(db: Db | Tx, orgId: number, id: number): Promise<TagRow> {
  const row = await db.selectFrom('tags').selectAll().where('orgId', '=', orgId).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('tag')
  return row
}

/** Throws NOT_FOUND unless every id is a tag of this org. */
export async function getTagRows(db: Db | Tx, orgId: number, ids: number[]): Promise<TagRow[]> {
  if (!ids.length) return []
  const rows = await db.selectFrom('tags').selectAll().where('orgId', '=', orgId).where('id', 'in', ids).execute()
  const missing = ids.filter((id) => !rows.some((r) => r.id === id))
  if (missing.length) throw notFound(`tag ${missing.join(', ')}`)
  return rows
}

export interface MessageTag {
  messageId: number
  id: number
  name: string
  color: string
}

/** The tags of each message, in the order they were applied. */
export async function tagsOfMessages(db: Db | Tx, orgId: number, messageIds: number[]): Promise<Map<number, MessageTag[]>> {
  const byMessage = new Map<number, MessageTag[]>()
  if (!messageIds.length) return byMessage
  const rows = await db
    .selectFrom('messageTags')
    .innerJoin('tags', 'tags.id', 'messageTags.tagId')
    .select(['messageTags.messageId', 'tags.id', 'tags.name', 'tags.color'])
    .where('messageTags.orgId', '=', orgId)
    .where('messageTags.messageId', 'in', messageIds)
    .orderBy('messageTags.createdAt')
    .orderBy('tags.id')
    .execute()
  for (const row of rows) {
    const list = byMessage.get(row.messageId) ?? []
    list.push(row)
    byMessage.set(row.messageId, list)
  }
  return byMessage
}

export async function insertTag(db: Db, orgId: number, tag: { name: string; color: string }): Promise<number> {
  const result = await db.insertInto('tags').values({ orgId, ...tag }).executeTakeFirstOrThrow()
  return Number(result.insertId)
}

export async function updateTagRow(db: Db, orgId: number, id: number, changes: { name?: string; color?: string }): Promise<void> {
  await db
    .updateTable('tags')
    .set({ ...changes, updatedAt: new Date() })
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .execute()
}

/** Deletes the tag; message_tags rows go with it (ON DELETE CASCADE). */
export async function deleteTagRow(db: Db, orgId: number, id: number): Promise<void> {
  await db.deleteFrom('tags').where('orgId', '=', orgId).where('id', '=', id).execute()
}
