// Random ids the server uses to recognise a retried request: a reply's idempotency key (made when
// the seller presses send and kept for retries of that draft) and a subscription report's id, so a
// request that timed out but reached the server never sends an email twice or adds credits twice.
const HEX = '0123456789abcdef'

function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n)
  // The web has crypto.getRandomValues; the mini program's JS engine has no `crypto` global.
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') crypto.getRandomValues(bytes)
  else for (let i = 0; i < n; i++) bytes[i] = Math.floor(Math.random() * 256)
  return bytes
}

export function newRequestId(prefix: string): string {
  const hex = Array.from(randomBytes(16), (b) => HEX[b >> 4]! + HEX[b & 15]!).join('')
  return `${prefix}-${Date.now().toString(36)}-${hex}`
}

export const newIdempotencyKey = () => newRequestId('reply')
