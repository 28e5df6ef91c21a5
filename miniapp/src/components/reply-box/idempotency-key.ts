// A random idempotency key per reply: made when the seller presses send and kept for retries of that
// draft, so a send that timed out but reached the server is never emailed twice.
const HEX = '0123456789abcdef'

function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n)
  // The web has crypto.getRandomValues; the mini program's JS engine has no `crypto` global.
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') crypto.getRandomValues(bytes)
  else for (let i = 0; i < n; i++) bytes[i] = Math.floor(Math.random() * 256)
  return bytes
}

export function newIdempotencyKey(): string {
  const hex = Array.from(randomBytes(16), (b) => HEX[b >> 4]! + HEX[b & 15]!).join('')
  return `reply-${Date.now().toString(36)}-${hex}`
}
