// The decisions behind the mail-source API, tested directly: how an IMAP failure is named, and how
// sync state becomes health. Error shapes are the ones imapflow 2.1 and Node actually raise.
import { describe, expect, it } from 'vitest'
import { classifyImapError, type AttemptInfo } from '@sellerinbox/server/modules/mail-sources/imap-errors'
import { imapClientOptions } from '@sellerinbox/server/modules/mail-sources/imap-probe'
import { backlogOf, healthOf } from '@sellerinbox/server/modules/mail-sources/mail-sources.presenter'

const attempt: AttemptInfo = { host: 'imap.example.com', port: 993, tlsMode: 'tls', mailbox: 'INBOX', timeoutMs: 8000 }
const nodeError = (code: string, message = code) => Object.assign(new Error(message), { code })

describe('classifyImapError', () => {
  it('names a rejected login, whatever the server response code', () => {
    const dovecot = Object.assign(new Error('Command failed'), {
      responseStatus: 'NO',
      responseText: 'Authentication failed.',
      serverResponseCode: 'AUTHENTICATIONFAILED',
      authenticationFailed: true,
    })
    expect(classifyImapError(dovecot, attempt)).toEqual({
      code: 'IMAP_AUTH_FAILED',
      message: expect.stringMatching(/^The server rejected the username or password \(AUTHENTICATIONFAILED\): check both\./),
    })
    const bare = Object.assign(new Error('Command failed'), { authenticationFailed: true })
    expect(classifyImapError(bare, attempt)).toMatchObject({ code: 'IMAP_AUTH_FAILED', message: expect.stringContaining('(NO)') })
  })

  it('names a missing folder with its name', () => {
    const error = Object.assign(new Error('Command failed'), { responseStatus: 'NO', responseText: "Mailbox doesn't exist: Amazon", mailboxMissing: true })
    expect(classifyImapError(error, { ...attempt, mailbox: 'Amazon' })).toEqual({
      code: 'IMAP_MAILBOX_MISSING',
      message: `The mailbox "Amazon" does not exist on this account (Mailbox doesn't exist: Amazon); check the folder name, e.g. INBOX`,
    })
  })

  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'is not trusted'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'is not trusted'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'is not trusted'],
    ['CERT_HAS_EXPIRED', 'outside its validity period'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'issued for another host name'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'does not speak TLS from the first byte'],
    ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'TLS handshake with imap.example.com:993 failed'],
  ])('names TLS failure %s', (code, says) => {
    expect(classifyImapError(nodeError(code), attempt)).toEqual({ code: 'IMAP_TLS_FAILED', message: expect.stringContaining(says) })
  })

  it('treats a STARTTLS upgrade failure as TLS, with a hint about the TLS port', () => {
    const error = Object.assign(nodeError('EPROTO', 'write EPROTO'), { tlsFailed: true })
    expect(classifyImapError(error, { ...attempt, port: 143, tlsMode: 'starttls' })).toEqual({
      code: 'IMAP_TLS_FAILED',
      message: expect.stringContaining('use TLS mode "tls" on its TLS port'),
    })
  })

  it.each([
    ['ECONNREFUSED', 'Nothing accepts connections on imap.example.com:993 (ECONNREFUSED)'],
    ['ENOTFOUND', 'The host name imap.example.com does not resolve (ENOTFOUND)'],
    ['EAI_AGAIN', 'does not resolve (EAI_AGAIN)'],
    ['EHOSTUNREACH', 'no network route to imap.example.com:993 (EHOSTUNREACH)'],
    ['ENETUNREACH', 'no network route'],
    ['CONNECT_TIMEOUT', 'No IMAP answer from imap.example.com:993 within 8 s (CONNECT_TIMEOUT)'],
    ['GREETING_TIMEOUT', 'within 8 s (GREETING_TIMEOUT)'],
    ['ETIMEOUT', 'within 8 s (ETIMEOUT)'],
    ['ETIMEDOUT', 'within 8 s (ETIMEDOUT)'],
  ])('names unreachable server %s', (code, says) => {
    expect(classifyImapError(nodeError(code), attempt)).toEqual({ code: 'IMAP_UNREACHABLE', message: expect.stringContaining(says) })
  })

  it('suggests the TLS mode when a plain connection gets no greeting', () => {
    expect(classifyImapError(nodeError('ETIMEOUT', 'Socket timeout'), { ...attempt, tlsMode: 'none' }).message).toContain('port 993 needs "tls"')
    expect(classifyImapError(nodeError('ETIMEOUT', 'Socket timeout'), attempt).message).not.toContain('needs "tls"')
  })

  it('calls everything else a protocol error and quotes the server', () => {
    expect(classifyImapError(nodeError('ECONNRESET', 'read ECONNRESET'), attempt)).toEqual({
      code: 'IMAP_PROTOCOL_ERROR',
      message: expect.stringContaining('closed the connection unexpectedly (ECONNRESET)'),
    })
    const bad = Object.assign(new Error('Command failed'), { responseStatus: 'BAD', responseText: 'Unknown command', serverResponseCode: 'CLIENTBUG' })
    expect(classifyImapError(bad, attempt)).toEqual({ code: 'IMAP_PROTOCOL_ERROR', message: 'The server refused a command (BAD [CLIENTBUG]: Unknown command)' })
    expect(classifyImapError('boom', attempt)).toEqual({ code: 'IMAP_PROTOCOL_ERROR', message: 'The IMAP session with imap.example.com:993 failed (error: boom)' })
  })
})

