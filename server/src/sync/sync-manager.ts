// The worker's mail ingestion: every few seconds, find the enabled mail sources, take the leases
// of those no other worker holds, run one MailboxSyncer per owned mailbox, renew leases, and stop
// syncers whose lease was lost or whose source was disabled. One source's failure never touches
// another: each syncer has its own connection, backoff and error record.
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/kysely'
import type { SecretBox } from '../lib/secret-box'
import type { BlobStore } from '../storage/blob-store'
import type { BackoffPolicy } from './backoff'
import { acquireLease, ensureSyncRow, releaseLease } from './lease'
import { MailboxSyncer } from './mailbox-syncer'

export interface SyncManagerOptions {
  db: Db
  storage: BlobStore
  secrets: SecretBox
  log: FastifyBaseLogger
  /** Identifies this worker in lease rows. */
  owner?: string
  tickMs?: number
  leaseTtlMs?: number
  batchSize?: number
  pollMs?: number
  backoff?: BackoffPolicy
  /** Restrict this worker to these sources (tests, or a deployment that shards sources). */
  sourceIds?: number[]
}

export class SyncManager {
  readonly owner: string
  private readonly syncers = new Map<number, MailboxSyncer>()
  private timer: NodeJS.Timeout | null = null
  private ticking: Promise<void> | null = null
  private stopped = false

  constructor(private readonly options: SyncManagerOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  }

  start(): void {
    const schedule = () => {
      this.ticking = this.tick()
        .catch((error: unknown) => this.options.log.warn({ err: (error as Error).message }, 'mail sync tick failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(schedule, this.options.tickMs ?? 5000)
        })
    }
    schedule()
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    await this.ticking
    await Promise.all([...this.syncers.values()].map((s) => this.retire(s)))
  }

  /** Source ids this worker is syncing right now. */
  get active(): number[] {
    return [...this.syncers.keys()]
  }

  async tick(): Promise<void> {
    const { db } = this.options
    const ttl = this.options.leaseTtlMs ?? 30_000
    let query = db.selectFrom('mailSources').selectAll().where('enabled', '=', true)
    if (this.options.sourceIds) query = query.where('id', 'in', this.options.sourceIds.length ? this.options.sourceIds : [0])
    const sources = await query.execute()
    const wanted = new Set(sources.map((s) => s.id))
    for (const [id, syncer] of this.syncers) {
      const current = sources.find((s) => s.id === id)
      // Disabled, deleted, or edited (new host or password): stop; an edited one restarts below.
      if (!wanted.has(id) || !current || current.updatedAt.getTime() !== syncer.source.updatedAt.getTime()) await this.retire(syncer)
    }
    for (const source of sources) {
      if (this.stopped) return
      await ensureSyncRow(db, source.id, source.mailbox)
      const held = await acquireLease(db, source.id, source.mailbox, this.owner, ttl)
      let running = this.syncers.get(source.id)
      if (running?.finished) {
        this.syncers.delete(source.id)
        running = undefined
      }
      if (!held) {
        if (running) await this.retire(running, false)
        continue
      }
      if (!running) {
        const syncer = new MailboxSyncer(this.options, source, {
          owner: this.owner,
          ...(this.options.batchSize ? { batchSize: this.options.batchSize } : {}),
          ...(this.options.pollMs ? { pollMs: this.options.pollMs } : {}),
          ...(this.options.backoff ? { backoff: this.options.backoff } : {}),
        })
        this.syncers.set(source.id, syncer)
        syncer.start()
      }
    }
  }

  private async retire(syncer: MailboxSyncer, release = true): Promise<void> {
    this.syncers.delete(syncer.source.id)
    await syncer.stop()
    if (release) await releaseLease(this.options.db, syncer.source.id, syncer.source.mailbox, this.owner).catch(() => undefined)
  }
}
