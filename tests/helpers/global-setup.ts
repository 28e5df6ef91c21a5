// Once per integration/e2e run: a fresh test database migrated to the latest schema.
import { createConnection } from 'mysql2/promise'
import { createDb } from '@sellerinbox/server/db/kysely'
import { migrateToLatest } from '@sellerinbox/server/db/migrator'
import { TEST_DB_NAME, testDatabaseUrl } from './test-env'

export default async function setup(): Promise<void> {
  const url = new URL(testDatabaseUrl())
  url.pathname = '/'
  const conn = await createConnection({ uri: url.toString() })
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${TEST_DB_NAME}\``)
    await conn.query(`CREATE DATABASE \`${TEST_DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  } finally {
    await conn.end()
  }
  const db = createDb(testDatabaseUrl(), 1)
  try {
    await migrateToLatest(db)
  } finally {
    await db.destroy()
  }
}
