// Runs the migrations in ./migrations (named by timestamp) and reports whether the schema is current.
import { Migrator, type Kysely, type MigrationResultSet } from 'kysely'
import { migrations } from './migrations/index'

export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'kysely_migration',
    migrationLockTableName: 'kysely_migration_lock',
  })
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  return throwOnError(await createMigrator(db).migrateToLatest())
}

export async function migrateDown(db: Kysely<any>): Promise<MigrationResultSet> {
  return throwOnError(await createMigrator(db).migrateDown())
}

/** Names of migrations that exist in code but have not run against this database. */
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const all = await createMigrator(db).getMigrations()
  return all.filter((m) => !m.executedAt).map((m) => m.name)
}

function throwOnError(result: MigrationResultSet): MigrationResultSet {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    const reason = result.error instanceof Error ? result.error.message : String(result.error)
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`)
  }
  return result
}
