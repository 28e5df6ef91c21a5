// The org's people as the main account manages them: sub-accounts and their store access.
import { Type, type Static } from 'typebox'
import { Id, Instant } from './common'
import { Role } from './auth'

export const Member = Type.Object({
  id: Id,
  role: Role,
  displayName: Type.String(),
  storeIds: Type.Array(Id, { description: 'For sub-accounts: stores they may see. Main accounts see all.' }),
  createdAt: Instant,
})
export type Member = Static<typeof Member>

export const MemberList = Type.Object({ members: Type.Array(Member) })
export type MemberList = Static<typeof MemberList>

export const SetStoreAccessBody = Type.Object({ storeIds: Type.Array(Id, { maxItems: 500, uniqueItems: true }) })
export type SetStoreAccessBody = Static<typeof SetStoreAccessBody>
