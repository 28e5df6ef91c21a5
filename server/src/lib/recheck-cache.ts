// Values read from the database that a process may reuse for a bounded time: a value is trusted
// for `ttlMs` after its read began, never longer. A key used in the second half of that window is
// read again in the background, so a busy key never makes a request wait for the read (waiting
// once per key per window showed as the slowest percent of inbox requests). Concurrent first
// uses share one read; a failed read is not kept; `forget` drops a key at once, and a read that
// was already running for it is not kept either. `ttlMs` 0 reads on every use.
export interface RecheckCache<K, V> {
  get(key: K, read: () => Promise<V>): Promise<V>
  forget(key: K): void
  /** Drops every key the test accepts (for changes that touch many keys). */
  forgetWhere(test: (key: K) => boolean): void
}

interface Entry<V> {
  value: Promise<V>
  readAt: number
  refreshing: boolean
}

export function recheckCache<K, V>(ttlMs: number, maxEntries = 50_000): RecheckCache<K, V> {
  const entries = new Map<K, Entry<V>>()

  function start(key: K, read: () => Promise<V>, now: number): Entry<V> {
    const entry: Entry<V> = { value: read(), readAt: now, refreshing: false }
    if (entries.size >= maxEntries) entries.clear()
    entries.set(key, entry)
    entry.value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key)
    })
    return entry
  }

  return {
    get(key, read) {
      if (ttlMs <= 0) return read()
      const now = Date.now()
      const entry = entries.get(key)
      if (!entry || now - entry.readAt >= ttlMs) return start(key, read, now).value
      if (!entry.refreshing && now - entry.readAt >= ttlMs / 2) {
        entry.refreshing = true
        const next = read()
        next.then(
          () => {
            // Only if the key was neither forgotten nor replaced while the read ran.
            if (entries.get(key) === entry) entries.set(key, { value: next, readAt: now, refreshing: false })
          },
          () => {
            entry.refreshing = false
          },
        )
      }
      return entry.value
    },
    forget(key) {
      entries.delete(key)
    },
    forgetWhere(test) {
      for (const key of entries.keys()) if (test(key)) entries.delete(key)
    },
  }
}
