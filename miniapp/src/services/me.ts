// The signed-in user's profile. Every successful answer also refreshes the stored profile.
import type { Me, UpdateMeBody } from '@sellerinbox/shared'
import { api } from './request'
import { saveProfile } from './session'

export async function getMe(): Promise<Me> {
  const me = await api.get<Me>('/api/me')
  saveProfile(me)
  return me
}

export async function updateMe(changes: UpdateMeBody): Promise<Me> {
  const me = await api.patch<Me>('/api/me', changes)
  saveProfile(me)
  return me
}
