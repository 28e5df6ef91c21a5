// Which conversation a message belongs to: channel × buyer (relay alias without `+case`) × order.
// Notices without a buyer address join the order's conversation; mail with neither joins none.

export interface ConversationKey {
  buyerKey: string
  orderId: string
}

/** `abc123+uuid@marketplace.amazon.de` → `abc123@marketplace.amazon.de`. */
export function buyerKeyOf(relay: string): string {
  const at = relay.lastIndexOf('@')
  if (at < 0) return relay.toLowerCase()
  const local = relay.slice(0, at)
  const plus = local.indexOf('+')
  return `${plus >= 0 ? local.slice(0, plus) : local}${relay.slice(at)}`.toLowerCase()
}

export function conversationKeyOf(mail: { replyTo: string | null; orderId: string | null; suspicious: boolean }): ConversationKey | null {
  if (mail.suspicious) return null
  if (mail.replyTo) return { buyerKey: buyerKeyOf(mail.replyTo), orderId: mail.orderId ?? '' }
  if (mail.orderId) return { buyerKey: '', orderId: mail.orderId }
  return null
}
