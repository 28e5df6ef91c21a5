// Org tags (name and colour). Any user applies them to messages; only the main account edits the list.
import type { CreateTagBody, Tag, UpdateTagBody } from '@sellerinbox/shared'
import { api } from './request'

export async function listTags(): Promise<Tag[]> {
  const { tags } = await api.get<{ tags: Tag[] }>('/api/tags')
  return tags
}

export const createTag = (body: CreateTagBody) => api.post<Tag>('/api/tags', body)
export const updateTag = (id: number, body: UpdateTagBody) => api.patch<Tag>(`/api/tags/${id}`, body)
export const deleteTag = (id: number) => api.delete<unknown>(`/api/tags/${id}`)
