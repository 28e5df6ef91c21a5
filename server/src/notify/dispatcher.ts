// The worker's notification loop: every tick it plans newly stored messages (intake → notifications)
// and sends what is due. Reminders and crash recovery run from jobs/ once a minute (and recovery at
// start). Time comes from an injectable clock so tests can walk through cool-downs and windows.
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { FastifyBaseLogger } from 'fastify'
import type { NotifyConfig } from '../config'
import type { Db } from '../db/kysely'
import { createAccessTokenCache, type AccessTokenCache } from '../modules/wechat/access-token'
import type { WechatClient } from '../modules/wechat/wechat.client'
import { TemplateBackoff } from './backoff'
import { planIntake } from './planner'
import { markInterruptedSends } from './recovery'
import { sendDue } from './sender'
import { planSlaReminders } from './sla-reminders'

export interface DispatcherOptions {
  db: Db
  config: NotifyConfig
  wechat: WechatClient
  appid: string
  log: FastifyBaseLogger
  /** The clock every decision uses (default: real time). */
  now?: () => Date
  owner?: string
  /** Only these orgs (tests run several dispatchers against one database). */
  orgIds?: number[]
  tokens?: AccessTokenCache
  afterSend?: (notificationId: number) => Promise<void>
}

export interface TickResult {
  planned: number
  sent: number
  /** How long planning and sending took (benchmarks). */
  planMs: number
  sendMs: number
}

const BATCH = 200

export class NotificationDispatcher {
  readonly owner: string
  readonly tokens: AccessTokenCache
  private readonly backoff = new TemplateBackoff()
  private readonly now: () => Date
  private timer: NodeJS.Timeout | null = null
  private running: Promise<unknown> | null = null
  private stopped = false

  constructor(private readonly options: DispatcherOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
    this.now = options.now ?? (() => new Date())
    this.tokens = options.tokens ?? createAccessTokenCache({ db: options.db, client: options.wechat, appid: options.appid })
  }

  /** Runs the loop: a sweep first (sends a crashed predecessor left `sending`), then a tick every tickMs. */
  start(): void {
    const run = (work: () => Promise<unknown>) => {
      this.running = work()
        .catch((error: unknown) => this.options.log.warn({ err: (error as Error).message }, 'notification tick failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(() => run(() => this.tick()), this.options.config.tickMs)
        })
    }
    run(async () => {
      await this.sweep()
      await this.tick()
    })
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    await this.running
  }

  /** Plans everything in the intake, then sends everything due. */
  async tick(): Promise<TickResult> {
    const { db, config, orgIds } = this.options
    const planDeps = { db, config, ...(orgIds ? { orgIds } : {}) }
    let planned = 0
    const started = performance.now()
    for (;;) {
      const n = await planIntake(planDeps, this.now(), BATCH)
      planned += n
      if (n < BATCH || this.stopped) break
    }
    const planMs = performance.now() - started
    const sendDeps = {
      db,
      config,
      wechat: this.options.wechat,
      tokens: this.tokens,
      backoff: this.backoff,
      owner: this.owner,
      ...(orgIds ? { orgIds } : {}),
      ...(this.options.afterSend ? { afterSend: this.options.afterSend } : {}),
    }
    let sent = 0
    for (;;) {
      const n = await sendDue(sendDeps, this.now())
      sent += n
      if (n === 0 || this.stopped) break
    }
    return { planned, sent, planMs, sendMs: performance.now() - started - planMs }
  }

  /** Once a minute (jobs/): reply-deadline reminders, and sends a dead worker left `sending`. */
  async sweep(): Promise<{ reminders: number; interrupted: number }> {
    const { db, config, orgIds } = this.options
    const now = this.now()
    const interrupted = await markInterruptedSends(db, now, config.sendingTimeoutMs, orgIds)
    const reminders = await planSlaReminders({ db, config, ...(orgIds ? { orgIds } : {}) }, now)
    return { reminders, interrupted }
  }
}

/** The worker's dispatcher, or undefined when no template is configured (notifications are off). */
export function startNotifications(deps: { db: Db; config: { notify: NotifyConfig; wechat: { appid: string } }; wechat: WechatClient }, log: FastifyBaseLogger): NotificationDispatcher | undefined {
  if (!deps.config.notify.newMessage) {
    log.info('notifications are off: NOTIFY_TEMPLATE_NEW_MESSAGE is not set')
    return undefined
  }
  const dispatcher = new NotificationDispatcher({ db: deps.db, config: deps.config.notify, wechat: deps.wechat, appid: deps.config.wechat.appid, log })
  dispatcher.start()
  return dispatcher
}
