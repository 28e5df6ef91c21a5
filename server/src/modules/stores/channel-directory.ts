// The channels each user may see, as this process last read them. The inbox turns a store,
// marketplace or channel filter (and a sub-account's every view) into channel ids on each page
// and count; reading them from the database every time cost a filtered page a fifth of its
// time. A read is trusted for `recheckMs` (AUTH_USER_RECHECK_MS, the window the user check in
// plugins/auth.ts already allows): the process that changes an org's stores, channels or store
// access forgets the org at once (the write routes call `forgetOrg`), other processes within
// that window. `recheckMs` 0 reads on every call.
import type { Db } from '../../db/kysely'
import { recheckCache } from '../../lib/recheck-cache'
import type { Actor } from '../actor'
import { visibleChannels, type VisibleChannel } from './stores.repo'

export interface ChannelDirectory {
  /** The channels of every store the actor may see. Shared between callers: do not modify. */
  visibleTo(actor: Actor): Promise<readonly VisibleChannel[]>
  /** Drops what this process knows of the org: call it after changing its stores, channels or store access. */
  forgetOrg(orgId: number): void
}

export function createChannelDirectory(db: Db, recheckMs: number): ChannelDirectory {
  // Keyed "org/user/role": forgetting an org drops every user of it.
  const cache = recheckCache<string, readonly VisibleChannel[]>(recheckMs)
  return {
    visibleTo: (actor) => cache.get(`${actor.orgId}/${actor.userId}/${actor.role}`, () => visibleChannels(db, actor)),
    forgetOrg(orgId) {
      const prefix = `${orgId}/`
      cache.forgetWhere((key) => key.startsWith(prefix))
    },
  }
}
