// Liveness (/healthz: the process answers) and readiness (/readyz: database reachable and the
// schema at the latest migration). Outside /api: load balancers call them without a token.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sql } from 'kysely'
import { pendingMigrations } from '../db/migrator'

const Health = Type.Object({ status: Type.String(), checks: Type.Optional(Type.Record(Type.String(), Type.String())) })

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', { schema: { hide: true, response: { 200: Health } } }, async () => ({ status: 'ok' }))

  app.get('/readyz', { schema: { hide: true, response: { 200: Health, 503: Health } } }, async (_request, reply) => {
    const checks: Record<string, string> = {}
    try {
      await sql`select 1`.execute(app.ctx.db)
      checks.database = 'ok'
      const pending = await pendingMigrations(app.ctx.db)
      checks.migrations = pending.length ? `pending: ${pending.join(', ')}` : 'ok'
    } catch (error) {
      // The driver's message may name hosts and users; the log has it, the response does not.
      app.log.warn({ err: error }, 'readiness check failed')
      checks.database = `unreachable (${(error as { code?: string }).code ?? 'error'})`
    }
    const ready = Object.values(checks).every((v) => v === 'ok') && 'migrations' in checks
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks })
  })
}

export default healthRoutes
