// IMAP accounts the server ingests (main account only), their sync health, connection tests, and
// mail that reached a source but matched no dedicated address. No schema here carries a password
// out of the server: it goes in (create, update, test) and never comes back.
import { Type, type Static } from 'typebox'
import { Id, Instant } from './common'
import { IMAP_ERROR_CODES } from '../errors'
import { NextCursor } from './messages'

export const TlsMode = Type.Union([Type.Literal('tls'), Type.Literal('starttls'), Type.Literal('none')], {
  description:
    'tls: TLS from the first byte (usually port 993); starttls: upgrade a plain connection (usually 143); none: no encryption. ' +
    'Certificates are always verified: a self-signed one fails with IMAP_TLS_FAILED',
})
export type TlsMode = Static<typeof TlsMode>

const Host = Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9._:\\[\\]-]+$', description: 'Host name or IP address' })
const Port = Type.Integer({ minimum: 1, maximum: 65535 })
const Username = Type.String({ minLength: 1, maxLength: 191 })
// Sealed passwords must fit the 1024-character column: 128 characters of UTF-8 always do.
const Password = Type.String({ minLength: 1, maxLength: 128, description: 'Write-only: stored encrypted, never returned' })
const Mailbox = Type.String({ minLength: 1, maxLength: 191, description: 'Folder to ingest, e.g. INBOX' })
const SourceName = Type.String({ minLength: 1, maxLength: 60 })

export const MailSourceHealth = Type.Object({
  connected: Type.Boolean({ description: 'A worker holds a live IMAP connection to the mailbox' }),
  lastSuccessAt: Type.Union([Instant, Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  lastErrorAt: Type.Union([Instant, Type.Null()]),
  backlog: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
    description: 'Upper bound of messages on the server not yet ingested; null until the server was seen',
  }),
})
export type MailSourceHealth = Static<typeof MailSourceHealth>

export const MailSource = Type.Object({
  id: Id,
  name: Type.String(),
  host: Type.String(),
  port: Type.Integer(),
  tlsMode: TlsMode,
  username: Type.String(),
  mailbox: Type.String(),
  enabled: Type.Boolean(),
  createdAt: Instant,
  updatedAt: Instant,
  health: MailSourceHealth,
})
export type MailSource = Static<typeof MailSource>

export const MailSourceList = Type.Object({ sources: Type.Array(MailSource) })
export type MailSourceList = Static<typeof MailSourceList>

export const ConnectionSettings = Type.Object({
  host: Host,
  port: Port,
  tlsMode: TlsMode,
  username: Username,
  password: Password,
  mailbox: Type.Optional(Type.String({ ...Mailbox, default: 'INBOX' })),
})
export type ConnectionSettings = Static<typeof ConnectionSettings>

export const CreateMailSourceBody = Type.Object({
  name: SourceName,
  host: Host,
  port: Port,
  tlsMode: TlsMode,
  username: Username,
  password: Password,
  mailbox: Type.Optional(Type.String({ ...Mailbox, default: 'INBOX' })),
})
export type CreateMailSourceBody = Static<typeof CreateMailSourceBody>

/** Every field optional; an absent password keeps the stored one. */
export const UpdateMailSourceBody = Type.Object(
  {
    name: Type.Optional(SourceName),
    host: Type.Optional(Host),
    port: Type.Optional(Port),
    tlsMode: Type.Optional(TlsMode),
    username: Type.Optional(Username),
    password: Type.Optional(Password),
    mailbox: Type.Optional(Mailbox),
    enabled: Type.Optional(Type.Boolean()),
  },
  { minProperties: 1 },
)
export type UpdateMailSourceBody = Static<typeof UpdateMailSourceBody>

/** Tests a stored source; any field given replaces the stored value for this test only. */
export const TestStoredSourceBody = Type.Object({
  host: Type.Optional(Host),
  port: Type.Optional(Port),
  tlsMode: Type.Optional(TlsMode),
  username: Type.Optional(Username),
  password: Type.Optional(Password),
  mailbox: Type.Optional(Mailbox),
})
export type TestStoredSourceBody = Static<typeof TestStoredSourceBody>

export const ImapErrorCodeSchema = Type.Enum(IMAP_ERROR_CODES)

export const ConnectionTestResult = Type.Union([
  Type.Object({
    ok: Type.Literal(true),
    mailbox: Type.Object({ exists: Type.Integer(), uidValidity: Type.Integer(), uidNext: Type.Integer() }),
  }),
  Type.Object({
    ok: Type.Literal(false),
    error: Type.Object({ code: ImapErrorCodeSchema, message: Type.String({ description: 'English; says what failed and what to fix' }) }),
  }),
])
export type ConnectionTestResult = Static<typeof ConnectionTestResult>

export const UnroutedMail = Type.Object({
  id: Id,
  sourceId: Id,
  subject: Type.String(),
  fromAddress: Type.Union([Type.String(), Type.Null()]),
  recipients: Type.Array(Type.String()),
  receivedAt: Instant,
  routedAt: Type.Union([Instant, Type.Null()]),
  routedMessageId: Type.Union([Id, Type.Null()]),
})
export type UnroutedMail = Static<typeof UnroutedMail>

export const UnroutedMailPage = Type.Object({ items: Type.Array(UnroutedMail), nextCursor: NextCursor })
export type UnroutedMailPage = Static<typeof UnroutedMailPage>
