// Replying to a message over HTTP: what the reply box needs (context), sending through the outbox
// (queued under the client's idempotency key) and the message's replies with their delivery state.
import type { Reply, ReplyContext, SendReplyBody } from '@sellerinbox/shared/api/replies'
import { api } from './request'

export const getReplyContext = (messageId: number) => api.get<ReplyContext>(`/api/messages/${messageId}/reply-context`)

/** Returns the stored reply (state `queued`). The same idempotency key again returns that reply, never a second email. */
export const sendReply = (messageId: number, body: SendReplyBody) => api.post<Reply>(`/api/messages/${messageId}/replies`, body)

export async function listReplies(messageId: number): Promise<Reply[]> {
  const { replies } = await api.get<{ replies: Reply[] }>(`/api/messages/${messageId}/replies`)
  return replies
}
