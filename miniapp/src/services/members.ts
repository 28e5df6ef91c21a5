// Sub-accounts, their store access and the invites that create them (main account only).
import type { CreateInviteBody, CreatedInvite, Invite, Member } from '@sellerinbox/shared'
import { api } from './request'

export async function listMembers(): Promise<Member[]> {
  const { members } = await api.get<{ members: Member[] }>('/api/members')
  return members
}

export const setMemberStores = (memberId: number, storeIds: number[]) =>
  api.put<Member>(`/api/members/${memberId}/stores`, { storeIds })
export const removeMember = (memberId: number) => api.delete<{ ok: true }>(`/api/members/${memberId}`)

export async function listInvites(): Promise<Invite[]> {
  const { invites } = await api.get<{ invites: Invite[] }>('/api/invites')
  return invites
}

export const createInvite = (body: CreateInviteBody) => api.post<CreatedInvite>('/api/invites', body)
export const revokeInvite = (inviteId: number) => api.delete<{ ok: true }>(`/api/invites/${inviteId}`)
