// The local blob store on a real folder: attachments content-addressed and idempotent (a blob whose
// first write was cut short by a crash is repaired by the next put of the same bytes); raw MIME
// appended to per-process pack files that roll over at their size limit.
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

  it('stores attachments under their sha256 and reads them back', async () => {
    const data = Buffer.from('%PDF-1.4 invoice')
    const { key, sha256 } = await createLocalBlobStore(dir).put('attachment', data)
    expect(sha256).toBe(sha256Of(data))
    expect(key).toBe(`attachment/${sha256.slice(0, 2)}/${sha256}`)
    expect(await createLocalBlobStore(dir).get(key)).toEqual(data)
  })

  it('storing the same attachment again, from another store instance, keeps one file and no leftovers', async () => {
    const data = Buffer.from('same bytes')
    const first = await createLocalBlobStore(dir).put('attachment', data)
    const second = await createLocalBlobStore(dir).put('attachment', data)
    expect(second.key).toBe(first.key)
    const folder = path.dirname(path.join(dir, first.key))
    expect(readdirSync(folder)).toEqual([first.sha256])
  })

  it('replaces an attachment left truncated by a crash when the same bytes are stored again', async () => {
    const data = Buffer.alloc(64 * 1024, 'x')
    const sha256 = sha256Of(data)
    const file = path.join(dir, 'attachment', sha256.slice(0, 2), sha256)
    // What a crash in the middle of the first write leaves behind.
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, data.subarray(0, 1000))
    expect(statSync(file).size).toBe(1000)

    await createLocalBlobStore(dir).put('attachment', data)
    expect(readFileSync(file)).toEqual(data)
    expect(readdirSync(path.dirname(file))).toEqual([sha256])
  })

  it('appends raw messages to one pack file per process and reads each back exactly', async () => {
    const store = createLocalBlobStore(dir)
    const mails = ['From: a@example.com\r\n\r\nHello', 'From: b@example.com\r\n\r\n你好', 'From: c@example.com\r\n\r\n'].map((m) => Buffer.from(m))
    const keys = []
    for (const mail of mails) keys.push((await store.put('raw', mail)).key)
    expect(new Set(keys).size).toBe(3)
    expect(readdirSync(path.join(dir, 'packs'))).toHaveLength(1)
    const reader = createLocalBlobStore(dir)
    for (const [i, key] of keys.entries()) expect(await reader.get(key)).toEqual(mails[i])
    // The same bytes again in this process get the key they already have: nothing appended.
    expect((await store.put('raw', mails[0]!)).key).toBe(keys[0])
    const [pack] = readdirSync(path.join(dir, 'packs'))
    expect(statSync(path.join(dir, 'packs', pack!)).size).toBe(mails.reduce((n, m) => n + m.length, 0))
  })

  it('gives every store instance (every worker process) its own pack and starts a new one past the size limit', async () => {
    const a = createLocalBlobStore(dir, { packBytes: 100 })
    const b = createLocalBlobStore(dir, { packBytes: 100 })
    const blobs = Array.from({ length: 6 }, (_, i) => Buffer.alloc(40, String(i)))
    const keys: string[] = []
    for (const [i, blob] of blobs.entries()) keys.push((await (i % 2 === 0 ? a : b).put('raw', blob)).key)
    // Each instance wrote 3 × 40 bytes with a 100-byte limit: two packs each, none shared.
    const packs = readdirSync(path.join(dir, 'packs'))
    expect(packs).toHaveLength(4)
    expect(packs.map((p) => statSync(path.join(dir, 'packs', p)).size).sort()).toEqual([40, 40, 80, 80])
    for (const [i, key] of keys.entries()) expect(await createLocalBlobStore(dir).get(key)).toEqual(blobs[i])
    // A blob larger than the limit is still stored whole and read back.
    const big = Buffer.alloc(250, 'z')
    const { key } = await a.put('raw', big)
    expect(await a.get(key)).toEqual(big)
  })

  it('reads raw messages stored one file per message', async () => {
    const data = Buffer.from('From: old@example.com\r\n\r\nstored before pack files')
    const sha256 = sha256Of(data)
    const key = `raw/${sha256.slice(0, 2)}/${sha256}`
    mkdirSync(path.join(dir, 'raw', sha256.slice(0, 2)), { recursive: true })
    writeFileSync(path.join(dir, key), data)
    expect(await createLocalBlobStore(dir).get(key)).toEqual(data)
  })

  it('refuses keys outside its own layout and pack ranges past the end', async () => {
    const store = createLocalBlobStore(dir)
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/invalid storage key/)
    await expect(store.get('packs/../../etc/passwd/0/10')).rejects.toThrow(/invalid storage key/)
    const { key } = await store.put('raw', Buffer.from('short'))
    const [, name] = key.split('/')
    await expect(store.get(`packs/${name}/0/500`)).rejects.toThrow(/past the end/)
  })
})
