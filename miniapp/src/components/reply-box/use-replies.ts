// The message's replies, polled while one is queued or sending, so the seller watches it go out.
// `onSettled` hears of each reply that left queued/sending while the box was open.
import type { Reply } from '@sellerinbox/shared/api/replies'
import { useEffect, useRef, useState } from 'react'
import { listReplies } from '../../services/replies'

const POLL_MS = 2_000

const inFlight = (reply: Reply) => reply.state === 'queued' || reply.state === 'sending'

export function useReplies(messageId: number, loaded: Reply[] | undefined, onSettled: (reply: Reply) => void) {
  const [replies, setReplies] = useState<Reply[]>([])
  const latest = useRef(replies)
  const settledListener = useRef(onSettled)
  settledListener.current = onSettled

  const update = (next: Reply[]) => {
    const before = latest.current
    latest.current = next
    setReplies(next)
    next.filter((reply) => !inFlight(reply) && before.some((b) => b.id === reply.id && inFlight(b))).forEach((reply) => settledListener.current(reply))
  }

  useEffect(() => {
    if (loaded) update(loaded)
  }, [loaded])

  const pending = replies.some(inFlight)
  useEffect(() => {
    if (!pending) return
    let polling = false
    const timer = setInterval(() => {
      if (polling) return
      polling = true
      listReplies(messageId)
        .then(update)
        .catch(() => undefined) // the next tick tries again
        .finally(() => {
          polling = false
        })
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [pending, messageId])

  /** A reply the send request returned (or returned again, for a repeated idempotency key). */
  const add = (reply: Reply) => update([...latest.current.filter((r) => r.id !== reply.id), reply].sort((a, b) => a.id - b.id))

  return { replies, add }
}
