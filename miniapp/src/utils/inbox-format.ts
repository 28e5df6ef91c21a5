// Display of inbox values in the current UI language: categories, kinds, statuses, SLA time left,
// list times, file sizes, tag colours and recorded changes.
import type { MessageStatus, MessageSummary } from '@sellerinbox/shared'
import { CATEGORY_INFO, KIND_LABELS, isKind, type Category } from '@sellerinbox/shared/domain/taxonomy'
import { getLocale, t, type MessageKey } from '../i18n'

const HOUR = 3600_000
const MINUTE = 60_000
/** Deadlines closer than this are highlighted (DESIGN §4). */
export const DUE_SOON_MS = 2 * HOUR

const en = () => getLocale() === 'en-US'
const pad = (n: number) => String(n).padStart(2, '0')

export function categoryName(category: Category | 'all'): string {
  if (category === 'all') return t('inbox.allCategories')
  const info = CATEGORY_INFO.find((c) => c.code === category)
  return info ? (en() ? info.nameEn : info.nameZh) : category
}

export function kindName(kind: string): string {
  if (!isKind(kind)) return kind
  return en() ? KIND_LABELS[kind].nameEn : KIND_LABELS[kind].nameZh
}

const STATUS_KEYS: Record<MessageStatus, MessageKey> = {
  pending: 'status.pending',
  follow_up: 'status.follow_up',
  processed: 'status.processed',
  replied_on_platform: 'status.replied_on_platform',
}

export function statusName(status: MessageStatus): string {
  return t(STATUS_KEYS[status])
}

/** `2d 3h`, `3h 20m`, `15m` in the current language. */
export function durationText(ms: number): string {
  const minutes = Math.max(1, Math.floor(Math.abs(ms) / MINUTE))
  const days = Math.floor(minutes / (24 * 60))
  const hours = Math.floor((minutes % (24 * 60)) / 60)
  if (days > 0) return t('duration.dh', { d: days, h: hours })
  if (hours > 0) return t('duration.hm', { h: hours, m: minutes % 60 })
  return t('duration.m', { m: minutes })
}

export type SlaState = { kind: 'overdue' | 'due_soon' | 'open'; ms: number } | null

/** Time left to answer; none once the message is handled (processed or replied on the platform). */
export function slaState(message: Pick<MessageSummary, 'slaDueAt' | 'status'>, now: number): SlaState {
  if (!message.slaDueAt || message.status === 'processed' || message.status === 'replied_on_platform') return null
  const ms = Date.parse(message.slaDueAt) - now
  if (Number.isNaN(ms)) return null
  if (ms <= 0) return { kind: 'overdue', ms: -ms }
  return { kind: ms <= DUE_SOON_MS ? 'due_soon' : 'open', ms }
}

export function slaText(state: NonNullable<SlaState>): string {
  return state.kind === 'overdue' ? t('sla.overdue', { time: durationText(state.ms) }) : t('sla.left', { time: durationText(state.ms) })
}

/** Today: `14:05`; this year: `11-20 14:05`; older: `2025-11-20`. Device time zone. */
export function listTime(iso: string, now: number): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const today = new Date(now)
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`
  if (d.toDateString() === today.toDateString()) return time
  if (d.getFullYear() === today.getFullYear()) return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Black or white text, whichever reads better on the tag colour (#RRGGBB). */
export function tagTextColor(color: string): string {
  const rgb = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color)
  if (!rgb) return '#ffffff'
  const [r, g, b] = rgb.slice(1).map((h) => parseInt(h, 16) / 255) as [number, number, number]
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  return luminance > 0.6 ? '#1f2328' : '#ffffff'
}

/**
 * One recorded change ('status:follow_up', 'replied_on_platform', 'read', 'unread', 'tag_added:VIP',
 * 'tag_removed:VIP') as a sentence; an unknown change shows as recorded.
 */
export function changeText(change: string): string {
  const [what, ...rest] = change.split(':')
  const value = rest.join(':')
  switch (what) {
    case 'status':
      return value in STATUS_KEYS ? t('change.status', { status: statusName(value as MessageStatus) }) : change
    case 'replied_on_platform':
      return t('change.repliedOnPlatform')
    case 'read':
      return t('change.read')
    case 'unread':
      return t('change.unread')
    case 'tag_added':
      return t('change.tagAdded', { name: value })
    case 'tag_removed':
      return t('change.tagRemoved', { name: value })
    default:
      return change
  }
}
