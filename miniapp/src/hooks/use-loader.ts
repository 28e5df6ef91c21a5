// Loads data for a page: loading/error state, manual reload, and a reload whenever the page shows again
// (another page may have changed the data, and weapp requests stop while the app is in the background).
import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'

export interface Loaded<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload: () => Promise<void>
  setData: (data: T) => void
}

export function useLoader<T>(load: () => Promise<T>, deps: readonly unknown[], enabled = true): Loaded<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<unknown>()
  const [loading, setLoading] = useState(enabled)
  const latest = useRef(0)
  const firstShow = useRef(true)

  // `deps` lists what `load` depends on, like a useEffect dependency list.
  const reload = useCallback(async () => {
    if (!enabled) return
    const call = ++latest.current
    setLoading(true)
    try {
      const result = await load()
      if (call === latest.current) {
        setData(result)
        setError(undefined)
      }
    } catch (e) {
      if (call === latest.current) setError(e)
    } finally {
      if (call === latest.current) setLoading(false)
    }
  }, [enabled, ...deps])

  useEffect(() => {
    void reload()
  }, [reload])

  useDidShow(() => {
    // The first show happens together with the mount, which already loads.
    if (firstShow.current) firstShow.current = false
    else void reload()
  })

  return { data, error, loading, reload, setData }
}
