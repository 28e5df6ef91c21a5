// Stores one batch of prepared mail from one mailbox in one transaction: routing to channels,
// deduplication, threading, attachments, unrouted mail, and the mailbox's sync progress — so the
// progress can never run ahead of the rows, nor the rows be stored twice.
import { sql } from 'kysely'
import { stopsSlaClock } from '@sellerinbox/shared/domain/sla'
import { searchTextOf } from '@sellerinbox/shared/domain/search-text'
import { messageSnippet } from '@sellerinbox/shared/domain/snippet'
import type { Db, Tx } from '../db/kysely'
import type { NewMessageRow } from '../db/schema'
import { enqueueStoredMessages } from '../notify/intake'
import { countNewMessages } from '../modules/messages/inbox-counts.repo'
import { orderMailOf, recordOrderFacts } from '../modules/messages/order-facts.repo'
import { clip, clipOrNull, LIMITS, type PreparedMail } from './prepare'
import { applyReplyOutcomes, applySellerCentralReplies } from './reply-outcomes'
import { conversationKeyOf, type ConversationKey } from './threading'

export interface MailboxTarget {
  sourceId: number
  orgId: number
  mailbox: string
  uidvalidity: number
  /** The worker holding the mailbox lease; the commit is refused if another worker took it over. */
  owner: string
}

/** Where stored mail came from: its org and IMAP identity (source, UIDVALIDITY). */
export type Origin = Pick<MailboxTarget, 'sourceId' | 'orgId' | 'uidvalidity'>

export interface StoreResult {
  stored: number
  unrouted: number
  duplicates: number
  lastUid: number
}

export class LeaseLostError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LeaseLostError'
  }
}

export interface ChannelRef {
  id: number
  address: string
}

export async function storeBatch(db: Db, target: MailboxTarget, batch: PreparedMail[]): Promise<StoreResult> {
  const lastUid = Math.max(0, ...batch.map((m) => m.uid))
  const channels = await db
    .selectFrom('channels')
    .select(['id', 'dedicatedAddress as address'])
    .where('orgId', '=', target.orgId)
    .execute()
  const byAddress = new Map<string, ChannelRef>(channels.map((c) => [c.address.toLowerCase(), c]))

  return db.transaction().execute(async (tx) => {
    const sync = await tx
      .selectFrom('mailboxSync')
      .select(['leaseOwner', 'uidvalidity', 'lastUid'])
      .where('sourceId', '=', target.sourceId)
      .where('mailbox', '=', target.mailbox)
      .forUpdate()
      .executeTakeFirst()
    if (!sync || sync.leaseOwner !== target.owner) throw new LeaseLostError(`mailbox lease of source ${target.sourceId} is held by ${sync?.leaseOwner ?? 'nobody'}`)
    if (sync.uidvalidity !== target.uidvalidity) throw new LeaseLostError(`UIDVALIDITY of source ${target.sourceId} changed under the batch`)

    const fresh = batch.filter((m) => m.uid > sync.lastUid)
    const routed: { mail: PreparedMail; channel: ChannelRef }[] = []
    const unrouted: PreparedMail[] = []
    for (const mail of fresh) {
      const channel = mail.recipients.map((r) => byAddress.get(r)).find((c) => c !== undefined)
      if (channel) routed.push({ mail, channel })
      else unrouted.push(mail)
    }

    const newRouted = await storeRoutedMail(tx, target, routed)
    const newUnrouted = await withoutDuplicateUnrouted(tx, target, unrouted)
    if (newUnrouted.length) {
      await tx
        .insertInto('unroutedMail')
        .values(
          newUnrouted.map((m) => ({
            orgId: target.orgId,
            sourceId: target.sourceId,
            uidvalidity: target.uidvalidity,
            uid: m.uid,
            rawSha256: m.rawSha256,
            messageId: clipOrNull(m.mail.messageId, 998),
            subject: clip(m.mail.subject ?? '', LIMITS.subject),
            fromAddress: clipOrNull(m.mail.from?.address, LIMITS.address),
            recipients: m.recipients.join(' '),
            receivedAt: m.receivedAt,
            rawKey: m.rawKey,
            rawSize: m.rawSize,
            routedMessageId: null,
            routedAt: null,
          })),
        )
        .execute()
    }

    await tx
      .updateTable('mailboxSync')
      .set({
        lastUid: Math.max(sync.lastUid, lastUid),
        messagesTotal: sql`messages_total + ${newRouted.length}`,
        lastSuccessAt: sql`NOW(3)`,
      })
      .where('sourceId', '=', target.sourceId)
      .where('mailbox', '=', target.mailbox)
      .execute()
    return {
      stored: newRouted.length,
      unrouted: newUnrouted.length,
      duplicates: fresh.length - newRouted.length - newUnrouted.length,
      lastUid: Math.max(sync.lastUid, lastUid),
    }
  })
}

