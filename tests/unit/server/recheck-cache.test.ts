import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { recheckCache } from '@sellerinbox/server/lib/recheck-cache'

/** A read whose result the test settles by hand, counting how often it was started. */
function reads<V>() {
  const started: { resolve(v: V): void; reject(e: Error): void }[] = []
  const read = () =>
    new Promise<V>((resolve, reject) => {
      started.push({ resolve, reject })
    })
  return { read, started }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(0)
})
afterEach(() => vi.useRealTimers())

describe('recheckCache', () => {
  it('shares one read between concurrent first uses and reuses it within the window', async () => {
    const cache = recheckCache<string, number>(1000)
    const { read, started } = reads<number>()
    const a = cache.get('k', read)
    const b = cache.get('k', read)
    expect(started).toHaveLength(1)
    started[0]!.resolve(1)
    expect([await a, await b]).toEqual([1, 1])
    vi.setSystemTime(400)
    expect(await cache.get('k', read)).toBe(1)
    expect(started).toHaveLength(1)
  })

  it('refreshes in the background in the second half of the window, and never serves a read older than the window', async () => {
    const cache = recheckCache<string, number>(1000)
    const { read, started } = reads<number>()
    const first = cache.get('k', read)
    started[0]!.resolve(1)
    await first

    vi.setSystemTime(600)
    expect(await cache.get('k', read)).toBe(1) // answered at once from the current read
    expect(started).toHaveLength(2) // …while the next one runs
    expect(await cache.get('k', read)).toBe(1)
    expect(started).toHaveLength(2) // one refresh at a time
    started[1]!.resolve(2)
    await settle()
    expect(await cache.get('k', read)).toBe(2)

    // The refreshed value's window starts when its read started (600): at 1600 it is too old,
    // and a refresh that never finishes cannot stretch it.
    vi.setSystemTime(1200)
    expect(await cache.get('k', read)).toBe(2)
    expect(started).toHaveLength(3) // refresh started at 1200, left hanging
    vi.setSystemTime(1600)
    const fresh = cache.get('k', read)
    expect(started).toHaveLength(4)
    started[3]!.resolve(3)
    expect(await fresh).toBe(3)
  })

  it('forgets a key at once, and does not keep a read that was running when it was forgotten', async () => {
    const cache = recheckCache<string, number>(1000)
    const { read, started } = reads<number>()
    const first = cache.get('k', read)
    started[0]!.resolve(1)
    await first
    vi.setSystemTime(700)
    void cache.get('k', read) // starts a background refresh
    expect(started).toHaveLength(2)
    cache.forget('k')
    started[1]!.resolve(99)
    await settle()
    const next = cache.get('k', read)
    expect(started).toHaveLength(3)
    started[2]!.resolve(2)
    expect(await next).toBe(2)
  })

  it('forgets every key a test accepts', async () => {
    const cache = recheckCache<string, string>(1000)
    const values = new Map([['1/a', 'x'], ['1/b', 'y'], ['2/a', 'z']])
    let count = 0
    const read = (key: string) => () => {
      count++
      return Promise.resolve(values.get(key)!)
    }
    for (const key of values.keys()) await cache.get(key, read(key))
    expect(count).toBe(3)
    cache.forgetWhere((key) => key.startsWith('1/'))
    for (const key of values.keys()) await cache.get(key, read(key))
    expect(count).toBe(5)
  })

  it('keeps no failed read; a failed refresh leaves the current value until its window ends', async () => {
    const cache = recheckCache<string, number>(1000)
    const { read, started } = reads<number>()
    const failed = cache.get('k', read)
    started[0]!.reject(new Error('database down'))
    await expect(failed).rejects.toThrow('database down')
    const second = cache.get('k', read)
    expect(started).toHaveLength(2)
    started[1]!.resolve(1)
    expect(await second).toBe(1)

    vi.setSystemTime(500)
    void cache.get('k', read)
    started[2]!.reject(new Error('database down'))
    await settle()
    expect(await cache.get('k', read)).toBe(1)
    expect(started).toHaveLength(4) // the failed refresh is tried again
  })

  it('reads on every use when the window is 0', async () => {
    const cache = recheckCache<string, number>(0)
    let count = 0
    const read = () => Promise.resolve(++count)
    expect([await cache.get('k', read), await cache.get('k', read)]).toEqual([1, 2])
  })

  it('starts over instead of growing past its bound', async () => {
    const cache = recheckCache<number, number>(1000, 2)
    let count = 0
    const read = () => Promise.resolve(++count)
    await cache.get(1, read)
    await cache.get(2, read)
    await cache.get(3, read) // full: cleared, then 3 kept
    expect(count).toBe(3)
    await cache.get(3, read)
    expect(count).toBe(3)
    await cache.get(1, read)
    expect(count).toBe(4)
  })
})
