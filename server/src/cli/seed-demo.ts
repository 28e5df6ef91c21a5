// `pnpm seed:demo` — creates the demo org (idempotent). Reads DEMO_IMAP_* for the demo mailbox.
import { loadConfig } from '../config'
import { createDb } from '../db/kysely'
import { createSecretBox } from '../lib/secret-box'
import { seedDemo } from '../modules/demo/demo-seed'
import { grantDemoCredits } from '../modules/notifications/demo-credits'

const config = loadConfig()
const db = createDb(config.databaseUrl, 1)
try {
  const result = await seedDemo(db, config.inboundDomain, createSecretBox(config.secretsKey), {
    host: process.env.DEMO_IMAP_HOST ?? '127.0.0.1',
    port: Number(process.env.DEMO_IMAP_PORT ?? 10143),
    username: process.env.DEMO_IMAP_USER ?? 'demo',
    password: process.env.DEMO_IMAP_PASSWORD ?? 'demo-password',
  })
  console.log(result.created ? `demo org seeded (org ${result.orgId})` : `demo org already present (org ${result.orgId})`)
  await grantDemoCredits(db, result.orgId, config.notify, 50)
} finally {
  await db.destroy()
}
