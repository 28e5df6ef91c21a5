// Owns the signed-in session in local storage (tokens, user, org) and tells listeners when it ends.
// It does no network calls and no navigation: app.tsx decides where a signed-out user goes.
import Taro from '@tarojs/taro'
import type { Me, Session } from '@sellerinbox/shared'

const STORAGE_KEY = 'session'

export type StoredSession = Pick<Session, 'accessToken' | 'refreshToken' | 'user' | 'org'>

let cached: StoredSession | null | undefined
const signedOutListeners = new Set<() => void>()

export function loadSession(): StoredSession | null {
  if (cached !== undefined) return cached
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY)
    cached = isStoredSession(stored) ? stored : null
  } catch {
    cached = null
  }
  return cached
}

export function saveSession(session: Session): StoredSession {
  const { accessToken, refreshToken, user, org } = session
  cached = { accessToken, refreshToken, user, org }
  Taro.setStorageSync(STORAGE_KEY, cached)
  return cached
}

/** Keeps tokens, replaces the profile (after GET/PATCH /api/me). */
export function saveProfile(me: Me): void {
  const current = loadSession()
  if (!current) return
  cached = { ...current, user: me.user, org: me.org }
  Taro.setStorageSync(STORAGE_KEY, cached)
}

/** Forgets the session; `notify` tells listeners (the app sends the user to login). */
export function clearSession(notify = true): void {
  cached = null
  Taro.removeStorageSync(STORAGE_KEY)
  if (notify) signedOutListeners.forEach((listener) => listener())
}

export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener)
  return () => signedOutListeners.delete(listener)
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Partial<StoredSession>
  return typeof v.accessToken === 'string' && typeof v.refreshToken === 'string' && !!v.user && !!v.org
}
