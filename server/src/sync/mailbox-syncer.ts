// Keeps one source mailbox in sync (DESIGN §5): connect, EXAMINE (read-only: never sets \Seen,
// moves or expunges), handle UIDVALIDITY changes, fetch `last_uid+1:*` in batches, store each batch
// with its progress in one transaction, then wait in IDLE (or poll with NOOP where the server has
// no IDLE) for new mail. imapflow does not reconnect by itself: every attempt gets a new client.
import { ImapFlow, type ImapFlowOptions } from 'imapflow'
import { classifyImapError } from '../modules/mail-sources/imap-errors'
import { imapClientOptions } from '../modules/mail-sources/imap-probe'
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/kysely'
import type { MailSourceRow } from '../db/schema'
import type { SecretBox } from '../lib/secret-box'
import type { BlobStore } from '../storage/blob-store'
import { prepareMail, type FetchedMail, type PreparedMail } from '../ingest/prepare'
import { LeaseLostError, storeBatch, type MailboxTarget } from '../ingest/store'
import { backoffDelay, nextAttempt, type BackoffPolicy, DEFAULT_BACKOFF } from './backoff'
import { hasUidValidityChanged, isNewUid, nextUidRange } from './uid'

export interface SyncerDeps {
  db: Db
  storage: BlobStore
  secrets: SecretBox
  log: FastifyBaseLogger
}

export interface SyncerOptions {
  owner: string
  batchSize?: number
  /** Poll interval when the server has no IDLE, and the longest IDLE before a fresh check. */
  pollMs?: number
  backoff?: BackoffPolicy
}

export class MailboxSyncer {
  private stopped = false
  private client: ImapFlow | null = null
  private wake: (() => void) | null = null
  private running: Promise<void> | null = null
  private readonly batchSize: number
  private readonly pollMs: number
  private readonly backoff: BackoffPolicy

  constructor(
    private readonly deps: SyncerDeps,
    readonly source: MailSourceRow,
    private readonly options: SyncerOptions,
  ) {
    this.batchSize = options.batchSize ?? 200
    this.pollMs = options.pollMs ?? 60_000
    this.backoff = options.backoff ?? DEFAULT_BACKOFF
  }

  /** True once the loop has ended (stopped, or the lease was lost). */
  finished = false

  start(): void {
    this.running ??= this.loop().finally(() => {
      this.finished = true
    })
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.wake?.()
    this.client?.close()
    await this.running
  }

  private get log() {
    return this.deps.log.child({ sourceId: this.source.id })
  }

  private async loop(): Promise<void> {
    let attempt = 0
    while (!this.stopped) {
      const startedAt = Date.now()
      try {
        await this.session()
      } catch (error) {
        if (this.stopped) break
        if (error instanceof LeaseLostError) {
          this.log.warn({ err: error.message }, 'mailbox lease lost; stopping this syncer')
          break
        }
        await this.recordError(error)
      }
      if (this.stopped) break
      attempt = nextAttempt(attempt, Date.now() - startedAt, this.backoff)
      const delay = backoffDelay(attempt, this.backoff)
      this.log.info({ delayMs: delay, attempt }, 'reconnecting to the mailbox')
      await this.sleep(delay)
    }
    await this.setConnected(false).catch(() => undefined)
  }

