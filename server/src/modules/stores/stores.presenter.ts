// The only place that shapes stores and channels as JSON.
import type { Channel, Store } from '@sellerinbox/shared/api/stores'
import type { ChannelRow, StoreRow } from '../../db/schema'

export function presentChannel(row: ChannelRow): Channel {
  return {
    id: row.id,
    storeId: row.storeId,
    marketplace: row.marketplace,
    dedicatedAddress: row.dedicatedAddress,
    bindingStatus: row.bindingStatus,
    boundAt: row.boundAt?.toISOString() ?? null,
    lastMailAt: row.lastMailAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}

export function presentStore(row: StoreRow, channels: ChannelRow[]): Store {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    channels: channels.filter((c) => c.storeId === row.id).map(presentChannel),
  }
}
