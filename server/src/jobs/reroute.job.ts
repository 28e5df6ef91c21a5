// Catch-up for unrouted mail: routes whatever now matches a channel (channels are also re-checked
// right after they are created; this covers failures and other instances).
import type { Db } from '../db/kysely'
import { orgsWithUnroutedMail, rerouteUnrouted } from '../ingest/reroute'
import type { BlobStore } from '../storage/blob-store'

export async function rerouteAllUnrouted(deps: { db: Db; storage: BlobStore }): Promise<number> {
  let routed = 0
  for (const orgId of await orgsWithUnroutedMail(deps.db)) routed += (await rerouteUnrouted(deps, orgId)).routed
  return routed
}
