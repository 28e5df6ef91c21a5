// `pnpm demo:mail` — delivers the sample emails in server/demo-mail/ into the demo IMAP mailbox
// (by IMAP APPEND, as a mail server would), once: a mailbox that already has mail is left alone.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ImapFlow } from 'imapflow'
import { loadConfig } from '../config'
import { createDb } from '../db/kysely'
import { createSecretBox } from '../lib/secret-box'
import { analyzeMail } from '../mail/analyze'
import { DEMO_OPENIDS } from '../modules/demo/demo.service'
import { findUserByOpenid } from '../modules/users/users.repo'

const samples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../demo-mail')
const config = loadConfig()
const db = createDb(config.databaseUrl, 1)
try {
  const main = await findUserByOpenid(db, DEMO_OPENIDS.main)
  if (!main) throw new Error('the demo org is not seeded; run `pnpm seed:demo` first')
  const source = await db.selectFrom('mailSources').selectAll().where('orgId', '=', main.orgId).orderBy('id').executeTakeFirstOrThrow()
  const channels = await db.selectFrom('channels').select(['marketplace', 'dedicatedAddress']).where('orgId', '=', main.orgId).orderBy('id').execute()
  const client = new ImapFlow({
    host: source.host,
    port: source.port,
    secure: source.tlsMode === 'tls',
    auth: { user: source.username, pass: createSecretBox(config.secretsKey).open(source.passwordEnc) },
    logger: false,
    ...({ doSTARTTLS: source.tlsMode === 'starttls' ? true : source.tlsMode === 'none' ? false : undefined } as object),
  })
  await client.connect()
  try {
    const status = await client.status(source.mailbox, { messages: true })
    if (status && (status.messages ?? 0) > 0) {
      console.log(`demo mailbox already has ${status.messages} emails; nothing delivered`)
    } else {
      const files = readdirSync(samples).filter((f) => f.endsWith('.eml')).sort()
      const now = Date.now()
      for (const [i, file] of files.entries()) {
        const raw = readFileSync(path.join(samples, file))
        const { classification } = await analyzeMail(raw)
        const channel = channels.find((c) => c.marketplace === classification.marketplace) ?? channels[0]!
        // Spread over the last day so the inbox shows a mix of fresh, due-soon and overdue mail.
        const arrived = new Date(now - (files.length - i) * 95 * 60_000)
        await client.append(source.mailbox, Buffer.concat([Buffer.from(`Delivered-To: ${channel.dedicatedAddress}\r\n`), raw]), [], arrived)
      }
      console.log(`delivered ${files.length} sample emails into the demo mailbox`)
    }
  } finally {
    await client.logout()
  }
} finally {
  await db.destroy()
}
