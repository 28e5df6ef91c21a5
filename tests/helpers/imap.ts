// Real Dovecot for tests: creates mailbox users through the project's services library and
// delivers mail by IMAP APPEND, as a mail server would put it there.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { ImapFlow } from 'imapflow'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const run = promisify(execFile)

export const IMAP = {
  host: process.env.IMAP_HOST ?? '127.0.0.1',
  port: Number(process.env.IMAP_PORT ?? 10143),
}

export interface TestMailbox {
  user: string
  password: string
}

let counter = 0
/** A fresh Dovecot user (its own empty INBOX). */
export async function createMailbox(): Promise<TestMailbox> {
  counter += 1
  const user = `t${process.pid}x${Date.now().toString(36)}x${counter}`
  const password = `pw-${user}`
  await run('bash', ['-c', `source "${root}/scripts/lib/services.sh" && dovecot_ensure_user "$0" "$1"`, user, password])
  return { user, password }
}

export async function withImap<T>(box: TestMailbox, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({ host: IMAP.host, port: IMAP.port, secure: false, auth: { user: box.user, pass: box.password }, logger: false, ...({ doSTARTTLS: false } as object) })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.logout().catch(() => client.close())
  }
}

export async function appendMessages(box: TestMailbox, raws: (string | Buffer)[], mailbox = 'INBOX'): Promise<void> {
  await withImap(box, async (client) => {
    for (const raw of raws) await client.append(mailbox, raw)
  })
}

/** Every flag in the mailbox, to prove ingestion never changed it (no \\Seen, no deletes). */
export async function mailboxState(box: TestMailbox, mailbox = 'INBOX'): Promise<{ exists: number; seen: number; deleted: number }> {
  return withImap(box, async (client) => {
    const lock = await client.getMailboxLock(mailbox, { readOnly: true })
    try {
      const exists = client.mailbox ? client.mailbox.exists : 0
      let seen = 0
      let deleted = 0
      if (exists > 0) {
        for await (const m of client.fetch('1:*', { flags: true })) {
          if (m.flags?.has('\\Seen')) seen++
          if (m.flags?.has('\\Deleted')) deleted++
        }
      }
      return { exists, seen, deleted }
    } finally {
      lock.release()
    }
  })
}
