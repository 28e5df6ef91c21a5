// Process entry: reads configuration, starts the roles this process runs (web: HTTP API and the
// H5 web version; worker: background jobs) and shuts down cleanly on SIGINT/SIGTERM.
import closeWithGrace from 'close-with-grace'
import { buildApp } from './app'
import { ConfigError, loadConfig, type Config } from './config'
import { startJobs, type Jobs } from './jobs'
import { startNotifications, type NotificationDispatcher } from './notify/dispatcher'
import { SyncManager } from './sync/sync-manager'
import { OutboxDispatcher } from './outbox/dispatcher'
import { SmtpTransports } from './outbox/smtp'

let config: Config
try {
  config = loadConfig()
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message)
    console.error('See .env.example for every variable.')
    process.exit(1)
  }
  throw error
}

// A worker-only process still answers /healthz and /readyz; it serves no API and no web app.
const app = await buildApp(config, { web: config.roles.web, api: config.roles.web })
let jobs: Jobs | undefined
let mailSync: SyncManager | undefined
let notifications: NotificationDispatcher | undefined
let outbox: OutboxDispatcher | undefined
let transports: SmtpTransports | undefined
if (config.roles.worker) {
  notifications = startNotifications(app.ctx, app.log)
  jobs = startJobs({ ...app.ctx, notifications }, app.log)
  mailSync = new SyncManager({
    db: app.ctx.db,
    storage: app.ctx.storage,
    secrets: app.ctx.secrets,
    log: app.log,
    leaseTtlMs: config.mailLeaseTtlSeconds * 1000,
    tickMs: config.mailSyncTickSeconds * 1000,
  })
  mailSync.start()
  transports = new SmtpTransports(app.ctx.db, app.ctx.secrets, config.smtp)
  const dispatcher = new OutboxDispatcher({
    db: app.ctx.db,
    storage: app.ctx.storage,
    transports,
    log: app.log,
    sendingTimeoutMs: config.outboxSendingTimeoutSeconds * 1000,
  })
  app.ctx.nudgeOutbox = () => dispatcher.nudge()
  dispatcher.start()
  outbox = dispatcher
}

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error')
  else app.log.info({ signal }, 'shutting down')
  await jobs?.stop()
  await mailSync?.stop()
  await outbox?.stop()
  transports?.close()
  await notifications?.stop()
  await app.close()
})

await app.listen({ host: config.host, port: config.port })
app.log.info({ roles: config.roles }, 'server started')
