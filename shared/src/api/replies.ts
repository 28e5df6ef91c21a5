// Replies to buyers: templates, forbidden words, blacklist, uploads, the outbox and SMTP relay.
import { Type, type Static, type TSchema } from 'typebox'
import { Id, Instant } from './common'

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const Language = Type.String({ pattern: '^[a-z]{2}$', description: 'ISO 639-1' })
const MarketplaceCode = Type.String({ pattern: '^[A-Z]{2}$' })

export const ReplyTemplate = Type.Object({
  id: Id,
  name: Type.String(),
  body: Type.String(),
  marketplace: Nullable(Type.String()),
  language: Nullable(Type.String()),
  updatedAt: Instant,
})
export type ReplyTemplate = Static<typeof ReplyTemplate>

export const ReplyTemplateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  body: Type.String({ minLength: 1, maxLength: 4000 }),
  marketplace: Type.Optional(Nullable(MarketplaceCode)),
  language: Type.Optional(Nullable(Language)),
})
export type ReplyTemplateBody = Static<typeof ReplyTemplateBody>

export const TemplatePreviewQuery = Type.Object({ messageId: Id })
export const TemplatePreview = Type.Object({
  text: Type.String(),
  missing: Type.Array(Type.String(), { description: 'Variables the message has no value for' }),
  unknown: Type.Array(Type.String(), { description: 'Placeholders that are not variables' }),
})
export type TemplatePreview = Static<typeof TemplatePreview>

export const ForbiddenWordItem = Type.Object({ id: Id, word: Type.String(), language: Nullable(Type.String()) })
export type ForbiddenWordItem = Static<typeof ForbiddenWordItem>
export const ForbiddenWordBody = Type.Object({ word: Type.String({ minLength: 1, maxLength: 100 }), language: Type.Optional(Nullable(Language)) })

export const BlacklistEntry = Type.Object({
  id: Id,
  kind: Type.Union([Type.Literal('relay'), Type.Literal('order')]),
  value: Type.String(),
  note: Nullable(Type.String()),
  createdAt: Instant,
})
export type BlacklistEntry = Static<typeof BlacklistEntry>
export const BlacklistBody = Type.Object({
  kind: Type.Union([Type.Literal('relay'), Type.Literal('order')]),
  value: Type.String({ minLength: 3, maxLength: 320, description: 'A buyer relay address or an order id' }),
  note: Type.Optional(Type.String({ maxLength: 200 })),
})

export const Upload = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  contentType: Type.String({ description: 'Decided from the content, not the file name' }),
  size: Type.Integer(),
  expiresAt: Instant,
})
export type Upload = Static<typeof Upload>

export const UploadQuery = Type.Object({
  filename: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: "The file's own name, when the multipart part carries another" })),
})
export type UploadQuery = Static<typeof UploadQuery>

export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed', 'unknown', 'rejected_by_amazon'] as const
export const OutboxState = Type.Enum(OUTBOX_STATES)

export const Reply = Type.Object({
  id: Id,
  messageId: Id,
  state: Type.Enum(OUTBOX_STATES, { description: 'queued, sending, sent, failed (see lastError), unknown (interrupted mid-send: check Seller Central before resending), rejected_by_amazon' }),
  subject: Type.String(),
  body: Type.String(),
  toAddress: Type.String(),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  smtpResponse: Nullable(Type.String()),
  attachments: Type.Array(Type.Object({ filename: Type.String(), contentType: Type.String(), size: Type.Integer() })),
  author: Nullable(Type.Object({ id: Id, displayName: Type.String() })),
  createdAt: Instant,
  sentAt: Nullable(Instant),
})
export type Reply = Static<typeof Reply>

export const SendReplyBody = Type.Object({
  body: Type.String({ maxLength: 20000 }),
  uploadIds: Type.Optional(Type.Array(Type.String({ minLength: 8, maxLength: 32 }), { maxItems: 10, uniqueItems: true })),
  idempotencyKey: Type.String({ minLength: 8, maxLength: 80, description: 'Chosen by the client per reply; resending with the same key never sends twice' }),
  markProcessed: Type.Optional(Type.Boolean({ description: 'Send and mark the message processed' })),
  important: Type.Optional(Type.Boolean({ description: '[Important] subject marker; only for critical messages the seller starts' })),
})
export type SendReplyBody = Static<typeof SendReplyBody>

export const ReplyContext = Type.Object({
  /** The org's own forbidden words (the built-ins live in shared/src/domain/reply-policy.ts). */
  forbiddenWords: Type.Array(ForbiddenWordItem),
  blacklisted: Type.Boolean(),
  /** False when there is no buyer relay address to answer (Amazon notices, chargebacks, suspicious mail). */
  replyable: Type.Boolean(),
  /** `[Important]` is offered only for conversations the seller starts (no buyer message in them). */
  importantAllowed: Type.Boolean(),
  subject: Type.String({ description: 'The subject the reply will carry' }),
  toAddress: Nullable(Type.String()),
  templates: Type.Array(ReplyTemplate),
  replies: Type.Array(Reply),
})
export type ReplyContext = Static<typeof ReplyContext>

export const SmtpRelay = Type.Object({
  host: Type.String({ minLength: 1, maxLength: 253 }),
  port: Type.Integer({ minimum: 1, maximum: 65535 }),
  tlsMode: Type.Union([Type.Literal('tls'), Type.Literal('starttls'), Type.Literal('none')]),
  username: Nullable(Type.String({ maxLength: 191 })),
})
export type SmtpRelay = Static<typeof SmtpRelay>
export const SmtpRelayBody = Type.Object({ ...SmtpRelay.properties, password: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) })
export const SmtpRelaySetting = Type.Object({ relay: Nullable(SmtpRelay), usesGlobal: Type.Boolean() })
export type SmtpRelaySetting = Static<typeof SmtpRelaySetting>
