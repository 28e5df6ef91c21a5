// Notification windows (DESIGN §7): is an instant inside a recipient's schedule, and when does the
// next window open. Pure code over Intl only, so the server and the mini program's preview agree.
// A window belongs to the local day it starts on; it may run into the next day and last over 24 h.

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7]

export interface Schedule {
  /** Days whose window is open (the day a window starts on). */
  days: readonly number[]
  /** Local wall time `HH:MM` the window opens. */
  start: string
  /** Local wall time `HH:MM` the window closes (exclusive); on the next day when `endNextDay`. */
  end: string
  endNextDay: boolean
  /** IANA time zone, e.g. Asia/Shanghai. */
  timeZone: string
}

export interface TimeWindow {
  start: Date
  end: Date
}

export interface ScheduleProblem {
  field: 'days' | 'start' | 'end' | 'timeZone'
  message: string
}

const MINUTE = 60_000
const DAY = 86_400_000
// The longest window (00:00 → 23:59 next day) ends before the third local day begins, so the
// windows that may contain an instant started on its own local day or one of the two before.
const LOOKBACK_DAYS = 2

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/

/** `HH:MM` → minutes after midnight, or null when not a 24-hour clock time. */
export function parseClockTime(value: string): number | null {
  const match = CLOCK.exec(value)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

export function isTimeZone(value: string): boolean {
  if (!value) return false
  try {
    formatterFor(value)
    return true
  } catch {
    return false
  }
}

/** Every problem with a schedule at once; empty when it is valid. */
export function validateSchedule(schedule: Schedule): ScheduleProblem[] {
  const problems: ScheduleProblem[] = []
  const { days } = schedule
  if (days.length === 0) problems.push({ field: 'days', message: 'tick at least one day' })
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) problems.push({ field: 'days', message: 'days are 1 (Monday) … 7 (Sunday)' })
  if (new Set(days).size !== days.length) problems.push({ field: 'days', message: 'a day is listed twice' })
  const start = parseClockTime(schedule.start)
  const end = parseClockTime(schedule.end)
  if (start === null) problems.push({ field: 'start', message: 'use a 24-hour time like 09:00' })
  if (end === null) problems.push({ field: 'end', message: 'use a 24-hour time like 21:00' })
  if (start !== null && end !== null && !schedule.endNextDay && end <= start) {
    problems.push({ field: 'end', message: 'must be later than the start, unless the window ends the next day' })
  }
  if (!isTimeZone(schedule.timeZone)) problems.push({ field: 'timeZone', message: 'use an IANA time zone such as Asia/Shanghai' })
  return problems
}

// ---- wall clock ------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

export interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/** The local calendar date and clock time of an instant in a time zone. */
export function wallTime(instant: number | Date, timeZone: string): WallTime {
  const fields: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value)
  }
  return {
    year: fields.year ?? 1970,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    // some engines print midnight as 24 even with h23
    hour: (fields.hour ?? 0) % 24,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  }
}

/** UTC offset (ms, east positive) of the time zone at an instant. */
export function offsetAt(instant: number, timeZone: string): number {
  const w = wallTime(instant, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000))
}

/** Days since 1970-01-01 of a calendar date (a "day number"; weekday and +1 day are arithmetic). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY)
}

/** ISO weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): Weekday {
  return ((((day + 3) % 7) + 7) % 7 + 1) as Weekday
}

/**
 * The instant a local wall time names, resolved like Temporal's `compatible` disambiguation: a
 * time inside a spring-forward gap moves forward by the gap's length (02:30 → 03:30), an ambiguous
 * time in a fall-back overlap takes the earlier instant.
 */
export function resolveWallTime(day: number, minuteOfDay: number, timeZone: string): number {
  const wall = day * DAY + minuteOfDay * MINUTE
  // A day either side of the wall time, the offsets before and after any transition near it
  // (time zones change at most once in two days).
  const before = offsetAt(wall - DAY, timeZone)
  const after = offsetAt(wall + DAY, timeZone)
  const candidates = [wall - before, wall - after].filter((instant) => offsetAt(instant, timeZone) === wall - instant)
  if (candidates.length) return Math.min(...candidates)
  return wall - before
}

// ---- windows ---------------------------------------------------------------------------------------

interface ParsedSchedule {
  days: Set<number>
  start: number
  end: number
  endNextDay: boolean
  timeZone: string
}

function parse(schedule: Schedule): ParsedSchedule | null {
  const start = parseClockTime(schedule.start)
  const end = parseClockTime(schedule.end)
  if (start === null || end === null || !isTimeZone(schedule.timeZone)) return null
  if (!schedule.endNextDay && end <= start) return null
  return { days: new Set(schedule.days), start, end, endNextDay: schedule.endNextDay, timeZone: schedule.timeZone }
}

/** The window that starts on a local day, or null when the day is not ticked or the window is empty. */
function windowOfDay(s: ParsedSchedule, day: number): { start: number; end: number } | null {
  if (!s.days.has(weekdayOf(day))) return null
  const start = resolveWallTime(day, s.start, s.timeZone)
  const end = resolveWallTime(s.endNextDay ? day + 1 : day, s.end, s.timeZone)
  // A window that a spring-forward gap squeezed to nothing (e.g. 02:30 → 03:00 that day) is empty.
  return end > start ? { start, end } : null
}

function localDayOf(instant: number, timeZone: string): number {
  const w = wallTime(instant, timeZone)
  return dayNumber(w.year, w.month, w.day)
}

/** Whether notifications may go out at this instant. An invalid schedule is never open. */
export function isInSchedule(schedule: Schedule, at: Date | number): boolean {
  return currentWindow(schedule, at) !== null
}

/** The open window containing the instant (the one that closes last when windows overlap), or null. */
export function currentWindow(schedule: Schedule, at: Date | number): TimeWindow | null {
  const s = parse(schedule)
  if (!s) return null
  const t = +at
  const today = localDayOf(t, s.timeZone)
  let found: { start: number; end: number } | null = null
  for (let day = today - LOOKBACK_DAYS; day <= today; day++) {
    const w = windowOfDay(s, day)
    if (w && w.start <= t && t < w.end && (!found || w.end > found.end)) found = w
  }
  return found ? { start: new Date(found.start), end: new Date(found.end) } : null
}

/** When the next window opens strictly after the instant, or null when no day is ticked. */
export function nextWindowOpening(schedule: Schedule, at: Date | number): Date | null {
  const s = parse(schedule)
  if (!s || s.days.size === 0) return null
  const t = +at
  const today = localDayOf(t, s.timeZone)
  // Every ticked weekday comes round within 8 days; two more cover skipped (empty) windows.
  for (let day = today - LOOKBACK_DAYS; day <= today + 10; day++) {
    const w = windowOfDay(s, day)
    if (w && w.start > t) return new Date(w.start)
  }
  return null
}

/** The next `count` windows that have not closed yet at the instant (the open one first), for previews. */
export function upcomingWindows(schedule: Schedule, from: Date | number, count: number): TimeWindow[] {
  const s = parse(schedule)
  if (!s || s.days.size === 0 || count <= 0) return []
  const t = +from
  const today = localDayOf(t, s.timeZone)
  const out: TimeWindow[] = []
  for (let day = today - LOOKBACK_DAYS; out.length < count && day <= today + 7 * count + 10; day++) {
    const w = windowOfDay(s, day)
    if (w && w.end > t) out.push({ start: new Date(w.start), end: new Date(w.end) })
  }
  return out
}
