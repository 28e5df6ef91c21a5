// WeChat notifications (DESIGN §7): rules per recipient, subscription credits, the notification
// log, the deep links a notification opens, and WeChat's message-push events.
import { Type, type Static, type TSchema } from 'typebox'
import { Id, Instant } from './common'
import { Role } from './auth'

// Plain values and functions (no schema library) live in the domain module, so the mini program
// can use them without bundling TypeBox.
export { DEFAULT_RULE, NOTIFICATION_PAGE, NOTIFY_CATEGORIES, notificationPage, parseNotificationQuery } from '../domain/notifications'
export type { NotificationTarget } from '../domain/notifications'

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

export const NotifyCategory = Type.Union([
  Type.Literal('amazon'),
  Type.Literal('buyer_message'),
  Type.Literal('qa'),
  Type.Literal('refund'),
  Type.Literal('atoz_claim'),
])
export type NotifyCategory = Static<typeof NotifyCategory>

export const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: '24-hour local time HH:MM' })

const ruleFields = {
  enabled: Type.Boolean({ description: "The recipient's own switch" }),
  categories: Type.Array(NotifyCategory, { minItems: 1, maxItems: 5, uniqueItems: true }),
  days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true, description: 'ISO weekdays the window starts on: 1 = Monday … 7 = Sunday' }),
  start: ClockTime,
  end: ClockTime,
  endNextDay: Type.Boolean({ description: 'The window closes on the next day (e.g. 21:00 → 09:00); windows over 24 h are allowed' }),
  timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Asia/Shanghai' }),
  storeIds: Nullable(Type.Array(Id, { maxItems: 500, uniqueItems: true, description: 'Only these stores; null = every store the recipient may see' })),
}

export const NotificationRule = Type.Object({
  userId: Id,
  displayName: Type.String(),
  role: Role,
  recipient: Type.Boolean({ description: 'Chosen by the main account; the main account is always a recipient' }),
  ...ruleFields,
  /** Null until the rule is first saved (the defaults apply). */
  updatedAt: Nullable(Instant),
})
export type NotificationRule = Static<typeof NotificationRule>

export const NotificationRuleList = Type.Object({
  rules: Type.Array(NotificationRule),
  cooldownMinutes: Type.Number(),
  slaReminderMinutes: Type.Number(),
})
export type NotificationRuleList = Static<typeof NotificationRuleList>

export const UpdateNotificationRuleBody = Type.Object({
  /** Main account only: whether this sub-account receives notifications. */
  recipient: Type.Optional(Type.Boolean()),
  ...ruleFields,
})
export type UpdateNotificationRuleBody = Static<typeof UpdateNotificationRuleBody>

// ---- credits -------------------------------------------------------------------------------------

export const NotificationPurpose = Type.Union([Type.Literal('new_message'), Type.Literal('sla_reminder')])
export type NotificationPurpose = Static<typeof NotificationPurpose>

/** A `Taro.requestSubscribeMessage` answer per template id. */
export const SubscribeResult = Type.Union([Type.Literal('accept'), Type.Literal('reject'), Type.Literal('ban'), Type.Literal('filter')])
export type SubscribeResult = Static<typeof SubscribeResult>

export const CreditTemplate = Type.Object({
  purpose: NotificationPurpose,
  templateId: Type.String(),
  /** Sends left: +1 per accept, −1 per delivered notification, 0 after WeChat refused one. */
  balance: Type.Integer({ minimum: 0 }),
  lastResult: Nullable(SubscribeResult),
  lastResultAt: Nullable(Instant),
})
export type CreditTemplate = Static<typeof CreditTemplate>

export const Credits = Type.Object({
  /** False when the server has no templates configured: notifications are off. */
  configured: Type.Boolean(),
  templates: Type.Array(CreditTemplate),
})
export type Credits = Static<typeof Credits>

