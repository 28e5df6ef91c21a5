// Turns whatever imapflow, Node's socket/TLS/DNS layers or the server threw into one stable code
// and an English message that says what failed and what to change. Pure: tested directly.
import type { ImapErrorCode } from '@sellerinbox/shared/errors'

export interface ImapFailure {
  code: ImapErrorCode
  message: string
}

/** What the message may mention about the attempt (never the password). */
export interface AttemptInfo {
  host: string
  port: number
  tlsMode: 'tls' | 'starttls' | 'none'
  mailbox: string
  timeoutMs: number
}

/** The fields imapflow and Node put on errors (all optional: which exist depends on the layer). */
interface ErrorShape {
  message?: unknown
  code?: unknown
  authenticationFailed?: unknown
  mailboxMissing?: unknown
  tlsFailed?: unknown
  serverResponseCode?: unknown
  responseText?: unknown
  responseStatus?: unknown
  reason?: unknown
}

const CERTIFICATE_UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
])
const CERTIFICATE_DATES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'])
const HOST_UNKNOWN = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL'])
const NO_ROUTE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN'])
// CONNECT_TIMEOUT: no TCP/TLS connection; GREETING_TIMEOUT/ETIMEOUT: connected but the server never
// spoke, which is also what a plain connection to a TLS-only port (993) looks like.
const TIMEOUTS = new Set(['ETIMEDOUT', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'ETIMEOUT'])
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'EConnectionClosed', 'NoConnection', 'ClosedAfterConnectText', 'ClosedAfterConnectTLS'])

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined)

export function classifyImapError(error: unknown, attempt: AttemptInfo): ImapFailure {
  const e: ErrorShape = typeof error === 'object' && error !== null ? (error as ErrorShape) : { message: String(error) }
  const code = text(e.code) ?? ''
  const where = `${attempt.host}:${attempt.port}`
  const serverSaid = text(e.responseText) ?? text(e.message) ?? 'no details'

  if (e.authenticationFailed === true || e.serverResponseCode === 'AUTHENTICATIONFAILED' || e.serverResponseCode === 'AUTHORIZATIONFAILED') {
    const responseCode = text(e.serverResponseCode) ?? 'NO'
    return {
      code: 'IMAP_AUTH_FAILED',
      message:
        `The server rejected the username or password (${responseCode}): check both. ` +
        'Some providers (QQ Mail, 163, Exmail) expect an app authorization code here instead of the login password',
    }
  }
  if (e.mailboxMissing === true || e.serverResponseCode === 'NONEXISTENT') {
    return {
      code: 'IMAP_MAILBOX_MISSING',
      message: `The mailbox "${attempt.mailbox}" does not exist on this account (${serverSaid}); check the folder name, e.g. INBOX`,
    }
  }
  if (CERTIFICATE_UNTRUSTED.has(code)) {
    return {
      code: 'IMAP_TLS_FAILED',
      message: `The TLS certificate of ${where} is not trusted (${code}); the server needs a certificate from a public certificate authority`,
    }
  }
  if (CERTIFICATE_DATES.has(code)) {
    return { code: 'IMAP_TLS_FAILED', message: `The TLS certificate of ${where} is outside its validity period (${code}); the server's certificate must be renewed` }
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return {
      code: 'IMAP_TLS_FAILED',
      message: `The TLS certificate of ${where} is issued for another host name (${code}); enter the host name the certificate names`,
    }
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG') {
    return {
      code: 'IMAP_TLS_FAILED',
      message: `${where} does not speak TLS from the first byte (${code}); use TLS mode "starttls" or "none" on this port, or the TLS port (usually 993)`,
    }
  }
  if (e.tlsFailed === true || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'UPGRADE_TIMEOUT') {
    const hint = attempt.tlsMode === 'starttls' ? '; if the server does not offer STARTTLS, use TLS mode "tls" on its TLS port (usually 993)' : ''
    return { code: 'IMAP_TLS_FAILED', message: `The TLS handshake with ${where} failed (${code || 'TLS'}: ${text(e.message) ?? 'no details'})${hint}` }
  }
  if (code === 'ECONNREFUSED') {
    return { code: 'IMAP_UNREACHABLE', message: `Nothing accepts connections on ${where} (ECONNREFUSED); check the port (993 for TLS, 143 for STARTTLS)` }
  }
  if (HOST_UNKNOWN.has(code)) {
    return { code: 'IMAP_UNREACHABLE', message: `The host name ${attempt.host} does not resolve (${code}); check its spelling` }
  }
  if (NO_ROUTE.has(code)) {
    return { code: 'IMAP_UNREACHABLE', message: `There is no network route to ${where} (${code}); check the host and any firewall in between` }
  }
  if (TIMEOUTS.has(code)) {
    const seconds = Math.round(attempt.timeoutMs / 1000)
    const hint = attempt.tlsMode === 'tls' ? '' : ', and that the TLS mode matches the port (port 993 needs "tls")'
    return {
      code: 'IMAP_UNREACHABLE',
      message: `No IMAP answer from ${where} within ${seconds} s (${code}); check the host, the port and firewalls${hint}`,
    }
  }
  if (CLOSED.has(code)) {
    return {
      code: 'IMAP_PROTOCOL_ERROR',
      message: `${where} closed the connection unexpectedly (${code}${text(e.reason) ? `: ${text(e.reason)}` : ''}); check that the TLS mode matches the port`,
    }
  }
  const status = text(e.responseStatus)
  return {
    code: 'IMAP_PROTOCOL_ERROR',
    message: status
      ? `The server refused a command (${status}${text(e.serverResponseCode) ? ` [${text(e.serverResponseCode)}]` : ''}: ${serverSaid})`
      : `The IMAP session with ${where} failed (${code || 'error'}: ${serverSaid})`,
  }
}
