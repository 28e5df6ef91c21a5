// Creates the Kysely instance over a mysql2 pool. Times are stored and read as UTC.
import { CamelCasePlugin, Kysely, MysqlDialect, type Transaction } from 'kysely'
import { createPool } from 'mysql2'
import type { Database } from './schema'

export type Db = Kysely<Database>
export type Tx = Transaction<Database>

export function createDb(databaseUrl: string, poolSize = 10): Db {
  const pool = createPool({
    uri: databaseUrl,
    connectionLimit: poolSize,
    timezone: 'Z',
    dateStrings: false,
    charset: 'utf8mb4_unicode_ci',
    // Fail fast when the database is down instead of queueing requests forever.
    connectTimeout: 5000,
    enableKeepAlive: true,
    // BOOLEAN is TINYINT(1) in MySQL; read it as a boolean, as the schema types say.
    typeCast(field, next) {
      if (field.type === 'TINY' && field.length === 1) {
        const value = field.string()
        return value === null ? null : value === '1'
      }
      return next()
    },
  })
  // Sessions run in UTC so CURRENT_TIMESTAMP defaults agree with the dates the app writes.
  pool.on('connection', (conn) => {
    conn.query("SET time_zone = '+00:00'")
  })
  return new Kysely<Database>({ dialect: new MysqlDialect({ pool }), plugins: [new CamelCasePlugin()] })
}