describe('imapClientOptions', () => {
  const base = { host: 'h', port: 1, username: 'u', password: 'p', mailbox: 'INBOX' }
  it('maps the TLS mode without opportunistic upgrades', () => {
    expect(imapClientOptions({ ...base, tlsMode: 'tls' }, 8000)).toMatchObject({ secure: true, logger: false, socketTimeout: 8000 })
    expect(imapClientOptions({ ...base, tlsMode: 'starttls' }, 8000)).toMatchObject({ secure: false, doSTARTTLS: true })
    // imapflow would upgrade to TLS on its own when doSTARTTLS is unset; 'none' means none.
    expect(imapClientOptions({ ...base, tlsMode: 'none' }, 8000)).toMatchObject({ secure: false, doSTARTTLS: false })
  })
})

describe('mail source health', () => {
  const sync = {
    syncSourceId: 1,
    connected: 1,
    leaseLive: 1,
    lastSuccessAt: new Date('2026-11-22T01:00:00Z'),
    lastError: null,
    lastErrorAt: null,
    lastUid: 10,
    serverUidNext: 21,
  }

  it('is empty before ingestion has seen the mailbox', () => {
    const none = { ...sync, syncSourceId: null, connected: null, leaseLive: null, lastSuccessAt: null, lastUid: null, serverUidNext: null }
    expect(healthOf(none)).toEqual({ connected: false, lastSuccessAt: null, lastError: null, lastErrorAt: null, backlog: null })
  })

  it('is connected only while the worker’s lease runs', () => {
    expect(healthOf(sync).connected).toBe(true)
    expect(healthOf({ ...sync, leaseLive: 0 }).connected).toBe(false)
    expect(healthOf({ ...sync, leaseLive: null }).connected).toBe(true)
    expect(healthOf({ ...sync, connected: 0 }).connected).toBe(false)
  })

  it('bounds the backlog by UIDNEXT, never below zero, unknown without it', () => {
    expect(backlogOf(10, 21)).toBe(10)
    expect(backlogOf(20, 21)).toBe(0)
    expect(backlogOf(30, 21)).toBe(0)
    expect(backlogOf(0, 1)).toBe(0)
    expect(backlogOf(10, null)).toBeNull()
  })
})