export const RecordSubscribeBody = Type.Object({
  /** Made by the client once per requestSubscribeMessage answer and reused on retries: credits are added once. */
  reportId: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
  results: Type.Array(Type.Object({ templateId: Type.String({ minLength: 1, maxLength: 128 }), result: SubscribeResult }), { minItems: 1, maxItems: 3 }),
})
export type RecordSubscribeBody = Static<typeof RecordSubscribeBody>

// ---- log -----------------------------------------------------------------------------------------

export const NotificationKind = Type.Union([Type.Literal('message'), Type.Literal('digest'), Type.Literal('sla_reminder')])
export type NotificationKind = Static<typeof NotificationKind>

/**
 * sent (one message or a reminder), digested (a digest went out), queued (waiting for the cool-down),
 * deferred (waiting for the window to open), sending, no_credit, failed, unknown (the sender died
 * mid-call: maybe delivered, never repeated), dropped (nothing left to say: read, handled or turned off).
 */
export const NotificationState = Type.Union([
  Type.Literal('sent'),
  Type.Literal('digested'),
  Type.Literal('queued'),
  Type.Literal('deferred'),
  Type.Literal('sending'),
  Type.Literal('no_credit'),
  Type.Literal('failed'),
  Type.Literal('unknown'),
  Type.Literal('dropped'),
])
export type NotificationState = Static<typeof NotificationState>

export const NotificationLogItem = Type.Object({
  id: Id,
  kind: NotificationKind,
  state: NotificationState,
  messageCount: Type.Integer({ minimum: 0 }),
  messageId: Nullable(Id),
  /** The title as sent (or as it would read now), in the recipient's language. */
  title: Nullable(Type.String()),
  /** The mini program page it opens (see NOTIFICATION_PAGE in domain/notifications.ts). */
  page: Nullable(Type.String()),
  errcode: Nullable(Type.Integer()),
  /** Why it failed, was not sent or was dropped. */
  reason: Nullable(Type.String()),
  dueAt: Instant,
  sentAt: Nullable(Instant),
  createdAt: Instant,
})
export type NotificationLogItem = Static<typeof NotificationLogItem>

export const NotificationLogQuery = Type.Object({
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'nextBefore of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
})
export type NotificationLogQuery = Static<typeof NotificationLogQuery>

export const NotificationLog = Type.Object({ items: Type.Array(NotificationLogItem), nextBefore: Nullable(Id) })
export type NotificationLog = Static<typeof NotificationLog>

// ---- WeChat message push (subscription events) ---------------------------------------------------

/** Signature query WeChat adds to every message-push call. */
export const WechatPushQuery = Type.Object({
  signature: Type.String({ maxLength: 64 }),
  timestamp: Type.String({ maxLength: 20 }),
  nonce: Type.String({ maxLength: 64 }),
  echostr: Type.Optional(Type.String({ maxLength: 200 })),
})
export type WechatPushQuery = Static<typeof WechatPushQuery>

const WechatPushEntry = Type.Object(
  {
    TemplateId: Type.String(),
    SubscribeStatusString: Type.Optional(Type.String()),
    ErrorStatus: Type.Optional(Type.String()),
    ErrorCode: Type.Optional(Type.Union([Type.String(), Type.Number()])),
    MsgID: Type.Optional(Type.Union([Type.String(), Type.Number()])),
    PopupScene: Type.Optional(Type.Union([Type.String(), Type.Number()])),
  },
  { additionalProperties: true },
)

/** JSON-mode event; `List` is an object for one entry and an array for several. */
export const WechatPushBody = Type.Object(
  {
    ToUserName: Type.Optional(Type.String()),
    FromUserName: Type.String({ description: 'openid' }),
    CreateTime: Type.Optional(Type.Union([Type.String(), Type.Number()])),
    MsgType: Type.Optional(Type.String()),
    Event: Type.Optional(Type.String()),
    List: Type.Optional(Type.Union([WechatPushEntry, Type.Array(WechatPushEntry, { maxItems: 20 })])),
  },
  { additionalProperties: true },
)
export type WechatPushBody = Static<typeof WechatPushBody>
