// What a notification says and opens, in the recipient's language: one message ("New buyer message"),
// a digest ("3 new buyer messages · Store A · DE") or a reply-deadline reminder. Template keywords are
// configuration, so content is built per slot and then fitted to whatever keyword holds each slot.
import { notificationPage, type NotificationTarget } from '@sellerinbox/shared/api/notifications'
import type { TemplateConfig, TemplateSlot } from '../config'
import { fitValue, keywordType, truncate, withSuffix, cleanText, type SlotValue } from './template-values'

export type Locale = 'zh-CN' | 'en-US'

/** What the dispatcher knows about a message it notifies about. */
export interface MessageFacts {
  id: number
  orgId: number
  category: string
  kind: string
  storeId: number
  storeName: string
  channelId: number
  marketplace: string
  subject: string
  buyerText: string | null
  receivedAt: Date
  slaDueAt: Date | null
}

export interface Content {
  title: string
  page: string
  slots: Partial<Record<TemplateSlot, SlotValue>>
}

const LABELS: Record<string, { zh: string; one: string; many: string }> = {
  buyer_message: { zh: '买家消息', one: 'buyer message', many: 'buyer messages' },
  qa: { zh: 'Q&A问题', one: 'customer question', many: 'customer questions' },
  refund: { zh: '退款邮件', one: 'refund email', many: 'refund emails' },
  atoz_claim: { zh: 'A-to-z索赔', one: 'A-to-z claim', many: 'A-to-z claims' },
  amazon: { zh: '亚马逊邮件', one: 'Amazon email', many: 'Amazon emails' },
}
const ANY = { zh: '消息', one: 'message', many: 'messages' }

function single<T>(values: T[]): T | undefined {
  return values.every((v) => v === values[0]) ? values[0] : undefined
}

function preview(message: MessageFacts): string {
  return truncate(cleanText(message.buyerText || message.subject || '-'), 20)
}

/** "Store A · DE", "Store A · DE/US", "2 stores". */
function storeLine(messages: MessageFacts[], locale: Locale): string {
  const storeId = single(messages.map((m) => m.storeId))
  if (storeId === undefined) {
    const stores = new Set(messages.map((m) => m.storeId)).size
    return locale === 'zh-CN' ? `${stores}个店铺` : `${stores} stores`
  }
  const marketplaces = [...new Set(messages.map((m) => m.marketplace))].sort()
  return withSuffix(messages[0]!.storeName, marketplaces.join('/'), 20)
}

/** One message or a digest of several (newest last). */
export function messageContent(messages: MessageFacts[], locale: Locale): Content {
  const latest = messages.reduce((a, b) => (b.receivedAt > a.receivedAt ? b : a))
  const category = single(messages.map((m) => m.category))
  const label = (category && LABELS[category]) || ANY
  const n = messages.length
  let title: string
  let target: NotificationTarget
  if (n === 1) {
    title = locale === 'zh-CN' ? `新${label.zh}` : `New ${label.one}`
    target = { messageId: latest.id }
  } else {
    title = locale === 'zh-CN' ? `${n}条新${label.zh}` : `${n} new ${label.many}`
    const storeId = single(messages.map((m) => m.storeId))
    // A channel is a store × marketplace: both present name exactly one.
    const marketplace = storeId ? single(messages.map((m) => m.marketplace)) : undefined
    target = { ...(category ? { category } : {}), ...(storeId ? { storeId } : {}), ...(marketplace ? { marketplace } : {}) }
  }
  return {
    title: truncate(title, 20),
    page: notificationPage(target),
    slots: { title: truncate(title, 20), store: storeLine(messages, locale), time: latest.receivedAt, detail: preview(latest), count: n },
  }
}

/** A reminder that a buyer message's reply deadline is near. */
export function reminderContent(message: MessageFacts, locale: Locale): Content {
  const title = locale === 'zh-CN' ? '买家消息即将超时' : 'Reply due soon'
  return {
    title,
    page: notificationPage({ messageId: message.id }),
    slots: { title, store: storeLine([message], locale), time: message.receivedAt, deadline: message.slaDueAt ?? message.receivedAt, detail: preview(message), count: 1 },
  }
}

export type TemplateData = { ok: true; data: Record<string, { value: string }> } | { ok: false; reason: string }

/** The `data` of subscribe/send: each configured keyword with its slot's value, fitted to its type. */
export function templateData(template: TemplateConfig, slots: Content['slots'], timeZone: string): TemplateData {
  const data: Record<string, { value: string }> = {}
  for (const [slot, keyword] of Object.entries(template.keywords) as [TemplateSlot, string][]) {
    const type = keywordType(keyword)
    if (!type) return { ok: false, reason: `template keyword ${keyword} has no known type` }
    const raw = slots[slot]
    const value = raw === undefined ? null : fitValue(type, raw, timeZone)
    if (value === null) return { ok: false, reason: `${slot} does not fit template keyword ${keyword} (${type})` }
    data[keyword] = { value }
  }
  return { ok: true, data }
}
