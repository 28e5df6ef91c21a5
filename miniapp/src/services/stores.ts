// Stores, their marketplace channels and the binding state of each dedicated address.
import type { Channel, CreateStoreBody, Store, UpdateStoreBody } from '@sellerinbox/shared'
import { api } from './request'

export type NewStore = CreateStoreBody

export async function listStores(includeArchived = false): Promise<Store[]> {
  const { stores } = await api.get<{ stores: Store[] }>('/api/stores', { includeArchived })
  return stores
}

export const getStore = (id: number) => api.get<Store>(`/api/stores/${id}`)
export const createStore = (body: NewStore) => api.post<Store>('/api/stores', body)
export const updateStore = (id: number, body: UpdateStoreBody) => api.patch<Store>(`/api/stores/${id}`, body)
export const archiveStore = (id: number) => api.post<Store>(`/api/stores/${id}/archive`)
export const restoreStore = (id: number) => api.post<Store>(`/api/stores/${id}/restore`)

export const addChannel = (storeId: number, marketplace: string) =>
  api.post<Channel>(`/api/stores/${storeId}/channels`, { marketplace })

/** The main account confirms the address is entered in Seller Central. */
export const confirmBinding = (channelId: number) => api.post<Channel>(`/api/channels/${channelId}/binding`)
export const resetBinding = (channelId: number) => api.delete<Channel>(`/api/channels/${channelId}/binding`)
