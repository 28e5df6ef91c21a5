// For pages that need a signed-in user: returns the stored session, or sends the user to login.
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { PAGES, pageUrl } from '../routes'
import { loadSession, type StoredSession } from '../services/session'

export function useRequiredSession(): StoredSession | null {
  const [session, setSession] = useState(loadSession)
  useDidShow(() => setSession(loadSession()))
  useEffect(() => {
    if (!session) Taro.reLaunch({ url: pageUrl(PAGES.login) }).catch(() => undefined)
  }, [session])
  return session
}
