// Seeds the API benchmark's database: 20 orgs × 5 stores × 5 marketplaces (500 channels) and N
// messages over the last year, denser towards now, with a realistic mix of categories, kinds,
// statuses, read flags, deadlines, orders and conversations, tags, events, attachments and text
// sizes (Amazon's long notices, short buyer messages, HTML bodies). Orgs and channels differ in
// size. Rows go in with multi-row INSERTs in time order, the way mail accumulates.
import { createHash } from 'node:crypto'
import type { Connection } from 'mysql2/promise'
import { searchTextOf } from '@sellerinbox/shared/domain/search-text'
import { slaDueAt } from '@sellerinbox/shared/domain/sla'
import { messageSnippet } from '@sellerinbox/shared/domain/snippet'
import type { Db } from '@sellerinbox/server/db/kysely'
import { createOrgWithMain } from '@sellerinbox/server/modules/auth/sign-in.service'
import { rebuildOrderFacts } from '@sellerinbox/server/modules/messages/order-facts.repo'
import { createStore } from '@sellerinbox/server/modules/stores/stores.service'
import { NAMES, PRODUCTS, SENTENCES, SUBJECTS, boilerplate, type Lang } from './api-text'

export const ORGS = 20
const STORES_PER_ORG = 5
const TAGS_PER_ORG = 6
const SPAN_MS = 365 * 24 * 3600_000
const BATCH = 1000

/** Deterministic, so two seeds of the same size are the same data. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const rand = prng(20261122)
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!
function weighted<T extends string>(table: Record<T, number>): T {
  let r = rand()
  for (const [key, w] of Object.entries(table) as [T, number][]) {
    if ((r -= w) < 0) return key
  }
  return Object.keys(table)[0] as T
}

const LANG_OF: Record<string, Lang> = { US: 'en', CA: 'en', UK: 'en', AU: 'en', DE: 'de', FR: 'fr', IT: 'it', ES: 'es', MX: 'es', JP: 'ja' }
const MP_WEIGHT: Record<string, number> = { US: 3, DE: 1.6, JP: 1.6, UK: 1.2 }
const EXTRA_MPS = ['UK', 'FR', 'IT', 'ES', 'CA', 'MX', 'AU']
const STORE_WEIGHT = [1.5, 1.2, 1, 0.8, 0.5]
const CATEGORY_MIX = { buyer_message: 0.42, amazon: 0.22, sent: 0.16, refund: 0.1, qa: 0.06, atoz_claim: 0.04 }
const KIND_MIX: Record<string, Record<string, number>> = {
  buyer_message: { buyer_message: 1 },
  qa: { customer_question: 1 },
  refund: { refund_issued: 0.6, return_request: 0.4 },
  atoz_claim: { atoz_claim_opened: 0.55, atoz_claim_decision: 0.3, chargeback: 0.15 },
  amazon: { reply_confirmation: 0.4, other: 0.35, cancellation_request: 0.15, buyer_opt_out: 0.1 },
  sent: { reply: 1 },
}
const TAG_COLORS = ['#E53935', '#FB8C00', '#FDD835', '#43A047', '#1E88E5', '#8E24AA']
const TAG_NAMES = ['VIP', '差评风险', '物流问题', '已补发', '待退款', '质量问题']

interface ChannelInfo {
  id: number
  orgId: number
  marketplace: string
  lang: Lang
  orders: string[]
}

export interface SeededOrg {
  orgId: number
  userId: number
}

/** Creates orgs, stores and channels through the product's own services; returns the org list. */
async function createOrgs(db: Db): Promise<{ orgs: SeededOrg[]; channels: ChannelInfo[]; weights: number[] }> {
  const orgs: SeededOrg[] = []
  const channels: ChannelInfo[] = []
  const weights: number[] = []
  for (let o = 0; o < ORGS; o++) {
    const user = await createOrgWithMain(db, `bench-api-main-${o}`, `Bench ${o}`, `Bench org ${o}`)
    orgs.push({ orgId: user.orgId, userId: user.id })
    const actor = { userId: user.id, orgId: user.orgId, role: 'main' as const }
    const orgWeight = 0.5 + o / (ORGS - 1)
    for (let s = 0; s < STORES_PER_ORG; s++) {
      const marketplaces = ['US', 'DE', 'JP', EXTRA_MPS[(o + s) % EXTRA_MPS.length]!, EXTRA_MPS[(o + s + 3) % EXTRA_MPS.length]!]
      const store = await createStore({ db, inboundDomain: 'in.bench.example' }, actor, { name: `Store ${o}-${s}`, region: 'NA', marketplaces })
      for (const channel of store.channels) {
        channels.push({ id: channel.id, orgId: user.orgId, marketplace: channel.marketplace, lang: LANG_OF[channel.marketplace] ?? 'en', orders: [] })
        weights.push(orgWeight * STORE_WEIGHT[s]! * (MP_WEIGHT[channel.marketplace] ?? 0.8))
      }
    }
  }
  return { orgs, channels, weights }
}

