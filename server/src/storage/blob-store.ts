// Content-addressed storage for raw MIME and attachments, behind a small interface so object
// storage (S3-compatible) can replace the local folder when the deployment grows.
import { createHash } from 'node:crypto'
import { mkdirSync, promises as fs, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export interface BlobStore {
  /** Stores the bytes under their sha256 and returns the key; storing the same bytes again is a no-op. */
  put(kind: 'raw' | 'attachment', data: Buffer, sha256?: string): Promise<{ key: string; sha256: string }>
  get(key: string): Promise<Buffer>
}

export function sha256Of(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

export function createLocalBlobStore(root: string): BlobStore {
  const base = path.resolve(root)
  const known = new Set<string>()
  const dirs = new Set<string>()
  let tmpSeq = 0

  function fileOf(key: string): string {
    if (!/^(raw|attachment)\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error(`invalid storage key ${key}`)
    return path.join(base, key)
  }

  return {
    async put(kind, data, sha256 = sha256Of(data)) {
      const key = `${kind}/${sha256.slice(0, 2)}/${sha256}`
      if (known.has(key)) return { key, sha256 }
      const file = fileOf(key)
      const dir = path.dirname(file)
      if (!dirs.has(dir)) {
        mkdirSync(dir, { recursive: true })
        dirs.add(dir)
      }
      // Created exclusively under its final name: one open and one write, no rename. A blob that
      // is already there holds these bytes (the name is their hash) unless a crash cut its write
      // short; then it is shorter, and is replaced by a write-then-rename, so a reader never sees
      // a truncated file under a name that a stored row points to.
      // Synchronous on purpose: for mail-sized files one blocking write costs less than the trips
      // through libuv's thread pool, which halved ingest throughput when measured.
      try {
        writeFileSync(file, data, { flag: 'wx' })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        if (statSync(file).size !== data.length) {
          const tmp = `${file}.${process.pid}.${++tmpSeq}.tmp`
          writeFileSync(tmp, data)
          renameSync(tmp, file)
        }
      }
      if (known.size > 100_000) known.clear()
      known.add(key)
      return { key, sha256 }
    },
    async get(key) {
      return fs.readFile(fileOf(key))
    },
  }
}
