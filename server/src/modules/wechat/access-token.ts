// The WeChat access token, cached in the database for every instance (WECHAT.md "Access token").
// A fetch happens only under the token row's lock, so instances never fetch in parallel, and it is
// repeated only when the token is near expiry or WeChat rejected it. Never force_refresh.
import type { Db } from '../../db/kysely'
import type { WechatClient } from './wechat.client'

export interface AccessTokenCache {
  /** A usable token: the cached one, or a fresh one when it is about to expire. */
  get(): Promise<string>
  /** A token other than `rejected` (which WeChat answered 40001/42001 to), fetching one if needed. */
  replace(rejected: string): Promise<string>
}

interface Cached {
  accessToken: string | null
  expiresAt: Date | null
  fetchedAt: Date | null
}

// Refresh ahead of expiry, but within WeChat's own refresh window (the last 1/24 of a token's life,
// 300 s of 7200): earlier, stable_token would hand back the same token and we would ask again.
const MAX_AHEAD_MS = 60_000

function usable(row: Cached | undefined, now: number): row is Cached & { accessToken: string } {
  if (!row?.accessToken || !row.expiresAt || !row.fetchedAt) return false
  const life = row.expiresAt.getTime() - row.fetchedAt.getTime()
  return now < row.expiresAt.getTime() - Math.min(MAX_AHEAD_MS, life / 24)
}

export function createAccessTokenCache(deps: { db: Db; client: WechatClient; appid: string; now?: () => number }): AccessTokenCache {
  const now = deps.now ?? Date.now
  // One refresh at a time per process; other instances wait on the row lock instead.
  let inflight: Promise<string> | null = null

  const read = () =>
    deps.db.selectFrom('wechatAccessTokens').select(['accessToken', 'expiresAt', 'fetchedAt']).where('appid', '=', deps.appid).executeTakeFirst()

  function refresh(rejected: string | null): Promise<string> {
    inflight ??= refreshLocked(rejected).finally(() => {
      inflight = null
    })
    return inflight
  }

  async function refreshLocked(rejected: string | null): Promise<string> {
    await deps.db.insertInto('wechatAccessTokens').ignore().values({ appid: deps.appid, accessToken: null, expiresAt: null, fetchedAt: null }).execute()
    return deps.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('wechatAccessTokens')
        .select(['accessToken', 'expiresAt', 'fetchedAt'])
        .where('appid', '=', deps.appid)
        .forUpdate()
        .executeTakeFirst()
      // Another instance (or an earlier call) refreshed while we waited for the lock.
      if (usable(row, now()) && row.accessToken !== rejected) return row.accessToken
      const fresh = await deps.client.stableToken()
      const fetchedAt = now()
      await tx
        .updateTable('wechatAccessTokens')
        .set({ accessToken: fresh.accessToken, expiresAt: new Date(fetchedAt + fresh.expiresIn * 1000), fetchedAt: new Date(fetchedAt) })
        .where('appid', '=', deps.appid)
        .execute()
      return fresh.accessToken
    })
  }

  return {
    async get() {
      const row = await read()
      if (usable(row, now())) return row.accessToken
      return refresh(row?.accessToken ?? null)
    },
    replace(rejected) {
      return refresh(rejected)
    },
  }
}
