// Inbox time ranges. "Today" starts at midnight in the user's own time zone (a seller in Shanghai
// and a colleague in Berlin see different "today"s); 7d and 30d are rolling windows.

const HOUR = 3600_000
const DAY = 24 * HOUR

export type InboxRange = 'today' | '7d' | '30d' | 'custom'

export interface TimeWindow {
  /** Inclusive lower bound. */
  from?: Date
  /** Exclusive upper bound. */
  before?: Date
}

/** Milliseconds `timeZone` is ahead of UTC at `at`. */
function offsetAt(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return local - Math.floor(at / 1000) * 1000
}

/** The instant the calendar day containing `now` began in `timeZone` (an IANA name). */
export function startOfDayIn(timeZone: string, now: Date): Date {
  const offset = offsetAt(timeZone, now.getTime())
  const local = new Date(now.getTime() + offset)
  const midnightLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate())
  // The offset at midnight can differ from the offset now (a DST change during the day).
  let start = midnightLocal - offsetAt(timeZone, midnightLocal - offset)
  if (start > now.getTime()) start -= DAY
  return new Date(start)
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** The received-at window of a range, intersected with explicit from/to bounds when given. */
export function timeWindow(range: InboxRange | undefined, bounds: { from?: Date; to?: Date }, timeZone: string, now: Date): TimeWindow {
  let from: Date | undefined
  if (range === 'today') from = startOfDayIn(timeZone, now)
  else if (range === '7d') from = new Date(now.getTime() - 7 * DAY)
  else if (range === '30d') from = new Date(now.getTime() - 30 * DAY)
  if (bounds.from && (!from || bounds.from > from)) from = bounds.from
  return { ...(from ? { from } : {}), ...(bounds.to ? { before: bounds.to } : {}) }
}

/** Deadline states the inbox highlights. */
export const DUE_SOON_MS = 2 * HOUR
