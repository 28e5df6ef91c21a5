// Building blocks for the API schemas: ids, timestamps and the error body.
import { Type, type Static } from 'typebox'

export const Id = Type.Integer({ minimum: 1, description: 'Numeric id' })
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) })
export type IdParams = Static<typeof IdParams>

/** ISO 8601 instant, always UTC (`2026-11-22T02:21:00.000Z`). */
export const Instant = Type.String({ format: 'date-time' })

export const ErrorResponse = Type.Object({
  code: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
})

export const Ok = Type.Object({ ok: Type.Literal(true) })
