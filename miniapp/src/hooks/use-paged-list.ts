// A cursor-paged list: first page with loading/error state, more pages on demand (infinite scroll), a
// refresh that keeps the shown rows until the new first page arrives, and local edits of loaded rows.
import { useCallback, useEffect, useRef, useState } from 'react'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface PagedList<T> {
  items: T[] | undefined
  /** Error of the first page (the list cannot show); `moreError` is the error of a later page. */
  error: unknown
  moreError: unknown
  loading: boolean
  loadingMore: boolean
  hasMore: boolean
  refresh: () => Promise<void>
  loadMore: () => Promise<void>
  setItems: (update: (items: T[]) => T[]) => void
}

export function usePagedList<T>(loadPage: (cursor?: string) => Promise<Page<T>>, deps: readonly unknown[], enabled = true): PagedList<T> {
  const [items, setItemsState] = useState<T[]>()
  const [error, setError] = useState<unknown>()
  const [moreError, setMoreError] = useState<unknown>()
  const [loading, setLoading] = useState(enabled)
  const [loadingMore, setLoadingMore] = useState(false)
  const cursor = useRef<string | null>(null)
  // Answers to an older query (filters changed meanwhile) are dropped.
  const generation = useRef(0)
  const moreInFlight = useRef(false)

  // `deps` lists what `loadPage` depends on, like a useEffect dependency list.
  const refresh = useCallback(async () => {
    if (!enabled) return
    const call = ++generation.current
    moreInFlight.current = false
    setLoading(true)
    setLoadingMore(false)
    try {
      const page = await loadPage()
      if (call !== generation.current) return
      cursor.current = page.nextCursor
      setItemsState(page.items)
      setError(undefined)
      setMoreError(undefined)
    } catch (e) {
      if (call === generation.current) setError(e)
    } finally {
      if (call === generation.current) setLoading(false)
    }
  }, [enabled, ...deps])

  const loadMore = useCallback(async () => {
    const next = cursor.current
    if (!enabled || !next || moreInFlight.current) return
    const call = generation.current
    moreInFlight.current = true
    setLoadingMore(true)
    setMoreError(undefined)
    try {
      const page = await loadPage(next)
      if (call !== generation.current) return
      cursor.current = page.nextCursor
      setItemsState((current) => [...(current ?? []), ...page.items])
    } catch (e) {
      if (call === generation.current) setMoreError(e)
    } finally {
      if (call === generation.current) {
        moreInFlight.current = false
        setLoadingMore(false)
      }
    }
  }, [enabled, ...deps])

  useEffect(() => {
    // A new query starts from an empty list, so rows of the old filter never show under the new one.
    setItemsState(undefined)
    cursor.current = null
    void refresh()
  }, [refresh])

  const setItems = useCallback((update: (items: T[]) => T[]) => setItemsState((current) => (current ? update(current) : current)), [])

  return { items, error, moreError, loading, loadingMore, hasMore: cursor.current !== null, refresh, loadMore, setItems }
}
