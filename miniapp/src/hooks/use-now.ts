// The current time, ticking every `everyMs` and on every show, for countdowns (SLA time left).
import { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'

export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  useDidShow(() => setNow(Date.now()))
  return now
}
