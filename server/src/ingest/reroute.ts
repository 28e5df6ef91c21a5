// Unrouted mail (no dedicated address matched when it arrived) is routed again once a matching
// channel exists: called after channels are created, and by the worker as a periodic catch-up.
import { sql } from 'kysely'
import type { Db } from '../db/kysely'
import type { BlobStore } from '../storage/blob-store'
import { prepareMail } from './prepare'
import { storeRoutedMail, type ChannelRef } from './store'

export interface RerouteResult {
  routed: number
}

/** Routes the org's unrouted mail whose recipients now match a channel. */
export async function rerouteUnrouted(deps: { db: Db; storage: BlobStore }, orgId: number, limit = 500): Promise<RerouteResult> {
  const { db } = deps
  const channels = await db.selectFrom('channels').select(['id', 'dedicatedAddress as address']).where('orgId', '=', orgId).execute()
  if (!channels.length) return { routed: 0 }
  const byAddress = new Map<string, ChannelRef>(channels.map((c) => [c.address.toLowerCase(), c]))
  const candidates = await db
    .selectFrom('unroutedMail')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('routedAt', 'is', null)
    .where((eb) => eb.or(channels.map((c) => eb('recipients', 'like', `%${c.address.replace(/[%_\\]/g, '\\$&')}%`))))
    .orderBy('id')
    .limit(limit)
    .execute()
  let routed = 0
  for (const row of candidates) {
    const recipients = row.recipients.split(' ')
    const channel = recipients.map((r) => byAddress.get(r)).find((c) => c !== undefined)
    if (!channel) continue // a substring match of a longer address
    const raw = await deps.storage.get(row.rawKey)
    const prepared = await prepareMail(deps.storage, { uid: row.uid, raw, internalDate: row.receivedAt }, new Date())
    await db.transaction().execute(async (tx) => {
      const claimed = await tx.selectFrom('unroutedMail').select('id').where('id', '=', row.id).where('routedAt', 'is', null).forUpdate().executeTakeFirst()
      if (!claimed) return
      await storeRoutedMail(tx, { orgId, sourceId: row.sourceId, uidvalidity: row.uidvalidity }, [{ mail: prepared, channel }])
      const message = await tx
        .selectFrom('messages')
        .select('id')
        .where('channelId', '=', channel.id)
        .where('rawSha256', '=', prepared.rawSha256)
        .executeTakeFirst()
      await tx.updateTable('unroutedMail').set({ routedAt: sql`NOW(3)`, routedMessageId: message?.id ?? null }).where('id', '=', row.id).execute()
      routed += 1
    })
  }
  return { routed }
}

/** Orgs that have unrouted mail waiting, for the periodic catch-up. */
export async function orgsWithUnroutedMail(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('unroutedMail').select('orgId').distinct().where('routedAt', 'is', null).limit(1000).execute()
  return rows.map((r) => r.orgId)
}
