import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConnection } from 'mysql2/promise'
import { buildApp } from '@sellerinbox/server/app'
import { createDb } from '@sellerinbox/server/db/kysely'
import { migrateDown, migrateToLatest, pendingMigrations } from '@sellerinbox/server/db/migrator'
import { migrations } from '@sellerinbox/server/db/migrations/index'
import { buildTestApp, type TestApp } from '../helpers/app'
import { testConfig, testDatabaseUrl } from '../helpers/test-env'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

describe('health', () => {
  it('reports live and ready against a migrated database', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' })
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } })
  })

  it('is not ready when the database cannot be reached', async () => {
    const app = await buildApp(testConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:9/nothing' }), { web: false, logger: false })
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' })
      expect(res.statusCode).toBe(503)
      expect(res.json().status).toBe('not_ready')
      expect(res.json().checks.database).toMatch(/^unreachable/)
    } finally {
      await app.close()
    }
  })

  it('serves the OpenAPI document with bearer security on guarded routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toMatch(/^3\./)
    expect(doc.paths['/api/stores/'] ?? doc.paths['/api/stores']).toBeDefined()
    expect(doc.paths['/api/meta'].get.security).toEqual([])
    expect(doc.security).toEqual([{ bearer: [] }])
  })
})

describe('migrations', () => {
  it('run down to nothing and up again, and readiness notices pending ones', async () => {
    const name = `sellerinbox_migr_${process.pid}`
    const base = new URL(testDatabaseUrl())
    base.pathname = '/'
    const conn = await createConnection({ uri: base.toString() })
    await conn.query(`CREATE DATABASE \`${name}\``)
    const url = new URL(testDatabaseUrl())
    url.pathname = `/${name}`
    const db = createDb(url.toString(), 1)
    try {
      await migrateToLatest(db)
      expect(await pendingMigrations(db)).toEqual([])
      await migrateDown(db)
      expect((await pendingMigrations(db)).length).toBe(1)
      const app = await buildApp(testConfig({ DATABASE_URL: url.toString() }), { web: false, logger: false, db })
      const res = await app.inject({ method: 'GET', url: '/readyz' })
      expect(res.statusCode).toBe(503)
      expect(res.json().checks.migrations).toMatch(/^pending: /)
      await app.close()
      const total = Object.keys(migrations).length
      while ((await pendingMigrations(db)).length < total) await migrateDown(db)
      const [tables] = await conn.query(`SHOW TABLES FROM \`${name}\``)
      expect((tables as unknown[]).length).toBe(2) // only Kysely's own bookkeeping tables remain
      await migrateToLatest(db)
      expect(await pendingMigrations(db)).toEqual([])
    } finally {
      await db.destroy()
      await conn.query(`DROP DATABASE \`${name}\``)
      await conn.end()
    }
  })
})
