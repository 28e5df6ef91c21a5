// Runs the migrations in ./migrations (named by timestamp) and reports whether the schema is current.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { FileMigrationProvider, Migrator, type Kysely, type MigrationResultSet } from 'kysely'

const migrationFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder }),
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