function orderId(marketplace: string): string {
  const head = { US: '11', CA: '70', MX: '70', JP: '50', AU: '25' }[marketplace] ?? '30'
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('')
  return `${head}${digits(1)}-${digits(7)}-${digits(7)}`
}

function buyerText(lang: Lang): string {
  const sentences = SENTENCES[lang]
  const n = 1 + Math.floor(rand() * 4)
  return Array.from({ length: n }, () => pick(sentences)).join(lang === 'ja' || lang === 'zh' ? '' : ' ')
}

const statusMix = (ageMs: number) =>
  ageMs < 2 * 86_400_000
    ? { pending: 0.55, follow_up: 0.15, processed: 0.25, replied_on_platform: 0.05 }
    : ageMs < 14 * 86_400_000
      ? { pending: 0.12, follow_up: 0.08, processed: 0.7, replied_on_platform: 0.1 }
      : { pending: 0.03, follow_up: 0.02, processed: 0.85, replied_on_platform: 0.1 }

const MESSAGE_COLUMNS = [
  'id', 'org_id', 'channel_id', 'conversation_id', 'raw_sha256', 'direction', 'category', 'kind', 'subject', 'from_address', 'from_name',
  'to_addresses', 'reply_to', 'buyer_name', 'order_id', 'asin', 'marketplace', 'language', 'product_title', 'quantity', 'buyer_text',
  'body_text', 'body_html', 'attachment_count', 'received_at', 'status', 'is_read', 'sla_due_at', 'raw_key', 'raw_size', 'search_text', 'snippet',
]

