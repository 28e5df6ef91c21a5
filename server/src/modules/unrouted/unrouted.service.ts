// The main account's view of mail no dedicated address matched, so nothing ingested is invisible.
import type { UnroutedMailPage } from '@sellerinbox/shared/api/mail-sources'
import type { Db } from '../../db/kysely'
import type { Actor } from '../actor'
import { decodeCursor, pageOf } from '../messages/keyset-cursor'
import { listUnroutedRows } from './unrouted.repo'
import { presentUnrouted } from './unrouted.presenter'

export async function listUnroutedMail(db: Db, actor: Actor, query: { cursor?: string; limit?: number }): Promise<UnroutedMailPage> {
  const after = query.cursor ? decodeCursor(query.cursor) : null
  const limit = query.limit ?? 20
  const { rows, nextCursor } = pageOf(await listUnroutedRows(db, actor.orgId, after, limit), limit)
  return { items: rows.map(presentUnrouted), nextCursor }
}
