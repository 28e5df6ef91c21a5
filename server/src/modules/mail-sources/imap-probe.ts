// The connection test: one short-lived imapflow client that logs in, opens the mailbox read-only
// (EXAMINE: nothing is marked read or changed) and logs out. Any failure becomes an ImapFailure.
import { ImapFlow, type ImapFlowOptions } from 'imapflow'
import type { ConnectionTestResult, TlsMode } from '@sellerinbox/shared/api/mail-sources'
import { classifyImapError } from './imap-errors'

export interface ImapSettings {
  host: string
  port: number
  tlsMode: TlsMode
  username: string
  password: string
  mailbox: string
}

/** Long enough for a slow server across the world, short enough for someone waiting on a form. */
export const PROBE_TIMEOUT_MS = 8000

/**
 * Certificates are always verified; there is deliberately no "allow self-signed" switch. The
 * password crosses this connection, a switch would make the test pass exactly where verification
 * matters, and mail_sources has no column to carry the choice to the sync worker. A self-signed
 * server reports IMAP_TLS_FAILED with a message saying so.
 */
export function imapClientOptions(settings: ImapSettings, timeoutMs: number): ImapFlowOptions {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.tlsMode === 'tls',
    // imapflow upgrades opportunistically when doSTARTTLS is unset; 'none' must mean none, and
    // 'starttls' must fail rather than fall back to plain text if the server does not offer it.
    doSTARTTLS: settings.tlsMode === 'starttls' ? true : settings.tlsMode === 'none' ? false : undefined,
    auth: { user: settings.username, pass: settings.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  }
}

export async function probeMailbox(settings: ImapSettings, timeoutMs = PROBE_TIMEOUT_MS): Promise<ConnectionTestResult> {
  const client = new ImapFlow(imapClientOptions(settings, timeoutMs))
  // imapflow also emits failures as 'error' events; without a listener Node would crash the process.
  // The same failure rejects the pending call below, which is where it is handled.
  client.on('error', () => {})
  try {
    await client.connect()
    const mailbox = await client.mailboxOpen(settings.mailbox, { readOnly: true })
    // The answer is known; a failing LOGOUT must not turn it into an error.
    await client.logout().catch(() => client.close())
    return { ok: true, mailbox: { exists: mailbox.exists, uidValidity: Number(mailbox.uidValidity), uidNext: mailbox.uidNext } }
  } catch (error) {
    client.close()
    const failure = classifyImapError(error, { ...settings, timeoutMs })
    // Server texts can echo what was sent; the password must not ride back in one.
    return { ok: false, error: { code: failure.code, message: settings.password ? failure.message.split(settings.password).join('***') : failure.message } }
  }
}
