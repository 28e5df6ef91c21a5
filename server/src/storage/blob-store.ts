// Storage for raw MIME and attachments, behind a small interface so object storage
// (S3-compatible) can replace the local folder when the deployment grows.
//
// Attachments are content-addressed (one file per sha256, so the same PDF sent a hundred times is
// kept once). Raw MIME is one per message and is appended to pack files instead: creating a file
// per message cost more than parsing it (an inode, a directory entry and a journal write each),
// and pack files keep a million messages in a few hundred files.
import { createHash, randomBytes } from 'node:crypto'
import { closeSync, mkdirSync, openSync, promises as fs, renameSync, statSync, writeFileSync, writeSync } from 'node:fs'
import path from 'node:path'

export interface BlobStore {
  /**
   * Stores the bytes and returns the key to read them back. Attachments are kept once per sha256;
   * raw MIME is appended to this process's pack file (bytes this process stored recently get the
   * key they already have).
   */
  put(kind: 'raw' | 'attachment', data: Buffer, sha256?: string): Promise<{ key: string; sha256: string }>
  get(key: string): Promise<Buffer>
}

export interface LocalBlobStoreOptions {
  /** A pack file is closed and a new one started once it would grow past this size. */
  packBytes?: number
}

export function sha256Of(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

const FILE_KEY = /^(raw|attachment)\/[0-9a-f]{2}\/[0-9a-f]{64}$/
const PACK_KEY = /^packs\/([0-9a-z]+-[0-9a-f]{12}\.pack)\/(\d{1,15})\/(\d{1,12})$/
const RECENT_LIMIT = 100_000

export function createLocalBlobStore(root: string, options: LocalBlobStoreOptions = {}): BlobStore {
  const base = path.resolve(root)
  const packBytes = options.packBytes ?? 256 * 1024 * 1024
  /** Keys this process stored recently, by sha256 and kind; a bounded cache, not a source of truth. */
  const recent = new Map<string, string>()
  const dirs = new Set<string>()
  let tmpSeq = 0
  let pack: { fd: number; name: string; size: number } | null = null

  function ensureDir(dir: string): void {
    if (dirs.has(dir)) return
    mkdirSync(dir, { recursive: true })
    dirs.add(dir)
  }

  function remember(cacheKey: string, key: string): void {
    if (recent.size >= RECENT_LIMIT) recent.clear()
    recent.set(cacheKey, key)
  }

  /**
   * Appends to this process's own pack file (created exclusively under a random name, so several
   * workers never share one) with positional writes: a write that fails part-way is overwritten by
   * the next one, and a crash leaves at most an unreferenced tail. Synchronous on purpose: one
   * blocking write of a mail-sized buffer costs less than a trip through libuv's thread pool.
   */
  function appendToPack(data: Buffer): string {
    if (pack && pack.size > 0 && pack.size + data.length > packBytes) {
      closeSync(pack.fd)
      pack = null
    }
    if (!pack) {
      const dir = path.join(base, 'packs')
      ensureDir(dir)
      const name = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}.pack`
      pack = { fd: openSync(path.join(dir, name), 'wx'), name, size: 0 }
    }
    let written = 0
    while (written < data.length) written += writeSync(pack.fd, data, written, data.length - written, pack.size + written)
    const key = `packs/${pack.name}/${pack.size}/${data.length}`
    pack.size += data.length
    return key
  }

  /**
   * Created exclusively under its final name: one open and one write, no rename. A blob that is
   * already there holds these bytes (the name is their hash) unless a crash cut its write short;
   * then it is shorter, and is replaced by a write-then-rename, so a reader never sees a truncated
   * file under a name that a stored row points to.
   */
  function writeContentAddressed(key: string, data: Buffer): void {
    const file = path.join(base, key)
    ensureDir(path.dirname(file))
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
  }

  return {
    async put(kind, data, sha256 = sha256Of(data)) {
      const cacheKey = `${kind}:${sha256}`
      const known = recent.get(cacheKey)
      if (known) return { key: known, sha256 }
      let key: string
      if (kind === 'raw') {
        key = appendToPack(data)
      } else {
        key = `${kind}/${sha256.slice(0, 2)}/${sha256}`
        writeContentAddressed(key, data)
      }
      remember(cacheKey, key)
      return { key, sha256 }
    },
    async get(key) {
      const packed = PACK_KEY.exec(key)
      if (packed) {
        const [, name, offset, length] = packed
        const size = Number(length)
        const handle = await fs.open(path.join(base, 'packs', name!), 'r')
        try {
          const data = Buffer.alloc(size)
          let read = 0
          while (read < size) {
            const { bytesRead } = await handle.read(data, read, size - read, Number(offset) + read)
            if (bytesRead === 0) throw new Error(`storage key ${key} points past the end of its pack`)
            read += bytesRead
          }
          return data
        } finally {
          await handle.close()
        }
      }
      // raw/… keys are what stores written before pack files hold.
      if (!FILE_KEY.test(key)) throw new Error(`invalid storage key ${key}`)
      return fs.readFile(path.join(base, key))
    },
  }
}
