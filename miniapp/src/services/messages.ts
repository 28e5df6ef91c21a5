// The inbox over HTTP: message pages and per-category counts, one message, a conversation's history,
// marks (status, read, replied on platform), a message's tags and bulk actions.
import type {
  BulkAction,
  BulkItemResult,
  BulkResult,
  ConversationHistory,
  InboxCounts,
  InboxCountsQuery,
  InboxQuery,
  MessageDetail,
  MessagePage,
  UpdateMessageBody,
} from '@sellerinbox/shared'
import { isApiError } from './api-error'
import { api } from './request'

/** At most this many ids go into one bulk request (the server's limit). */
export const BULK_LIMIT = 500

export const listMessages = (query: InboxQuery) => api.get<MessagePage>('/api/messages', query)
export const getInboxCounts = (query: InboxCountsQuery) => api.get<InboxCounts>('/api/messages/counts', query)
export const getMessage = (id: number) => api.get<MessageDetail>(`/api/messages/${id}`)
export const getConversation = (id: number) => api.get<ConversationHistory>(`/api/conversations/${id}/messages`)

/** Status pending / follow_up / processed and the read flag. A replied-on-platform message answers STATUS_FINAL. */
export const updateMessage = (id: number, changes: UpdateMessageBody) => api.patch<unknown>(`/api/messages/${id}`, changes)

/** Final and irreversible: the caller confirms with the user first. */
export const markRepliedOnPlatform = (id: number) => api.post<unknown>(`/api/messages/${id}/replied-on-platform`)

/** Replaces the message's whole tag set (at most 2, else TAG_LIMIT). */
export const setMessageTags = (id: number, tagIds: number[]) => api.put<unknown>(`/api/messages/${id}/tags`, { tagIds })

/** All or nothing: when any message fails the server applies nothing and answers 409 BULK_REJECTED. */
export const bulkUpdate = (ids: number[], action: BulkAction) => api.post<BulkResult>('/api/messages/bulk', { ids, action })

/** The per-message failures carried by a BULK_REJECTED error; empty for any other error. */
export function bulkFailures(error: unknown): BulkItemResult[] {
  if (!isApiError(error, 'BULK_REJECTED')) return []
  const results = (error.body as { results?: unknown } | undefined)?.results
  return Array.isArray(results) ? (results as BulkItemResult[]).filter((r) => !r.ok) : []
}
