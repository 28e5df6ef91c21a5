// Sign-in: WeChat code exchange, refresh, invites for sub-accounts and QR sign-in for the web version.
import { Type, type Static } from 'typebox'
import { Id, Instant } from './common'

export const Role = Type.Union([Type.Literal('main'), Type.Literal('sub')])
export type Role = Static<typeof Role>

export const Locale = Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')])
export type Locale = Static<typeof Locale>

export const User = Type.Object({
  id: Id,
  orgId: Id,
  role: Role,
  displayName: Type.String(),
  timeZone: Type.String(),
  locale: Locale,
  createdAt: Instant,
})
export type User = Static<typeof User>

export const Org = Type.Object({ id: Id, name: Type.String() })
export type Org = Static<typeof Org>

export const Session = Type.Object({
  accessToken: Type.String(),
  /** Seconds until the access token expires. */
  expiresIn: Type.Integer(),
  refreshToken: Type.String(),
  refreshExpiresIn: Type.Integer(),
  user: User,
  org: Org,
  /** True when this sign-in created the org (first sign-in of a main account). */
  created: Type.Boolean(),
})
export type Session = Static<typeof Session>

const WechatCode = Type.String({ minLength: 1, maxLength: 128, description: 'code from wx.login / Taro.login' })

export const WechatSignInBody = Type.Object({
  code: WechatCode,
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
})
export type WechatSignInBody = Static<typeof WechatSignInBody>

export const RefreshBody = Type.Object({ refreshToken: Type.String({ minLength: 20, maxLength: 200 }) })
export type RefreshBody = Static<typeof RefreshBody>

export const DemoSignInBody = Type.Object({ as: Type.Union([Type.Literal('main'), Type.Literal('sub')]) })
export type DemoSignInBody = Static<typeof DemoSignInBody>

export const Me = Type.Object({ user: User, org: Org })
export type Me = Static<typeof Me>

export const UpdateMeBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Asia/Shanghai' })),
    locale: Type.Optional(Locale),
  },
  { minProperties: 1 },
)
export type UpdateMeBody = Static<typeof UpdateMeBody>

// --- invites -------------------------------------------------------------------------------

export const Invite = Type.Object({
  id: Id,
  note: Type.Union([Type.String(), Type.Null()]),
  storeIds: Type.Array(Id),
  expiresAt: Instant,
  createdAt: Instant,
  status: Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('expired'), Type.Literal('revoked')]),
})
export type Invite = Static<typeof Invite>

export const CreateInviteBody = Type.Object({
  note: Type.Optional(Type.String({ maxLength: 40, description: 'Who the invite is for, shown to the main account' })),
  storeIds: Type.Optional(Type.Array(Id, { maxItems: 200, description: 'Stores the new sub-account may see' })),
})
export type CreateInviteBody = Static<typeof CreateInviteBody>

export const CreatedInvite = Type.Object({
  invite: Invite,
  /** Secret shown once; the mini program page `packages/account/invite/index?token=…` accepts it. */
  token: Type.String(),
  path: Type.String(),
})
export type CreatedInvite = Static<typeof CreatedInvite>

export const InviteTokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 64 }) })

export const InvitePreview = Type.Object({
  orgName: Type.String(),
  inviterName: Type.String(),
  expiresAt: Instant,
})
export type InvitePreview = Static<typeof InvitePreview>

export const AcceptInviteBody = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 64 }),
  code: WechatCode,
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
})
export type AcceptInviteBody = Static<typeof AcceptInviteBody>

// --- QR sign-in for the web version --------------------------------------------------------

export const QrTicket = Type.Object({
  ticket: Type.String({ description: 'Public ticket id, encoded in the QR code' }),
  /** Secret only the web page that created the ticket knows; required to collect the session. */
  pollToken: Type.String(),
  /** Text encoded in the QR code; the mini program recognises it after Taro.scanCode. */
  qrText: Type.String(),
  /** The QR code as an SVG data URL, ready for an <Image>. */
  qrImage: Type.String(),
  expiresAt: Instant,
})
export type QrTicket = Static<typeof QrTicket>

export const QrTicketParams = Type.Object({ ticket: Type.String({ minLength: 16, maxLength: 64 }) })
export const QrPollQuery = Type.Object({ pollToken: Type.String({ minLength: 16, maxLength: 64 }) })

export const QrTicketState = Type.Object({
  status: Type.Union([Type.Literal('pending'), Type.Literal('confirmed')]),
  expiresAt: Instant,
  /** Present exactly once: on the first poll after the mini program confirmed. */
  session: Type.Optional(Session),
})
export type QrTicketState = Static<typeof QrTicketState>

export { QR_TEXT_PREFIX, qrTextOf, ticketFromQrText } from '../domain/qr-login'
