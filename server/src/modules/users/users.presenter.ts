// The only place that shapes users and orgs as JSON.
import type { Org, User } from '@sellerinbox/shared/api/auth'
import type { OrgRow, UserRow } from '../../db/schema'

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    orgId: row.orgId,
    role: row.role,
    displayName: row.displayName,
    timeZone: row.timeZone,
    locale: row.locale,
    createdAt: row.createdAt.toISOString(),
  }
}

export function presentOrg(row: OrgRow): Org {
  return { id: row.id, name: row.name }
}
