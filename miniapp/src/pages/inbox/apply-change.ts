// How a change made by a bulk action or on the detail page shows in the loaded inbox rows.
import type { BulkAction, MessageSummary, Tag } from '@sellerinbox/shared'
import type { InboxFilter } from '../../utils/inbox-filter'
import type { MessagePatch } from '../../utils/message-events'

/** The row after `action`, as the server applies it. */
export function applyBulkAction(message: MessageSummary, action: BulkAction, tags: Tag[]): MessageSummary {
  switch (action.type) {
    case 'status':
      return { ...message, status: action.status }
    case 'replied_on_platform':
      return { ...message, status: 'replied_on_platform' }
    case 'read':
      return { ...message, isRead: action.isRead }
    case 'add_tag': {
      const tag = tags.find((t) => t.id === action.tagId)
      return tag && !message.tags.some((t) => t.id === tag.id) ? { ...message, tags: [...message.tags, tag] } : message
    }
    case 'remove_tag':
      return { ...message, tags: message.tags.filter((t) => t.id !== action.tagId) }
  }
}

export function applyPatch(message: MessageSummary, patch: MessagePatch): MessageSummary {
  return patch.id === message.id ? { ...message, ...patch } : message
}

/** False when a bulk change moved the row out of the filtered view (e.g. processed under "pending"). */
export function stillMatches(message: MessageSummary, filter: InboxFilter): boolean {
  if (filter.status && message.status !== filter.status) return false
  if (filter.read && message.isRead !== (filter.read === 'read')) return false
  if (filter.tagId && !message.tags.some((t) => t.id === filter.tagId)) return false
  return true
}
