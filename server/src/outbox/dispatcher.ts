// The outbox worker: claims due replies under row locks (SKIP LOCKED, so several workers share the
// work without sending anything twice), marks them `sending` before talking to SMTP, and records
// the outcome. A reply found still `sending` after SENDING_TIMEOUT belonged to a worker that died
// mid-send: the SMTP server may have accepted it, so it becomes `unknown` and is never re-sent.
import { sql } from 'kysely'
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/kysely'
import type { OutboxRow } from '../db/schema'
import { sha256Hex } from '../lib/random'
import type { BlobStore } from '../storage/blob-store'
import { sha256Of } from '../storage/blob-store'
import { composeReply } from './compose'
import { classifySmtpError, type SmtpTransports } from './smtp'
import { recordSentReply } from './sent-reply'

export interface OutboxDispatcherOptions {
  db: Db
  storage: BlobStore
  transports: SmtpTransports
  log: FastifyBaseLogger
  pollMs?: number
  /** How long a `sending` row may stay so before it is declared `unknown`. */
  sendingTimeoutMs?: number
  batchSize?: number
  maxAttempts?: number
}

/** Delay before retry `attempt` (1-based): 10 s, 20 s, 40 s … capped at 10 minutes. */
export function retryDelayMs(attempt: number): number {
  return Math.min(10 * 60_000, 10_000 * 2 ** Math.max(0, attempt - 1))
}

export class OutboxDispatcher {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private again = false
  private stopped = false

  constructor(private readonly options: OutboxDispatcherOptions) {}

  start(): void {
    const loop = () => {
      if (this.stopped) return
      this.running = this.tick()
        .then(() => undefined)
        .catch((error: unknown) => this.options.log.warn({ err: (error as Error).message }, 'outbox tick failed'))
        .finally(() => {
          this.running = null
          if (this.stopped) return
          const delay = this.again ? 0 : (this.options.pollMs ?? 1000)
          this.again = false
          this.timer = setTimeout(loop, delay)
        })
    }
    loop()
  }

  /** New work in this process: run the next tick now instead of waiting for the poll. */
  nudge(): void {
    if (this.stopped) return
    if (this.running) {
      this.again = true
      return
    }
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => this.start(), 0)
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    await this.running
  }

  async tick(): Promise<number> {
    await this.expireInterrupted()
    const claimed = await this.claim()
    for (const row of claimed) await this.send(row)
    if (claimed.length === (this.options.batchSize ?? 10)) this.again = true
    return claimed.length
  }

  private async expireInterrupted(): Promise<void> {
    const timeout = this.options.sendingTimeoutMs ?? 5 * 60_000
    await this.options.db
      .updateTable('outbox')
      .set({
        state: 'unknown',
        lastError: 'Sending was interrupted; the mail server may have accepted it. Check Seller Central before sending again.',
        updatedAt: new Date(),
      })
      .where('state', '=', 'sending')
      .where('sendingSince', '<', sql<Date>`NOW(3) - INTERVAL ${timeout * 1000} MICROSECOND`)
      .execute()
  }

  private async claim(): Promise<OutboxRow[]> {
    const { db } = this.options
    return db.transaction().execute(async (tx) => {
      const due = await tx
        .selectFrom('outbox')
        .select('id')
        .where('state', '=', 'queued')
        .where('nextAttemptAt', '<=', sql<Date>`NOW(3)`)
        .orderBy('id')
        .limit(this.options.batchSize ?? 10)
        .forUpdate()
        .skipLocked()
        .execute()
      if (!due.length) return []
      const ids = due.map((r) => r.id)
      // The intent is recorded before any byte goes to SMTP.
      await tx
        .updateTable('outbox')
        .set({ state: 'sending', sendingSince: sql`NOW(3)`, attempts: sql`attempts + 1`, updatedAt: new Date() })
        .where('id', 'in', ids)
        .execute()
      return tx.selectFrom('outbox').selectAll().where('id', 'in', ids).orderBy('id').execute()
    })
  }

  private async send(row: OutboxRow): Promise<void> {
    const { db, storage, transports, log } = this.options
    const relay = await transports.relayFor(row.orgId)
    if (!relay) {
      await this.retry(row, 'No SMTP relay is configured; set SMTP_HOST or the organisation relay')
      return
    }
    let raw: Buffer
    try {
      const files = await db.selectFrom('outboxAttachments').selectAll().where('outboxId', '=', row.id).orderBy('id').execute()
      const attachments = await Promise.all(files.map(async (f) => ({ filename: f.filename, contentType: f.contentType, content: await storage.get(f.storageKey) })))
      raw = await composeReply(row, attachments)
    } catch (error) {
      await this.fail(row, `The reply could not be built: ${(error as Error).message}`, null)
      return
    }
    let response: string
    try {
      const info = await transports.transportFor(relay).sendMail({ envelope: { from: row.fromAddress, to: [row.toAddress] }, raw })
      response = String(info.response ?? '')
    } catch (error) {
      const failure = classifySmtpError(error)
      log.warn({ outboxId: row.id, permanent: failure.permanent, err: failure.message }, 'reply not sent')
      if (failure.permanent || row.attempts >= (this.options.maxAttempts ?? 50)) await this.fail(row, failure.message, (error as { response?: string }).response ?? null)
      else await this.retry(row, failure.message)
      return
    }
    const { key } = await storage.put('raw', raw)
    await recordSentReply(db, row, { rawKey: key, rawSha256: sha256Of(raw), rawSize: raw.length, messageIdHash: sha256Hex(row.emailMessageId.toLowerCase()), smtpResponse: response })
    log.info({ outboxId: row.id }, 'reply sent')
  }

  private async retry(row: OutboxRow, message: string): Promise<void> {
    await this.options.db
      .updateTable('outbox')
      .set({ state: 'queued', sendingSince: null, lastError: message.slice(0, 1000), nextAttemptAt: new Date(Date.now() + retryDelayMs(row.attempts)), updatedAt: new Date() })
      .where('id', '=', row.id)
      .where('state', '=', 'sending')
      .execute()
  }

  private async fail(row: OutboxRow, message: string, smtpResponse: string | null): Promise<void> {
    await this.options.db
      .updateTable('outbox')
      .set({ state: 'failed', sendingSince: null, lastError: message.slice(0, 1000), smtpResponse: smtpResponse?.slice(0, 1000) ?? null, updatedAt: new Date() })
      .where('id', '=', row.id)
      .where('state', '=', 'sending')
      .execute()
  }
}
