// Working the inbox: the list filters, per-category counts, marks (status, read, replied on
// platform), org tags and bulk actions. Message shapes themselves live in ./messages.
import { Type, type Static } from 'typebox'
import { Id } from './common'
import { MarketplaceCodeSchema } from './stores'
import { PageQuery, Tag } from './messages'
import { CATEGORIES } from '../domain/taxonomy'

export const CategorySchema = Type.Enum(CATEGORIES, { description: 'buyer_message, qa, refund, atoz_claim, amazon or sent' })

/** Statuses a user may set directly; replied_on_platform has its own route because it is final. */
export const SettableStatus = Type.Union([Type.Literal('pending'), Type.Literal('follow_up'), Type.Literal('processed')])
export type SettableStatus = Static<typeof SettableStatus>

const filterFields = {
  storeId: Type.Optional(Id),
  channelId: Type.Optional(Id),
  marketplace: Type.Optional(MarketplaceCodeSchema),
  range: Type.Optional(
    Type.Union([Type.Literal('today'), Type.Literal('7d'), Type.Literal('30d'), Type.Literal('custom')], {
      description: "today: since midnight in the user's time zone; 7d/30d: the last 7/30 × 24 h; custom: from/to",
    }),
  ),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'range=custom: received at or after (inclusive)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'range=custom: received before (exclusive)' })),
  status: Type.Optional(
    Type.Union([Type.Literal('pending'), Type.Literal('follow_up'), Type.Literal('processed'), Type.Literal('replied_on_platform')]),
  ),
  tagId: Type.Optional(Id),
  read: Type.Optional(Type.Union([Type.Literal('read'), Type.Literal('unread')])),
  sla: Type.Optional(
    Type.Union([Type.Literal('overdue'), Type.Literal('due_soon')], {
      description: 'Unanswered messages with a deadline: overdue = past it; due_soon = due within the next 2 hours',
    }),
  ),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Keyword (any language, Chinese and Japanese included) over subject, buyer name, order id and buyer text',
    }),
  ),
}

/** GET /api/messages. Every filter combines with the others (AND). Newest first. */
export const InboxQuery = Type.Object({
  ...filterFields,
  category: Type.Optional(CategorySchema),
  cursor: PageQuery.properties.cursor,
  limit: PageQuery.properties.limit,
})
export type InboxQuery = Static<typeof InboxQuery>

/** @deprecated Use InboxQuery. */
export const ListMessagesQuery = InboxQuery
export type ListMessagesQuery = InboxQuery

/** GET /api/messages/counts: the same filters as the list, minus category and paging. */
export const InboxCountsQuery = Type.Object(filterFields)
export type InboxCountsQuery = Static<typeof InboxCountsQuery>

export const CountBadge = Type.Object({
  total: Type.Integer({ minimum: 0 }),
  unread: Type.Integer({ minimum: 0 }),
  pending: Type.Integer({ minimum: 0 }),
})
export type CountBadge = Static<typeof CountBadge>

export const InboxCounts = Type.Object({
  categories: Type.Object({
    buyer_message: CountBadge,
    qa: CountBadge,
    refund: CountBadge,
    atoz_claim: CountBadge,
    amazon: CountBadge,
    sent: CountBadge,
  }),
  all: CountBadge,
})
export type InboxCounts = Static<typeof InboxCounts>

/** PATCH /api/messages/:id. Setting a status on a replied-on-platform message is 409 STATUS_FINAL. */
export const UpdateMessageBody = Type.Object(
  { status: Type.Optional(SettableStatus), isRead: Type.Optional(Type.Boolean()) },
  { minProperties: 1 },
)
export type UpdateMessageBody = Static<typeof UpdateMessageBody>

/** PUT /api/messages/:id/tags: the message's whole tag set. More than 2 is 400 TAG_LIMIT. */
export const SetMessageTagsBody = Type.Object({
  tagIds: Type.Array(Id, { maxItems: 20, uniqueItems: true }),
})
export type SetMessageTagsBody = Static<typeof SetMessageTagsBody>

// ---- Tags (org-wide; any user applies them, only the main account creates, edits and deletes)

export const TagColor = Type.String({ pattern: '^#[0-9A-Fa-f]{6}$', description: '#RRGGBB' })
const TagName = Type.String({ minLength: 1, maxLength: 20 })

export const TagList = Type.Object({ tags: Type.Array(Tag) })
export type TagList = Static<typeof TagList>

export const CreateTagBody = Type.Object({ name: TagName, color: TagColor })
export type CreateTagBody = Static<typeof CreateTagBody>

export const UpdateTagBody = Type.Object({ name: Type.Optional(TagName), color: Type.Optional(TagColor) }, { minProperties: 1 })
export type UpdateTagBody = Static<typeof UpdateTagBody>

// ---- Bulk actions

export const BulkAction = Type.Union([
  Type.Object({ type: Type.Literal('status'), status: SettableStatus }),
  Type.Object({ type: Type.Literal('replied_on_platform') }),
  Type.Object({ type: Type.Literal('add_tag'), tagId: Id }),
  Type.Object({ type: Type.Literal('remove_tag'), tagId: Id }),
  Type.Object({ type: Type.Literal('read'), isRead: Type.Boolean() }),
])
export type BulkAction = Static<typeof BulkAction>

/** POST /api/messages/bulk. All or nothing: one failing message and nothing is applied. */
export const BulkRequest = Type.Object({
  ids: Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true }),
  action: BulkAction,
})
export type BulkRequest = Static<typeof BulkRequest>

export const BulkItemResult = Type.Object({
  id: Id,
  ok: Type.Boolean(),
  code: Type.Optional(Type.String({ description: 'NOT_FOUND (message, or tag, not visible), STATUS_FINAL or TAG_LIMIT' })),
  message: Type.Optional(Type.String()),
})
export type BulkItemResult = Static<typeof BulkItemResult>

/** 200 with ok true when everything was applied. */
export const BulkResult = Type.Object({ ok: Type.Boolean(), results: Type.Array(BulkItemResult) })
export type BulkResult = Static<typeof BulkResult>

/** 409 BULK_REJECTED: nothing was applied; `results` says which messages failed and why. */
export const BulkRejected = Type.Object({
  code: Type.Literal('BULK_REJECTED'),
  message: Type.String(),
  ok: Type.Literal(false),
  results: Type.Array(BulkItemResult),
})
export type BulkRejected = Static<typeof BulkRejected>
