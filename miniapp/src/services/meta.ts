// What the client needs before sign-in (demo mode, QR ticket lifetime). Cached for the app's lifetime.
import type { Meta } from '@sellerinbox/shared'
import { api } from './request'

let cached: Promise<Meta> | null = null

export function getMeta(): Promise<Meta> {
  cached ??= api.get<Meta>('/api/meta', undefined, false).catch((error: unknown) => {
    cached = null
    throw error
  })
  return cached
}
