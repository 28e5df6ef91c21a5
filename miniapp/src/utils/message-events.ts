// Tells open pages that messages changed elsewhere (the detail page marked one, a bulk action ran), so
// the inbox can patch its rows and counts without reloading and losing the scroll position.
import type { MessageSummary } from '@sellerinbox/shared'

export type MessagePatch = Partial<Pick<MessageSummary, 'status' | 'isRead' | 'tags' | 'slaDueAt'>> & { id: number }

const listeners = new Set<(patches: MessagePatch[]) => void>()

export function emitMessagesChanged(patches: MessagePatch[]): void {
  listeners.forEach((listener) => listener(patches))
}

export function onMessagesChanged(listener: (patches: MessagePatch[]) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