export type Routed = { mail: PreparedMail; channel: ChannelRef }

/**
 * Inserts routed mail that is not stored yet (by any deduplication key), with its conversation,
 * attachments and channel activity. Returns what was inserted. Runs inside the caller's transaction.
 */
export async function storeRoutedMail(tx: Tx, origin: Origin, routed: Routed[]): Promise<Routed[]> {
  const fresh = await withoutDuplicateMessages(tx, origin, routed)
  if (!fresh.length) return fresh
  const conversationIds = await resolveConversations(tx, origin.orgId, fresh)
  const rows: NewMessageRow[] = fresh.map(({ mail, channel }, i) => messageRow(origin, mail, channel.id, conversationIds[i] ?? null))
  await tx.insertInto('messages').values(rows).execute()
  await insertAttachments(tx, origin, fresh)
  await recordOrderFacts(tx, rows.map(orderMailOf))
  // Notifications: queued with the rows they announce, in this transaction (notify/intake.ts).
  await enqueueStoredMessages(tx, origin.orgId, fresh.map((r) => ({ channelId: r.channel.id, rawSha256: r.mail.rawSha256 })))
  await touchConversations(tx, fresh, conversationIds)
  await touchChannels(tx, fresh)
  await applyReplyOutcomes(tx, fresh)
  // Late, so the counter rows (shared with the inbox API's writers) are locked for the shortest time.
  await countNewMessages(tx, rows)
  // After counting: it moves messages of this batch between counters too (rare: a copy of a reply).
  await applySellerCentralReplies(tx, fresh)
  return fresh
}

/** Drops mail already stored under any deduplication key: IMAP identity, Message-ID, SPC id, raw bytes. */
async function withoutDuplicateMessages(tx: Tx, target: Origin, routed: Routed[]): Promise<Routed[]> {
  if (!routed.length) return []
  const channelIds = [...new Set(routed.map((r) => r.channel.id))]
  const hashes = routed.map((r) => r.mail.messageIdHash).filter((h): h is string => !!h)
  const spcIds = routed.map((r) => r.mail.mail.spcDeliveryId).filter((s): s is string => !!s)
  const raws = routed.map((r) => r.mail.rawSha256)
  const existing = await tx
    .selectFrom('messages')
    .select(['channelId', 'sourceId', 'uidvalidity', 'uid', 'messageIdHash', 'spcId', 'rawSha256'])
    .where((eb) =>
      eb.or([
        eb.and([eb('sourceId', '=', target.sourceId), eb('uidvalidity', '=', target.uidvalidity), eb('uid', 'in', routed.map((r) => r.mail.uid))]),
        eb.and([eb('channelId', 'in', channelIds), eb('rawSha256', 'in', raws)]),
        ...(hashes.length ? [eb.and([eb('channelId', 'in', channelIds), eb('messageIdHash', 'in', hashes)])] : []),
        ...(spcIds.length ? [eb.and([eb('channelId', 'in', channelIds), eb('spcId', 'in', spcIds)])] : []),
      ]),
    )
    .execute()
  const seen = new Set<string>()
  for (const e of existing) {
    if (e.sourceId === target.sourceId && e.uidvalidity === target.uidvalidity) seen.add(`uid:${e.uid}`)
    seen.add(`raw:${e.channelId}:${e.rawSha256}`)
    if (e.messageIdHash) seen.add(`mid:${e.channelId}:${e.messageIdHash}`)
    if (e.spcId) seen.add(`spc:${e.channelId}:${e.spcId}`)
  }
  const kept: Routed[] = []
  for (const r of routed) {
    const keys = [`uid:${r.mail.uid}`, `raw:${r.channel.id}:${r.mail.rawSha256}`]
    if (r.mail.messageIdHash) keys.push(`mid:${r.channel.id}:${r.mail.messageIdHash}`)
    if (r.mail.mail.spcDeliveryId) keys.push(`spc:${r.channel.id}:${r.mail.mail.spcDeliveryId}`)
    if (keys.some((k) => seen.has(k))) continue
    // Also deduplicates within the batch (the same email twice in one mailbox).
    for (const k of keys) seen.add(k)
    kept.push(r)
  }
  return kept
}

