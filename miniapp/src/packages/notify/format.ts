// How the notification pages show rules and windows: day sets, "21:00 → 次日 09:00", and window times
// in the rule's own time zone (the shared window logic decides the instants).
import { CATEGORY_INFO } from '@sellerinbox/shared/domain/taxonomy'
import { wallTime, type TimeWindow } from '@sellerinbox/shared/domain/schedule-window'
import type { NotificationRule } from '@sellerinbox/shared/api/notifications'
import type { NotifyKey, NotifyText } from './text'

export const dayKey = (day: number) => `days.${day}` as NotifyKey

export function daysLabel(days: readonly number[], tt: NotifyText, en: boolean): string {
  const sorted = [...days].sort((a, b) => a - b).join(',')
  if (sorted === '1,2,3,4,5,6,7') return tt('days.all')
  if (sorted === '1,2,3,4,5') return tt('days.weekdays')
  if (sorted === '6,7') return tt('days.weekend')
  return [...days].sort((a, b) => a - b).map((d) => tt(dayKey(d))).join(en ? ', ' : '、')
}

export function windowLabel(rule: Pick<NotificationRule, 'start' | 'end' | 'endNextDay'>, tt: NotifyText): string {
  return `${rule.start} → ${rule.endNextDay ? `${tt('rule.nextDay')} ` : ''}${rule.end}`
}

export function categoryName(code: string, en: boolean): string {
  const info = CATEGORY_INFO.find((c) => c.code === code)
  return info ? (en ? info.nameEn : info.nameZh) : code
}

const pad = (n: number) => String(n).padStart(2, '0')

function weekdayOf(w: { year: number; month: number; day: number }): number {
  return ((new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7) + 1
}

/** `11-23 周一 21:00` in the time zone. */
export function formatInstant(at: Date, timeZone: string, tt: NotifyText): string {
  const w = wallTime(at, timeZone)
  return `${pad(w.month)}-${pad(w.day)} ${tt(dayKey(weekdayOf(w)))} ${pad(w.hour)}:${pad(w.minute)}`
}

/** `11-23 周一 21:00 → 11-24 周二 09:00`. */
export function formatWindow(window: TimeWindow, timeZone: string, tt: NotifyText): string {
  return `${formatInstant(window.start, timeZone, tt)} → ${formatInstant(window.end, timeZone, tt)}`
}

/** Time zones offered in the picker; the rule's own is added when it is not listed. */
export const TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Tokyo',
  'Asia/Singapore',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Australia/Sydney',
  'UTC',
]