export async function seed(db: Db, conn: Connection, rows: number, log: (line: string) => void): Promise<SeededOrg[]> {
  const { orgs, channels, weights } = await createOrgs(db)
  const cumulative: number[] = []
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0)
  const total = cumulative[cumulative.length - 1]!
  const pickChannel = () => {
    const r = rand() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < r) lo = mid + 1
      else hi = mid
    }
    return channels[lo]!
  }

  const tagIds = new Map<number, number[]>()
  for (const org of orgs) {
    const ids: number[] = []
    for (let t = 0; t < TAGS_PER_ORG; t++) {
      const [result] = (await conn.query('INSERT INTO tags (org_id, name, color) VALUES (?, ?, ?)', [org.orgId, TAG_NAMES[t], TAG_COLORS[t]])) as [{ insertId: number }, unknown]
      ids.push(result.insertId)
    }
    tagIds.set(org.orgId, ids)
  }
  const userOf = new Map(orgs.map((o) => [o.orgId, o.userId]))

  await conn.query('SET unique_checks = 0, foreign_key_checks = 0')
  const now = Date.now()
  const conversationOf = new Map<string, number>()
  let nextConversation = 1
  let messages: unknown[][] = []
  let conversations: unknown[][] = []
  let tags: unknown[][] = []
  let events: unknown[][] = []
  let attachments: unknown[][] = []
  const started = performance.now()

  const flush = async () => {
    if (conversations.length) await conn.query('INSERT INTO conversations (id, org_id, channel_id, buyer_key, order_id, buyer_name, last_message_at, sla_due_at) VALUES ?', [conversations])
    if (messages.length) await conn.query(`INSERT INTO messages (${MESSAGE_COLUMNS.join(', ')}) VALUES ?`, [messages])
    if (tags.length) await conn.query('INSERT INTO message_tags (message_id, tag_id, org_id, received_at) VALUES ?', [tags])
    if (events.length) await conn.query('INSERT INTO message_events (org_id, message_id, user_id, user_name, `change`, created_at) VALUES ?', [events])
    if (attachments.length) await conn.query('INSERT INTO attachments (org_id, message_id, filename, content_type, size, sha256, storage_key, content_id, `inline`) VALUES ?', [attachments])
    messages = []
    conversations = []
    tags = []
    events = []
    attachments = []
  }

  for (let i = 0; i < rows; i++) {
    const id = i + 1
    const age = Math.max(1000, SPAN_MS * Math.pow(1 - i / rows, 1.2) + (rand() - 0.5) * 600_000)
    const receivedAt = new Date(now - age)
    const channel = pickChannel()
    const category = weighted(CATEGORY_MIX)
    const kind = weighted(KIND_MIX[category]!)
    const lang: Lang = (category === 'buyer_message' || category === 'qa') && channel.lang === 'en' && rand() < 0.06 ? 'zh' : channel.lang
    const name = pick(NAMES[lang])
    const productLang = lang === 'ja' ? 'ja' : lang === 'de' ? 'de' : 'en'
    const product = pick(PRODUCTS[productLang])

    let order: string | null = null
    if (category !== 'qa' && kind !== 'other' && kind !== 'buyer_opt_out') {
      const fresh = channel.orders.length === 0 || rand() < (category === 'buyer_message' ? 0.5 : 0.25)
      order = fresh ? orderId(channel.marketplace) : pick(channel.orders)
      if (fresh) {
        channel.orders.push(order)
        if (channel.orders.length > 60) channel.orders.shift()
      }
    }

    let conversationId: number | null = null
    if (order || category === 'qa') {
      const key = `${channel.id}|${order ?? `qa-${id}`}`
      conversationId = conversationOf.get(key) ?? null
      if (conversationId === null) {
        conversationId = nextConversation++
        conversationOf.set(key, conversationId)
        conversations.push([conversationId, channel.orgId, channel.id, `buyer-${conversationId}@marketplace.amazon.com`, order ?? '', name, receivedAt, null])
      }
    }

    const status = category === 'sent' ? 'processed' : weighted(statusMix(age))
    const isRead = status === 'processed' || status === 'replied_on_platform' || rand() < (age < 2 * 86_400_000 ? 0.4 : 0.95)
    let sla = slaDueAt(kind, receivedAt)
    if (sla && (status === 'replied_on_platform' || (status === 'processed' && rand() < 0.7))) sla = null

    const isBuyer = category === 'buyer_message' || category === 'qa'
    const words = isBuyer ? buyerText(lang) : null
    const subject =
      category === 'buyer_message'
        ? SUBJECTS.buyer[lang](name, order!)
        : category === 'qa'
          ? `Customer question about ${product}`
          : category === 'sent'
            ? `RE: ${SUBJECTS.buyer[lang](name, order ?? '')}`
            : category === 'refund'
              ? `${kind === 'refund_issued' ? 'Refund initiated' : 'Return request'} for order ${order}`
              : category === 'atoz_claim'
                ? `A-to-z Guarantee claim ${kind === 'atoz_claim_decision' ? 'decision' : 'opened'} for order ${order}`
                : pick(['Your seller account', 'Sold, ship now', 'Buyer opted out of messages', 'Cancellation request', 'Account health update'])
    const amount = `${channel.marketplace === 'JP' ? 'JPY' : channel.marketplace === 'US' ? 'USD' : 'EUR'} ${(5 + rand() * 95).toFixed(2)}`
    const bodyText = isBuyer
      ? `------------- Begin message -------------\n\n${words}\n\n------------- End message -------------\n\n${boilerplate(1 + Math.floor(rand() * 2))}`
      : category === 'sent'
        ? `Dear ${name},\n\nThank you for your message. ${buyerText(channel.lang)}\n\nBest regards`
        : category === 'refund'
          ? `We've initiated a refund of ${amount} for the following item:\n\nOrder ID: ${order}\nItem: ${product}\nQuantity: 1\nRefund reason: ${pick(['Customer return', 'Item damaged', 'Not as described'])}\n\n${boilerplate(2)}`
          : `${subject}.\n\n${boilerplate(2 + Math.floor(rand() * 5))}`
    const bodyHtml = rand() < 0.4 ? `<div style="font-family:Arial">${bodyText.split('\n').map((l) => `<p>${l}</p>`).join('')}</div>` : null
    const hasAttachment = isBuyer && rand() < 0.05
    const asin = order ? `B0${id.toString(36).toUpperCase().padStart(8, '0').slice(-8)}` : null

    messages.push([
      id, channel.orgId, channel.id, conversationId, createHash('sha256').update(String(id)).digest('hex'),
      category === 'sent' ? 'out' : 'in', category, kind, subject,
      category === 'sent' ? `seller@store.example` : isBuyer ? `buyer-${conversationId}@marketplace.amazon.com` : 'notifications@amazon.com',
      isBuyer ? `${name} - Amazon Marketplace` : 'Amazon', `bench@in.bench.example`, isBuyer ? `buyer-${conversationId}+c@marketplace.amazon.com` : null,
      isBuyer || category === 'sent' ? name : null, order, asin, channel.marketplace, lang, order ? product : null, order ? 1 + Math.floor(rand() * 3) : null,
      words, bodyText, bodyHtml, hasAttachment ? 1 : 0, receivedAt, status, isRead, sla, `raw/bench/${id}`, 2000 + bodyText.length * 2,
      Buffer.from(searchTextOf({ subject, buyerName: isBuyer ? name : null, orderId: order, buyerText: words }), 'utf8'),
      messageSnippet(words, bodyText),
    ])
    const orgTags = tagIds.get(channel.orgId)!
    const tagRoll = rand()
    if (tagRoll < 0.125) {
      const first = Math.floor(rand() * orgTags.length)
      tags.push([id, orgTags[first], channel.orgId, receivedAt])
      if (tagRoll < 0.025) tags.push([id, orgTags[(first + 1) % orgTags.length], channel.orgId, receivedAt])
    }
    if (status !== 'pending' && rand() < 0.4) {
      const change = status === 'replied_on_platform' ? 'replied_on_platform' : `status:${status}`
      events.push([channel.orgId, id, userOf.get(channel.orgId), `Bench ${channel.orgId}`, change, new Date(receivedAt.getTime() + 3600_000)])
    }
    if (hasAttachment) attachments.push([channel.orgId, id, 'photo.jpg', 'image/jpeg', 180_000, '0'.repeat(64), `attachment/bench/${id}`, null, false])

    if (messages.length >= BATCH) {
      await flush()
      if (id % 50_000 === 0) log(`  ${id} messages (${Math.round(id / ((performance.now() - started) / 1000))}/s)`)
    }
  }
  await flush()
  await conn.query('SET unique_checks = 1, foreign_key_checks = 1')
  log(`  ${rows} messages in ${((performance.now() - started) / 1000).toFixed(0)} s; counting and analysing…`)
  await conn.query(
    'INSERT INTO inbox_counts (org_id, channel_id, category, status, is_read, n) SELECT org_id, channel_id, category, status, is_read, COUNT(*) FROM messages GROUP BY org_id, channel_id, category, status, is_read',
  )
  const factsStarted = performance.now()
  await rebuildOrderFacts(db)
  log(`  order facts in ${((performance.now() - factsStarted) / 1000).toFixed(0)} s`)
  await conn.query('ANALYZE TABLE messages, message_tags, message_events, conversations, inbox_counts, order_facts')
  return orgs
}