async function withoutDuplicateUnrouted(tx: Tx, target: MailboxTarget, mails: PreparedMail[]): Promise<PreparedMail[]> {
  if (!mails.length) return []
  const existing = await tx
    .selectFrom('unroutedMail')
    .select(['uidvalidity', 'uid', 'rawSha256'])
    .where('sourceId', '=', target.sourceId)
    .where((eb) => eb.or([eb('uid', 'in', mails.map((m) => m.uid)), eb('rawSha256', 'in', mails.map((m) => m.rawSha256))]))
    .execute()
  const seen = new Set<string>()
  for (const e of existing) {
    if (e.uidvalidity === target.uidvalidity) seen.add(`uid:${e.uid}`)
    seen.add(`raw:${e.rawSha256}`)
  }
  return mails.filter((m) => {
    const keys = [`uid:${m.uid}`, `raw:${m.rawSha256}`]
    if (keys.some((k) => seen.has(k))) return false
    for (const k of keys) seen.add(k)
    return true
  })
}

/** Conversation id per routed mail (null when it joins none), creating conversations as needed. */
export async function resolveConversations(tx: Tx, orgId: number, routed: Routed[]): Promise<(number | null)[]> {
  const keys = routed.map((r) => conversationKeyOf(r.mail.mail.classification))
  const channelIds = [...new Set(routed.filter((_, i) => keys[i]).map((r) => r.channel.id))]
  if (!channelIds.length) return keys.map(() => null)
  const orders = [...new Set(keys.filter((k): k is ConversationKey => !!k).map((k) => k.orderId))]
  const buyers = [...new Set(keys.filter((k): k is ConversationKey => !!k).map((k) => k.buyerKey))]
  const existing = await tx
    .selectFrom('conversations')
    .select(['id', 'channelId', 'buyerKey', 'orderId'])
    .where('channelId', 'in', channelIds)
    .where((eb) => eb.or([eb('orderId', 'in', orders), eb('buyerKey', 'in', buyers)]))
    .execute()
  const exact = new Map(existing.map((c) => [`${c.channelId}|${c.buyerKey}|${c.orderId}`, c.id]))
  const byOrder = new Map<string, number>()
  for (const c of existing) if (c.orderId) byOrder.set(`${c.channelId}|${c.orderId}`, c.id)

  const ids: (number | null)[] = []
  for (let i = 0; i < routed.length; i++) {
    const key = keys[i]
    const channelId = routed[i]!.channel.id
    if (!key) {
      ids.push(null)
      continue
    }
    const exactKey = `${channelId}|${key.buyerKey}|${key.orderId}`
    let id = exact.get(exactKey)
    // A notice without a buyer address joins its order's conversation, whoever the buyer is.
    if (id === undefined && !key.buyerKey && key.orderId) id = byOrder.get(`${channelId}|${key.orderId}`)
    if (id === undefined) {
      const mail = routed[i]!.mail
      const result = await tx
        .insertInto('conversations')
        .values({
          orgId,
          channelId,
          buyerKey: key.buyerKey,
          orderId: key.orderId,
          buyerName: clipOrNull(mail.mail.classification.buyerName, LIMITS.name),
          lastMessageAt: mail.receivedAt,
          slaDueAt: null,
        })
        .executeTakeFirstOrThrow()
      id = Number(result.insertId)
      exact.set(exactKey, id)
      if (key.orderId) byOrder.set(`${channelId}|${key.orderId}`, id)
    }
    ids.push(id)
  }
  return ids
}

export function messageRow(target: Origin, prepared: PreparedMail, channelId: number, conversationId: number | null): NewMessageRow {
  const { mail } = prepared
  const c = mail.classification
  return {
    orgId: target.orgId,
    channelId,
    conversationId,
    sourceId: target.sourceId,
    uidvalidity: target.uidvalidity,
    uid: prepared.uid,
    messageId: clipOrNull(mail.messageId, 998),
    messageIdHash: prepared.messageIdHash,
    spcId: clipOrNull(mail.spcDeliveryId, 64),
    rawSha256: prepared.rawSha256,
    direction: c.category === 'sent' ? 'out' : 'in',
    category: c.category,
    kind: c.kind,
    subject: clip(mail.subject ?? '', LIMITS.subject),
    fromAddress: clipOrNull(mail.from?.address, LIMITS.address),
    fromName: clipOrNull(mail.from?.name || null, LIMITS.name),
    toAddresses: [...mail.to, ...mail.cc].join(', '),
    replyTo: clipOrNull(c.replyTo, LIMITS.address),
    buyerName: clipOrNull(c.buyerName, LIMITS.name),
    orderId: c.orderId,
    asin: c.asin,
    marketplace: c.marketplace,
    language: c.language,
    productTitle: clipOrNull(c.productTitle, LIMITS.title),
    quantity: c.quantity,
    buyerText: clipOrNull(c.buyerText, LIMITS.text),
    bodyText: clip(mail.text, LIMITS.text),
    bodyHtml: clipOrNull(mail.html, LIMITS.html),
    attachmentCount: prepared.attachments.length,
    receivedAt: prepared.receivedAt,
    slaDueAt: prepared.slaDueAt,
    suspicious: c.suspicious,
    parseError: clipOrNull(mail.parseError, 1000),
    rawKey: prepared.rawKey,
    rawSize: prepared.rawSize,
    searchText: searchTextOf({ subject: mail.subject ?? '', buyerName: c.buyerName, orderId: c.orderId, buyerText: c.buyerText }),
    snippet: messageSnippet(c.buyerText, mail.text),
  }
}

