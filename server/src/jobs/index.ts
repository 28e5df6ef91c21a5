// The worker role's scheduled jobs. The only module that imports node-cron.
import cron, { type ScheduledTask } from 'node-cron'
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/kysely'
import { cleanupExpiredSignInState } from './cleanup.job'

export interface Jobs {
  stop(): Promise<void>
}

export function startJobs(db: Db, log: FastifyBaseLogger): Jobs {
  const tasks: ScheduledTask[] = [
    cron.schedule('*/10 * * * *', async () => {
      try {
        const removed = await cleanupExpiredSignInState(db)
        log.info({ job: 'cleanup', ...removed }, 'expired sign-in state removed')
      } catch (error) {
        log.error({ job: 'cleanup', err: error }, 'cleanup failed')
      }
    }, { name: 'cleanup', noOverlap: true }),
  ]
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()))
    },
  }
}
