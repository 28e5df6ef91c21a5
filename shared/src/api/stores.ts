// Stores (an Amazon seller account), their marketplace channels and dedicated addresses.
import { Type, type Static } from 'typebox'
import { Id, Instant } from './common'
import { MARKETPLACE_CODES } from '../domain/marketplaces'

export const RegionCode = Type.Union([Type.Literal('NA'), Type.Literal('EU'), Type.Literal('FE')])
export const MarketplaceCodeSchema = Type.Enum(MARKETPLACE_CODES, {
  description: 'Two-letter marketplace code (UK for the United Kingdom)',
})

export const BindingStatus = Type.Union([Type.Literal('unbound'), Type.Literal('bound')])
export type BindingStatus = Static<typeof BindingStatus>

export const Channel = Type.Object({
  id: Id,
  storeId: Id,
  marketplace: Type.String(),
  dedicatedAddress: Type.String(),
  bindingStatus: BindingStatus,
  boundAt: Type.Union([Instant, Type.Null()]),
  lastMailAt: Type.Union([Instant, Type.Null()]),
  createdAt: Instant,
})
export type Channel = Static<typeof Channel>

export const Store = Type.Object({
  id: Id,
  name: Type.String(),
  region: RegionCode,
  archived: Type.Boolean(),
  createdAt: Instant,
  channels: Type.Array(Channel),
})
export type Store = Static<typeof Store>

export const StoreList = Type.Object({ stores: Type.Array(Store) })
export type StoreList = Static<typeof StoreList>

const StoreName = Type.String({ minLength: 1, maxLength: 60 })

export const CreateStoreBody = Type.Object({
  name: StoreName,
  region: RegionCode,
  marketplaces: Type.Optional(Type.Array(MarketplaceCodeSchema, { maxItems: 20, uniqueItems: true })),
})
export type CreateStoreBody = Static<typeof CreateStoreBody>

export const UpdateStoreBody = Type.Object(
  { name: Type.Optional(StoreName), region: Type.Optional(RegionCode) },
  { minProperties: 1 },
)
export type UpdateStoreBody = Static<typeof UpdateStoreBody>

export const ListStoresQuery = Type.Object({
  includeArchived: Type.Optional(Type.Boolean({ default: false })),
})

export const AddChannelBody = Type.Object({ marketplace: MarketplaceCodeSchema })
export type AddChannelBody = Static<typeof AddChannelBody>
