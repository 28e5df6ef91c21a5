// The worker role's scheduled jobs. The only module that imports node-cron.
import cron, { type ScheduledTask } from 'node-cron'
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/kysely'
import type { NotificationDispatcher } from '../notify/dispatcher'
import type { BlobStore } from '../storage/blob-store'
import { pruneCreditReports } from '../modules/notifications/credits.repo'
import { dropStaleIntake } from '../notify/recovery'
import { cleanupExpiredSignInState } from './cleanup.job'
import { rerouteAllUnrouted } from './reroute.job'

export interface Jobs {
  stop(): Promise<void>
}

export function startJobs(deps: { db: Db; storage: BlobStore; notifications?: NotificationDispatcher | undefined }, log: FastifyBaseLogger): Jobs {
  const { db } = deps
  const tasks: ScheduledTask[] = [
    cron.schedule('* * * * *', async () => {
      try {
        const routed = await rerouteAllUnrouted(deps)
        if (routed) log.info({ job: 'reroute', routed }, 'unrouted mail routed to new channels')
      } catch (error) {
        log.error({ job: 'reroute', err: error }, 'reroute failed')
      }
    }, { name: 'reroute', noOverlap: true }),
    cron.schedule('*/10 * * * *', async () => {
      try {
        const removed = await cleanupExpiredSignInState(db)
        log.info({ job: 'cleanup', ...removed }, 'expired sign-in state removed')
      } catch (error) {
        log.error({ job: 'cleanup', err: error }, 'cleanup failed')
      }
    }, { name: 'cleanup', noOverlap: true }),
  ]
  const { notifications } = deps
  if (notifications) {
    tasks.push(
      cron.schedule('* * * * *', async () => {
        try {
          const swept = await notifications.sweep()
          if (swept.reminders || swept.interrupted) log.info({ job: 'notify-sweep', ...swept }, 'notification sweep')
        } catch (error) {
          log.error({ job: 'notify-sweep', err: error }, 'notification sweep failed')
        }
      }, { name: 'notify-sweep', noOverlap: true }),
      cron.schedule('17 * * * *', async () => {
        try {
          const now = new Date()
          await dropStaleIntake(db, now)
          await pruneCreditReports(db, now)
        } catch (error) {
          log.error({ job: 'notify-intake-cleanup', err: error }, 'intake clean-up failed')
        }
      }, { name: 'notify-intake-cleanup', noOverlap: true }),
    )
  }
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()))
    },
  }
}
