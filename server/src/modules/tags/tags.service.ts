// Org tags: any user of the org applies them to messages (see messages/marks.service), only the
// main account creates, renames, recolours and deletes them (the routes say `access: 'main'`),
// so one colleague cannot rename the labels the whole team sorts by.
import type { Tag } from '@sellerinbox/shared/api/messages'
import type { CreateTagBody, TagList, UpdateTagBody } from '@sellerinbox/shared/api/inbox'
import type { Db } from '../../db/kysely'
import { isDuplicateKey } from '../../db/errors'
import { AppError } from '../../lib/errors'
import type { Actor } from '../actor'
import { presentTag } from '../messages/messages.presenter'
import { deleteTagRow, getTagRow, insertTag, listTagRows, updateTagRow } from './tags.repo'

const nameTaken = (name: string) => new AppError('TAG_NAME_TAKEN', `A tag named "${name}" already exists; pick another name`)

/** Names compare as the database does (case-insensitive), so trim; colours are stored upper-case. */
const clean = <T extends { name?: string; color?: string }>(body: T): T => ({
  ...body,
  ...(body.name !== undefined ? { name: body.name.trim() } : {}),
  ...(body.color !== undefined ? { color: body.color.toUpperCase() } : {}),
})

export async function listTags(db: Db, actor: Actor): Promise<TagList> {
  return { tags: (await listTagRows(db, actor.orgId)).map(presentTag) }
}

export async function createTag(db: Db, actor: Actor, body: CreateTagBody): Promise<Tag> {
  const tag = clean(body)
  if (!tag.name) throw blankName()
  try {
    const id = await insertTag(db, actor.orgId, tag)
    return presentTag(await getTagRow(db, actor.orgId, id))
  } catch (error) {
    if (isDuplicateKey(error)) throw nameTaken(tag.name)
    throw error
  }
}

export async function updateTag(db: Db, actor: Actor, id: number, body: UpdateTagBody): Promise<Tag> {
  await getTagRow(db, actor.orgId, id)
  const changes = clean(body)
  if (changes.name === '') throw blankName()
  try {
    await updateTagRow(db, actor.orgId, id, changes)
  } catch (error) {
    if (isDuplicateKey(error)) throw nameTaken(changes.name ?? '')
    throw error
  }
  return presentTag(await getTagRow(db, actor.orgId, id))
}

export async function deleteTag(db: Db, actor: Actor, id: number): Promise<void> {
  await getTagRow(db, actor.orgId, id)
  await deleteTagRow(db, actor.orgId, id)
}

function blankName(): AppError {
  return new AppError('VALIDATION_FAILED', 'A tag needs a name', [{ path: 'body/name', message: 'must not be blank' }])
}
