// Hand-signed HS256 tokens for tests that need expired or forged access tokens.
import { createHmac } from 'node:crypto'

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

export function signJwt(payload: Record<string, unknown>, secret: string): string {
  const head = b64({ alg: 'HS256', typ: 'JWT' })
  const body = b64(payload)
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')
  return `${head}.${body}.${signature}`
}
