// `pnpm migrate [latest|down|status]` — applies or reverts schema migrations.
import { loadConfig } from '../config'
import { createDb } from '../db/kysely'
import { createMigrator, migrateDown, migrateToLatest } from '../db/migrator'
import { ensureDatabaseExists } from '../db/create-database'

const command = process.argv[2] ?? 'latest'
const config = loadConfig()
await ensureDatabaseExists(config.databaseUrl)
const db = createDb(config.databaseUrl, 1)
try {
  if (command === 'latest') {
    const { results } = await migrateToLatest(db)
    for (const r of results ?? []) console.log(`migrated up: ${r.migrationName}`)
    if (!results?.length) console.log('migrations: already current')
  } else if (command === 'down') {
    const { results } = await migrateDown(db)
    for (const r of results ?? []) console.log(`migrated down: ${r.migrationName}`)
  } else if (command === 'status') {
    for (const m of await createMigrator(db).getMigrations()) {
      console.log(`${m.executedAt ? 'applied' : 'pending'}  ${m.name}`)
    }
  } else {
    console.error(`unknown command "${command}": use latest, down or status`)
    process.exitCode = 2
  }
} finally {
  await db.destroy()
}
