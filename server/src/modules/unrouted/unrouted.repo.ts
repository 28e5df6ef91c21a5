// Reads mail that reached a source but matched no dedicated address, scoped by org. Writes nothing:
// ingestion stores it and re-routes it when an address is added.
import type { Db } from '../../db/kysely'
import type { UnroutedMailRow } from '../../db/schema'
import type { Keyset } from '../messages/keyset-cursor'

export type UnroutedListRow = Pick<
  UnroutedMailRow,
  'id' | 'sourceId' | 'subject' | 'fromAddress' | 'recipients' | 'receivedAt' | 'routedAt' | 'routedMessageId'
>

/** Newest first; `limit + 1` rows so the caller knows whether another page exists. */
export async function listUnroutedRows(db: Db, orgId: number, after: Keyset | null, limit: number): Promise<UnroutedListRow[]> {
  let query = db
    .selectFrom('unroutedMail')
    .select(['id', 'sourceId', 'subject', 'fromAddress', 'recipients', 'receivedAt', 'routedAt', 'routedMessageId'])
    .where('orgId', '=', orgId)
  if (after) {
    query = query.where((eb) => eb.or([eb('receivedAt', '<', after.receivedAt), eb.and([eb('receivedAt', '=', after.receivedAt), eb('id', '<', after.id)])]))
  }
  return query.orderBy('receivedAt', 'desc').orderBy('id', 'desc').limit(limit + 1).execute()
}
