// Content-addressed storage for raw MIME and attachments, behind a small interface so object
// storage (S3-compatible) can replace the local folder when the deployment grows.
import { createHash } from 'node:crypto'
import { mkdirSync, promises as fs, renameSync, writeFileSync } from 'node:fs'
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
      // Write then rename: a crash never leaves a truncated blob under the final name, and
      // replacing an existing blob with the same bytes is harmless (no existence check needed).
      // Synchronous on purpose: for mail-sized files one blocking write costs less than two trips
      // through libuv's thread pool, which halved ingest throughput when measured.
      const tmp = `${file}.${process.pid}.${++tmpSeq}.tmp`
      writeFileSync(tmp, data)
      renameSync(tmp, file)
      if (known.size > 100_000) known.clear()
      known.add(key)
      return { key, sha256 }
    },
    async get(key) {
      return fs.readFile(fileOf(key))
    },
  }
}