async function insertAttachments(tx: Tx, target: Origin, routed: Routed[]): Promise<void> {
  const withAttachments = routed.filter((r) => r.mail.attachments.length)
  if (!withAttachments.length) return
  const ids = await tx
    .selectFrom('messages')
    .select(['id', 'uid'])
    .where('sourceId', '=', target.sourceId)
    .where('uidvalidity', '=', target.uidvalidity)
    .where('uid', 'in', withAttachments.map((r) => r.mail.uid))
    .execute()
  const idByUid = new Map(ids.map((r) => [r.uid, r.id]))
  const rows = withAttachments.flatMap((r) =>
    r.mail.attachments.map((a) => ({ orgId: target.orgId, messageId: idByUid.get(r.mail.uid)!, ...a })),
  )
  await tx.insertInto('attachments').values(rows).execute()
}

export async function touchConversations(tx: Tx, routed: Routed[], conversationIds: (number | null)[]): Promise<void> {
  const latest = new Map<number, { at: Date; sla: Date | null; slaSet: boolean; answeredAt: Date | null; buyerName: string | null }>()
  routed.forEach(({ mail }, i) => {
    const id = conversationIds[i]
    if (!id) return
    const entry = latest.get(id) ?? { at: mail.receivedAt, sla: null, slaSet: false, answeredAt: null, buyerName: null }
    if (mail.receivedAt > entry.at) entry.at = mail.receivedAt
    if (mail.slaDueAt && (!entry.sla || mail.slaDueAt > entry.sla)) {
      entry.sla = mail.slaDueAt
      entry.slaSet = true
    }
    if (stopsSlaClock(mail.mail.classification.kind) && (!entry.answeredAt || mail.receivedAt > entry.answeredAt)) entry.answeredAt = mail.receivedAt
    entry.buyerName ??= mail.mail.classification.buyerName
    latest.set(id, entry)
  })
  if (!latest.size) return
  // Every conversation's new activity in one statement (a batch touches up to a few hundred),
  // locked in id order so that two batches never wait on each other in opposite orders.
  const entries = [...latest].sort(([a], [b]) => a - b)
  const rows = sql.join(
    entries.map(
      ([id, e]) =>
        sql`select ${id} as id, cast(${e.at} as datetime(3)) as at, cast(${e.slaSet ? e.sla : null} as datetime(3)) as sla,
          ${e.buyerName ? clip(e.buyerName, LIMITS.name) : null} as buyer_name`,
    ),
    sql` union all `,
  )
  await sql`update conversations c join (${rows}) v on v.id = c.id
    set c.last_message_at = greatest(c.last_message_at, v.at),
      c.sla_due_at = case when v.sla is null then c.sla_due_at else greatest(coalesce(c.sla_due_at, v.sla), v.sla) end,
      c.buyer_name = coalesce(c.buyer_name, v.buyer_name)`.execute(tx)
  for (const [id, e] of entries) {
    if (e.answeredAt) {
      // Amazon's copy of a Seller Central reply: everything the buyer sent before it is answered.
      await tx.updateTable('messages').set({ slaDueAt: null }).where('conversationId', '=', id).where('kind', '=', 'buyer_message').where('receivedAt', '<=', e.answeredAt).execute()
      await tx.updateTable('conversations').set({ slaDueAt: null }).where('id', '=', id).where('lastMessageAt', '<=', e.answeredAt).execute()
    }
  }
}

async function touchChannels(tx: Tx, routed: Routed[]): Promise<void> {
  const latest = new Map<number, Date>()
  for (const { mail, channel } of routed) {
    const at = latest.get(channel.id)
    if (!at || mail.receivedAt > at) latest.set(channel.id, mail.receivedAt)
  }
  for (const [id, at] of latest) {
    await tx.updateTable('channels').set({ lastMailAt: sql`GREATEST(COALESCE(last_mail_at, ${at}), ${at})` }).where('id', '=', id).execute()
  }
}
