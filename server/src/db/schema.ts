// The one Database interface: every table as Kysely sees it (camelCase; CamelCasePlugin maps to
// snake_case). Row/NewRow/Update aliases follow Kysely's naming guidance.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

type CreatedAt = ColumnType<Date, Date | undefined, never>
type UpdatedAt = ColumnType<Date, Date | undefined, Date>

export interface OrgsTable {
  id: Generated<number>
  name: string
  createdAt: CreatedAt
}

export interface UsersTable {
  id: Generated<number>
  orgId: number
  role: 'main' | 'sub'
  openid: string
  displayName: string
  timeZone: ColumnType<string, string | undefined, string>
  locale: ColumnType<'zh-CN' | 'en-US', 'zh-CN' | 'en-US' | undefined, 'zh-CN' | 'en-US'>
  createdAt: CreatedAt
}

export interface RefreshTokensTable {
  id: Generated<number>
  userId: number
  tokenHash: string
  expiresAt: Date
  revokedAt: Date | null
  createdAt: CreatedAt
}

export interface QrLoginTicketsTable {
  ticket: string
  pollTokenHash: string
  userId: number | null
  expiresAt: Date
  confirmedAt: Date | null
  consumedAt: Date | null
  createdAt: CreatedAt
}

export interface StoresTable {
  id: Generated<number>
  orgId: number
  name: string
  region: 'NA' | 'EU' | 'FE'
  archivedAt: Date | null
  createdAt: CreatedAt
  updatedAt: UpdatedAt
}

export interface ChannelsTable {
  id: Generated<number>
  orgId: number
  storeId: number
  marketplace: string
  dedicatedAddress: string
  bindingStatus: ColumnType<'unbound' | 'bound', 'unbound' | 'bound' | undefined, 'unbound' | 'bound'>
  boundAt: Date | null
  boundBy: number | null
  lastMailAt: Date | null
  createdAt: CreatedAt
}

export interface UserStoreAccessTable {
  userId: number
  storeId: number
  orgId: number
  grantedBy: number | null
  createdAt: CreatedAt
}

export interface InvitesTable {
  id: Generated<number>
  orgId: number
  tokenHash: string
  note: string | null
  storeIds: string
  createdBy: number
  expiresAt: Date
  acceptedBy: number | null
  acceptedAt: Date | null
  revokedAt: Date | null
  createdAt: CreatedAt
}

export interface MailSourcesTable {
  id: Generated<number>
  orgId: number
  name: string
  host: string
  port: number
  tlsMode: 'tls' | 'starttls' | 'none'
  username: string
  passwordEnc: string
  mailbox: ColumnType<string, string | undefined, string>
  enabled: ColumnType<boolean, boolean | undefined, boolean>
  createdAt: CreatedAt
  updatedAt: UpdatedAt
}

export interface MailboxSyncTable {
  sourceId: number
  mailbox: string
  uidvalidity: number | null
  lastUid: ColumnType<number, number | undefined, number>
  highestModseq: number | null
  leaseOwner: string | null
  leaseExpiresAt: Date | null
  lastSuccessAt: Date | null
  lastError: string | null
  lastErrorAt: Date | null
}

export interface Database {
  orgs: OrgsTable
  users: UsersTable
  refreshTokens: RefreshTokensTable
  qrLoginTickets: QrLoginTicketsTable
  stores: StoresTable
  channels: ChannelsTable
  userStoreAccess: UserStoreAccessTable
  invites: InvitesTable
  mailSources: MailSourcesTable
  mailboxSync: MailboxSyncTable
}

export type OrgRow = Selectable<OrgsTable>
export type UserRow = Selectable<UsersTable>
export type NewUserRow = Insertable<UsersTable>
export type StoreRow = Selectable<StoresTable>
export type StoreUpdate = Updateable<StoresTable>
export type ChannelRow = Selectable<ChannelsTable>
export type NewChannelRow = Insertable<ChannelsTable>
export type InviteRow = Selectable<InvitesTable>
export type MailSourceRow = Selectable<MailSourcesTable>
export type NewMailSourceRow = Insertable<MailSourcesTable>
