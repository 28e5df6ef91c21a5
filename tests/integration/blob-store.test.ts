// The local blob store on a real folder: content-addressed, idempotent, and a blob whose first
// write was cut short (a crash) is repaired by the next put of the same bytes.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLocalBlobStore, sha256Of } from '@sellerinbox/server/storage/blob-store'

describe('local blob store', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'blobs-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('stores bytes under their sha256 and reads them back', async () => {
    const data = Buffer.from('From: buyer@example.com\r\n\r\nHello')
    const { key, sha256 } = await createLocalBlobStore(dir).put('raw', data)
    expect(sha256).toBe(sha256Of(data))
    expect(key).toBe(`raw/${sha256.slice(0, 2)}/${sha256}`)
    expect(await createLocalBlobStore(dir).get(key)).toEqual(data)
  })

  it('storing the same bytes again, from another store instance, keeps one file and no leftovers', async () => {
    const data = Buffer.from('same bytes')
    const first = await createLocalBlobStore(dir).put('attachment', data)
    const second = await createLocalBlobStore(dir).put('attachment', data)
    expect(second.key).toBe(first.key)
    const folder = path.dirname(path.join(dir, first.key))
    expect(readdirSync(folder)).toEqual([first.sha256])
  })

  it('replaces a blob left truncated by a crash when the same bytes are stored again', async () => {
    const data = Buffer.alloc(64 * 1024, 'x')
    const sha256 = sha256Of(data)
    const file = path.join(dir, 'raw', sha256.slice(0, 2), sha256)
    // What a crash in the middle of the first write leaves behind.
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, data.subarray(0, 1000))
    expect(statSync(file).size).toBe(1000)

    await createLocalBlobStore(dir).put('raw', data)
    expect(readFileSync(file)).toEqual(data)
    expect(readdirSync(path.dirname(file))).toEqual([sha256])
  })

  it('refuses keys outside its own layout', async () => {
    const store = createLocalBlobStore(dir)
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/invalid storage key/)
  })
})
