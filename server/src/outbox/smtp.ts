// SMTP transports for the outbox: one pooled nodemailer transport per relay (global, or the org's
// own), reused across sends. The pool's default of 100 messages per connection is lifted.
import nodemailer, { type Transporter } from 'nodemailer'
import type { Db } from '../db/kysely'
import type { SecretBox } from '../lib/secret-box'

export interface RelaySettings {
  host: string
  port: number
  tlsMode: 'tls' | 'starttls' | 'none'
  username: string | null
  password: string | null
}

export class SmtpTransports {
  private readonly transports = new Map<string, Transporter>()

  constructor(
    private readonly db: Db,
    private readonly secrets: SecretBox,
    private readonly globalRelay: RelaySettings | null,
  ) {}

  /** The org's relay, else the global one; null when neither is configured. */
  async relayFor(orgId: number): Promise<RelaySettings | null> {
    const own = await this.db.selectFrom('smtpRelays').selectAll().where('orgId', '=', orgId).executeTakeFirst()
    if (!own) return this.globalRelay
    return { host: own.host, port: own.port, tlsMode: own.tlsMode, username: own.username, password: own.passwordEnc ? this.secrets.open(own.passwordEnc) : null }
  }

  transportFor(relay: RelaySettings): Transporter {
    const key = JSON.stringify(relay)
    let transport = this.transports.get(key)
    if (!transport) {
      transport = nodemailer.createTransport({
        pool: true,
        maxConnections: 3,
        maxMessages: Infinity,
        host: relay.host,
        port: relay.port,
        secure: relay.tlsMode === 'tls',
        requireTLS: relay.tlsMode === 'starttls',
        ignoreTLS: relay.tlsMode === 'none',
        ...(relay.username ? { auth: { user: relay.username, pass: relay.password ?? '' } } : {}),
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 60_000,
      })
      this.transports.set(key, transport)
    }
    return transport
  }

  close(): void {
    for (const t of this.transports.values()) t.close()
    this.transports.clear()
  }
}

export type SmtpFailure = { permanent: boolean; message: string }

/** 5xx answers are permanent (the server refused this email); everything else is worth a retry. */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string }
  const answer = e.response ?? e.message ?? String(error)
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return { permanent: true, message: `The mail server refused the reply: ${answer}` }
  if (e.code === 'EAUTH') return { permanent: false, message: `The SMTP relay rejected the login; check the relay settings (${answer})` }
  if (e.code === 'ECONNECTION' || e.code === 'ETIMEDOUT' || e.code === 'ESOCKET' || e.code === 'EDNS') {
    return { permanent: false, message: `The SMTP relay could not be reached (${e.code}): ${answer}` }
  }
  return { permanent: false, message: answer }
}