  /** One connection: sync, then wait for news, until the connection drops or stop() is called. */
  private async session(): Promise<void> {
    const client = new ImapFlow(this.clientOptions())
    this.client = client
    client.on('error', (error: Error) => this.log.warn({ err: error.message }, 'imap connection error'))
    let changed = false
    client.on('exists', () => {
      changed = true
      this.wake?.()
    })
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()))
    try {
      await client.connect()
      const mailbox = await client.mailboxOpen(this.source.mailbox, { readOnly: true })
      await this.setConnected(true)
      const uidvalidity = Number(mailbox.uidValidity)
      await this.syncNew(client, uidvalidity, true)
      const canIdle = client.capabilities.has('IDLE')
      while (!this.stopped && client.usable) {
        if (!changed) {
          // imapflow idles on its own while no command runs; without IDLE support poll with NOOP.
          await Promise.race([this.sleep(canIdle ? this.pollMs : Math.min(this.pollMs, 5000)), closed])
          if (!client.usable || this.stopped) break
          if (!canIdle || !changed) await client.noop()
        }
        changed = false
        const current = Number(client.mailbox ? client.mailbox.uidValidity : uidvalidity)
        await this.syncNew(client, current, false)
      }
      if (!this.stopped) throw new Error('connection closed by the server')
    } finally {
      this.client = null
      client.close()
    }
  }

  /** Fetches and stores everything after last_uid, batch by batch. */
  /** `fresh`: the mailbox was just opened, so its UIDNEXT is current (EXISTS updates do not refresh it). */
  private async syncNew(client: ImapFlow, uidvalidity: number, fresh: boolean): Promise<void> {
    const { db } = this.deps
    const state = await db
      .selectFrom('mailboxSync')
      .select(['uidvalidity', 'lastUid'])
      .where('sourceId', '=', this.source.id)
      .where('mailbox', '=', this.source.mailbox)
      .executeTakeFirstOrThrow()
    let lastUid = state.lastUid
    if (hasUidValidityChanged(state, uidvalidity)) {
      // A new incarnation of the mailbox: its UIDs mean nothing to us. Re-read it from the start;
      // deduplication on Message-ID, SPC id and raw bytes keeps already stored mail single.
      this.log.warn({ from: state.uidvalidity, to: uidvalidity }, 'UIDVALIDITY changed; resyncing the mailbox')
      await db
        .updateTable('mailboxSync')
        .set({ uidvalidity, lastUid: 0 })
        .where('sourceId', '=', this.source.id)
        .where('mailbox', '=', this.source.mailbox)
        .where('leaseOwner', '=', this.options.owner)
        .execute()
      lastUid = 0
    }
    const uidNext = fresh && client.mailbox ? client.mailbox.uidNext : null
    if (uidNext !== null) await db.updateTable('mailboxSync').set({ serverUidNext: uidNext }).where('sourceId', '=', this.source.id).where('mailbox', '=', this.source.mailbox).execute()
    const range = nextUidRange(lastUid, uidNext)
    if (!range) return
    const target: MailboxTarget = { sourceId: this.source.id, orgId: this.source.orgId, mailbox: this.source.mailbox, uidvalidity, owner: this.options.owner }
    // Two-stage pipeline: batch N+1 is analysed while batch N is written (MariaDB works on the other
    // core). Batches are stored strictly in UID order, each with its progress in one transaction.
    let storing: Promise<unknown> | null = null
    const flush = async (fetched: FetchedMail[]): Promise<void> => {
      const prepared = await this.prepare(fetched)
      if (storing) await storing
      storing = this.storePrepared(target, prepared)
      // Awaited before the next batch or at the end; this only keeps an early failure from being
      // reported as unhandled while the next batch is being prepared.
      storing.catch(() => undefined)
    }
    let batch: FetchedMail[] = []
    try {
      for await (const message of client.fetch(range, { uid: true, source: true, internalDate: true }, { uid: true })) {
        if (this.stopped) return
        if (!isNewUid(message.uid, lastUid) || !message.source) continue
        const internalDate = message.internalDate instanceof Date ? message.internalDate : message.internalDate ? new Date(message.internalDate) : null
        batch.push({ uid: message.uid, raw: message.source, internalDate })
        if (batch.length >= this.batchSize) {
          await flush(batch)
          batch = []
        }
      }
      if (batch.length && !this.stopped) await flush(batch)
    } finally {
      if (storing) await storing
    }
  }

  private prepare(batch: FetchedMail[]): Promise<PreparedMail[]> {
    const now = new Date()
    // A few at a time: blob writes overlap with parsing; more would only queue on the thread pool.
    return mapLimit(batch, 4, (fetched) => prepareMail(this.deps.storage, fetched, now))
  }

  private async storePrepared(target: MailboxTarget, prepared: PreparedMail[]): Promise<void> {
    const result = await storeBatch(this.deps.db, target, prepared)
    this.log.debug({ ...result }, 'batch stored')
  }

  private clientOptions(): ImapFlowOptions {
    const s = this.source
    return {
      ...imapClientOptions({ ...this.settings(), password: this.deps.secrets.open(s.passwordEnc) }, 15_000),
      // A long-lived connection: IDLE, not the connection test's short timeouts.
      disableAutoIdle: false,
      socketTimeout: 5 * 60_000,
      maxIdleTime: Math.max(this.pollMs, 60_000),
      // imapflow waits 15 s of quiet before it enters IDLE by itself; new mail must show in seconds.
      autoIdleDelay: 200,
      missingIdleCommand: 'NOOP',
    }
  }

  private settings() {
    const s = this.source
    return { host: s.host, port: s.port, tlsMode: s.tlsMode, username: s.username, mailbox: s.mailbox }
  }

  private async setConnected(connected: boolean): Promise<void> {
    await this.deps.db
      .updateTable('mailboxSync')
      .set({ connected })
      .where('sourceId', '=', this.source.id)
      .where('mailbox', '=', this.source.mailbox)
      .where('leaseOwner', '=', this.options.owner)
      .execute()
  }

  private async recordError(error: unknown): Promise<void> {
    const message = classifyImapError(error, { ...this.settings(), timeoutMs: 15_000 }).message
    this.log.warn({ err: message }, 'mailbox sync failed')
    await this.deps.db
      .updateTable('mailboxSync')
      .set({ lastError: message.slice(0, 1000), lastErrorAt: new Date(), connected: false })
      .where('sourceId', '=', this.source.id)
      .where('mailbox', '=', this.source.mailbox)
      .where('leaseOwner', '=', this.options.owner)
      .execute()
      .catch((dbError: unknown) => this.log.warn({ err: (dbError as Error).message }, 'could not record the sync error'))
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.wake = done
    })
  }
}

async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i]!)
    }
  })
  await Promise.all(lanes)
  return results
}
