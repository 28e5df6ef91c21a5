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
  /** Normalized subject, buyer name, order id and buyer text for keyword search (VARBINARY; written as a string). */
  searchText: ColumnType<Buffer, string | undefined, string>
  /** The list's preview line (shared/domain/snippet). */
  snippet: ColumnType<string, string | undefined, string>
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

export interface TagsTable {
  id: Generated<number>
  orgId: number
  name: string
  color: string
  createdAt: CreatedAt
  updatedAt: UpdatedAt
}

export interface MessageTagsTable {
  messageId: number
  tagId: number
  orgId: number
  receivedAt: Date
  createdAt: CreatedAt
}

export interface MessageEventsTable {
  id: Generated<number>
  orgId: number
  messageId: number
  userId: number
  userName: string
  change: string
  createdAt: CreatedAt
}

export interface InboxCountsTable {
  orgId: number
  channelId: number
  category: string
  status: MessageStatus
  isRead: boolean
  n: number
}

/** What the channel's mail says about one order; each fact with the stamp of the mail it came from. */
export interface OrderFactsTable {
  channelId: number
  orderId: string
  orgId: number
  asin: string | null
  asinAt: string | null
  productTitle: string | null
  productTitleAt: string | null
  quantity: number | null
  quantityAt: string | null
  refundAmount: string | null
  refundAmountAt: string | null
  returnReason: string | null
  returnReasonAt: string | null
  claimState: string | null
  claimStateAt: string | null
}

// ---- notifications (DESIGN §7) ----------------------------------------------------------------------

export interface NotificationRulesTable {
  userId: number
  orgId: number
  recipient: boolean
  enabled: boolean
  categories: string
  days: number
  windowStart: number
  windowEnd: number
  endNextDay: boolean
  timeZone: string
  storeIds: string | null
  lastPushAt: Date | null
  updatedBy: number | null
  createdAt: CreatedAt
  updatedAt: UpdatedAt
}

export interface NotificationCreditsTable {
  userId: number
  templateId: string
  orgId: number
  balance: ColumnType<number, number | undefined, number>
  lastResult: string | null
  lastResultAt: Date | null
  updatedAt: UpdatedAt
}

export interface NotificationCreditReportsTable {
  userId: number
  reportId: string
  createdAt: CreatedAt
}

export interface NotificationIntakeTable {
  messageId: number
  orgId: number
  createdAt: CreatedAt
}

export type NotificationKind = 'message' | 'digest' | 'sla_reminder'
export type NotificationCause = 'new' | 'cooldown' | 'window' | 'sla'
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'no_credit' | 'failed' | 'unknown' | 'dropped'

export interface NotificationsTable {
  id: Generated<number>
  orgId: number
  userId: number
  kind: NotificationKind
  cause: NotificationCause
  status: NotificationStatus
  messageId: number | null
  messageCount: ColumnType<number, number | undefined, number>
  dueAt: Date
  attempts: ColumnType<number, number | undefined, number>
  claimedBy: string | null
  sendingAt: Date | null
  templateId: string | null
  page: string | null
  payload: string | null
  title: string | null
  sentAt: Date | null
  wechatMsgid: number | null
  errcode: number | null
  error: string | null
  createdAt: Date
  updatedAt: Date
}

export interface NotificationMessagesTable {
  notificationId: number
  messageId: number
  userId: number
}

export interface WechatAccessTokensTable {
  appid: string
  accessToken: string | null
  expiresAt: Date | null
  fetchedAt: Date | null
}

export interface WechatSubscribeEventsTable {
  id: Generated<number>
  openid: string
  userId: number | null
  event: string
  templateId: string
  status: string
  wechatCreatedAt: Date | null
  createdAt: CreatedAt
}

// --- replies (outbox) ----------------------------------------------------------------------

export interface ReplyTemplatesTable {
  id: Generated<number>
  orgId: number
  name: string
  body: string
  marketplace: string | null
  language: string | null
  createdBy: number | null
  createdAt: CreatedAt
  updatedAt: UpdatedAt
}

export interface ForbiddenWordsTable {
  id: Generated<number>
  orgId: number
  word: string
  language: string | null
  createdAt: CreatedAt
}

export interface BlacklistTable {
  id: Generated<number>
  orgId: number
  kind: 'relay' | 'order'
  value: string
  note: string | null
  createdAt: CreatedAt
}

export interface UploadsTable {
  id: string
  orgId: number
  userId: number | null
  filename: string
  contentType: string
  size: number
  sha256: string
  storageKey: string
  expiresAt: Date
  usedAt: Date | null
  createdAt: CreatedAt
}

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed' | 'unknown' | 'rejected_by_amazon'

export interface OutboxTable {
  id: Generated<number>
  orgId: number
  channelId: number
  messageId: number
  conversationId: number | null
  userId: number | null
  idempotencyKey: string
  fromAddress: string
  toAddress: string
  subject: string
  body: string
  inReplyTo: string | null
  orderId: string | null
  markProcessed: ColumnType<boolean, boolean | undefined, boolean>
  state: ColumnType<OutboxState, OutboxState | undefined, OutboxState>
  attempts: ColumnType<number, number | undefined, number>
  nextAttemptAt: ColumnType<Date, Date | undefined, Date>
  lastError: string | null
  smtpResponse: string | null
  emailMessageId: string
  sentMessageId: number | null
  sendingSince: Date | null
  sentAt: Date | null
  createdAt: CreatedAt
  updatedAt: UpdatedAt
}

export interface OutboxAttachmentsTable {
  id: Generated<number>
  outboxId: number
  filename: string
  contentType: string
  size: number
  sha256: string
  storageKey: string
}

export interface SmtpRelaysTable {
  orgId: number
  host: string
  port: number
  tlsMode: 'tls' | 'starttls' | 'none'
  username: string | null
  passwordEnc: string | null
  updatedAt: UpdatedAt
}

export type OutboxRow = Selectable<OutboxTable>
export type ReplyTemplateRow = Selectable<ReplyTemplatesTable>
export type UploadRow = Selectable<UploadsTable>

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
  replyTemplates: ReplyTemplatesTable
  forbiddenWords: ForbiddenWordsTable
  blacklist: BlacklistTable
  uploads: UploadsTable
  outbox: OutboxTable
  outboxAttachments: OutboxAttachmentsTable
  smtpRelays: SmtpRelaysTable
  tags: TagsTable
  messageTags: MessageTagsTable
  messageEvents: MessageEventsTable
  inboxCounts: InboxCountsTable
  orderFacts: OrderFactsTable
  notificationRules: NotificationRulesTable
  notificationCredits: NotificationCreditsTable
  notificationCreditReports: NotificationCreditReportsTable
  notificationIntake: NotificationIntakeTable
  notifications: NotificationsTable
  notificationMessages: NotificationMessagesTable
  wechatAccessTokens: WechatAccessTokensTable
  wechatSubscribeEvents: WechatSubscribeEventsTable
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
export type TagRow = Selectable<TagsTable>
export type MessageEventRow = Selectable<MessageEventsTable>
export type NotificationRuleRow = Selectable<NotificationRulesTable>
export type NotificationRow = Selectable<NotificationsTable>
export type NewNotificationRow = Insertable<NotificationsTable>
export type NotificationCreditRow = Selectable<NotificationCreditsTable>
