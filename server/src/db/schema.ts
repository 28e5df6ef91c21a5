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
  messagesTotal: ColumnType<number, number | undefined, number>
  serverUidNext: number | null
  connected: ColumnType<boolean, boolean | undefined, boolean>
}

export interface ConversationsTable {
  id: Generated<number>
  orgId: number
  channelId: number
  buyerKey: string
  orderId: string
  buyerName: string | null
  lastMessageAt: Date
  slaDueAt: Date | null
  createdAt: CreatedAt
}

export type MessageStatus = 'pending' | 'follow_up' | 'processed' | 'replied_on_platform'

export interface MessagesTable {
  id: Generated<number>
  orgId: number
  channelId: number
  conversationId: number | null
  sourceId: number | null
  uidvalidity: number | null
  uid: number | null
  messageId: string | null
  messageIdHash: string | null
  spcId: string | null
  rawSha256: string
  direction: 'in' | 'out'
  category: string
  kind: string
  subject: string
  fromAddress: string | null
  fromName: string | null
  toAddresses: string
  replyTo: string | null
  buyerName: string | null
  orderId: string | null
  asin: string | null
  marketplace: string | null
  language: string | null
  productTitle: string | null
  quantity: number | null
  buyerText: string | null
  bodyText: string
  bodyHtml: string | null
  attachmentCount: ColumnType<number, number | undefined, number>
  receivedAt: Date
  status: ColumnType<MessageStatus, MessageStatus | undefined, MessageStatus>
  isRead: ColumnType<boolean, boolean | undefined, boolean>
  slaDueAt: Date | null
  suspicious: ColumnType<boolean, boolean | undefined, boolean>
  parseError: string | null
  rawKey: string
  rawSize: number
  createdAt: CreatedAt
}

export interface AttachmentsTable {
  id: Generated<number>
  orgId: number
  messageId: number
  filename: string
  contentType: string
  size: number
  sha256: string
  storageKey: string
  contentId: string | null
  inline: ColumnType<boolean, boolean | undefined, boolean>
}

export interface UnroutedMailTable {
  id: Generated<number>
  orgId: number
  sourceId: number
  uidvalidity: number
  uid: number
  rawSha256: string
  messageId: string | null
  subject: string
  fromAddress: string | null
  recipients: string
  receivedAt: Date
  rawKey: string
  rawSize: number
  routedMessageId: number | null
  routedAt: Date | null
  createdAt: CreatedAt
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
  conversations: ConversationsTable
  messages: MessagesTable
  attachments: AttachmentsTable
  unroutedMail: UnroutedMailTable
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
export type MailboxSyncRow = Selectable<MailboxSyncTable>
export type ConversationRow = Selectable<ConversationsTable>
export type MessageRow = Selectable<MessagesTable>
export type NewMessageRow = Insertable<MessagesTable>
export type AttachmentRow = Selectable<AttachmentsTable>
export type UnroutedMailRow = Selectable<UnroutedMailTable>
