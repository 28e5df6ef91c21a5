// What a client needs before it signs in.
import { Type, type Static } from 'typebox'

export const Meta = Type.Object({
  /** Demo mode: demo sign-in buttons are offered and WeChat is the local stand-in. */
  demo: Type.Boolean(),
  inboundDomain: Type.String(),
  qrTicketTtlSeconds: Type.Integer(),
})
export type Meta = Static<typeof Meta>
