// Notification windows: chosen instants (cross-midnight, > 24 h, DST days in Los Angeles and Paris)
// and property-style checks against a brute-force reference that marks every minute of a range.
import { describe, expect, it } from 'vitest'
import {
  currentWindow,
  isInSchedule,
  nextWindowOpening,
  upcomingWindows,
  validateSchedule,
  type Schedule,
} from '@sellerinbox/shared/domain/schedule-window'

const MIN = 60_000
const DAY = 86_400_000
const utc = (iso: string) => new Date(iso.endsWith('Z') ? iso : `${iso}Z`)
const WEEKDAYS = [1, 2, 3, 4, 5]
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7]

function schedule(partial: Partial<Schedule>): Schedule {
  return { days: EVERY_DAY, start: '09:00', end: '18:00', endNextDay: false, timeZone: 'Asia/Shanghai', ...partial }
}

describe('chosen instants', () => {
  it('a window belongs to the day it starts on: Friday 22:00 → Saturday 06:00 covers Saturday 02:00', () => {
    // 2026-11-20 is a Friday; Shanghai is UTC+8.
    const s = schedule({ days: [5], start: '22:00', end: '06:00', endNextDay: true })
    expect(isInSchedule(s, utc('2026-11-20T13:59'))).toBe(false) // Fri 21:59
    expect(isInSchedule(s, utc('2026-11-20T14:00'))).toBe(true) // Fri 22:00
    expect(isInSchedule(s, utc('2026-11-20T18:00'))).toBe(true) // Sat 02:00
    expect(isInSchedule(s, utc('2026-11-20T21:59'))).toBe(true) // Sat 05:59
    expect(isInSchedule(s, utc('2026-11-20T22:00'))).toBe(false) // Sat 06:00 (end is exclusive)
    expect(isInSchedule(s, utc('2026-11-21T14:30'))).toBe(false) // Sat 22:30: Saturday is not ticked
    expect(nextWindowOpening(s, utc('2026-11-20T22:00'))).toEqual(utc('2026-11-27T14:00'))
  })

  it('a window may last over 24 h: Monday 09:00 → Tuesday 10:00', () => {
    // 2026-11-23 is a Monday.
    const s = schedule({ days: [1], start: '09:00', end: '10:00', endNextDay: true })
    expect(isInSchedule(s, utc('2026-11-23T00:59'))).toBe(false) // Mon 08:59
    expect(isInSchedule(s, utc('2026-11-23T01:00'))).toBe(true) // Mon 09:00
    expect(isInSchedule(s, utc('2026-11-24T00:00'))).toBe(true) // Tue 08:00
    expect(isInSchedule(s, utc('2026-11-24T01:30'))).toBe(true) // Tue 09:30
    expect(isInSchedule(s, utc('2026-11-24T02:00'))).toBe(false) // Tue 10:00
    expect(currentWindow(s, utc('2026-11-24T01:30'))).toEqual({ start: utc('2026-11-23T01:00'), end: utc('2026-11-24T02:00') })
  })

  it('weekdays 21:00 → 09:00 next day: Friday night runs into Saturday, Saturday night is quiet', () => {
    const s = schedule({ days: WEEKDAYS, start: '21:00', end: '09:00', endNextDay: true })
    expect(isInSchedule(s, utc('2026-11-21T00:00'))).toBe(true) // Sat 08:00
    expect(isInSchedule(s, utc('2026-11-21T13:30'))).toBe(false) // Sat 21:30
    expect(isInSchedule(s, utc('2026-11-22T13:30'))).toBe(false) // Sun 21:30
    expect(isInSchedule(s, utc('2026-11-23T13:30'))).toBe(true) // Mon 21:30
    expect(nextWindowOpening(s, utc('2026-11-21T02:00'))).toEqual(utc('2026-11-23T13:00')) // Sat 10:00 → Mon 21:00
    expect(upcomingWindows(s, utc('2026-11-21T00:00'), 2)).toEqual([
      { start: utc('2026-11-20T13:00'), end: utc('2026-11-21T01:00') },
      { start: utc('2026-11-23T13:00'), end: utc('2026-11-24T01:00') },
    ])
  })

  it('a whole day: 00:00 → 00:00 next day', () => {
    const s = schedule({ days: [7], start: '00:00', end: '00:00', endNextDay: true })
    expect(isInSchedule(s, utc('2026-11-21T15:59'))).toBe(false) // Sat 23:59
    expect(isInSchedule(s, utc('2026-11-21T16:00'))).toBe(true) // Sun 00:00
    expect(isInSchedule(s, utc('2026-11-22T15:59'))).toBe(true) // Sun 23:59
    expect(isInSchedule(s, utc('2026-11-22T16:00'))).toBe(false) // Mon 00:00
  })

  describe('America/Los_Angeles', () => {
    const tz = 'America/Los_Angeles'
    it('spring forward (2026-03-08): a start inside the gap moves forward by the gap', () => {
      // 02:30 does not exist; it resolves to 03:30 PDT = 10:30Z.
      const s = schedule({ timeZone: tz, days: [7], start: '02:30', end: '05:00' })
      expect(currentWindow(s, utc('2026-03-08T11:00'))).toEqual({ start: utc('2026-03-08T10:30'), end: utc('2026-03-08T12:00') })
      expect(isInSchedule(s, utc('2026-03-08T10:29'))).toBe(false)
      expect(nextWindowOpening(s, utc('2026-03-08T09:00'))).toEqual(utc('2026-03-08T10:30'))
    })
    it('spring forward: a window the gap squeezes to nothing is empty that day', () => {
      // 02:30 → 03:30 PDT (10:30Z), 03:00 PDT = 10:00Z: ends before it starts.
      const s = schedule({ timeZone: tz, days: [7], start: '02:30', end: '03:00' })
      expect(isInSchedule(s, utc('2026-03-08T10:15'))).toBe(false)
      expect(nextWindowOpening(s, utc('2026-03-08T09:00'))).toEqual(utc('2026-03-15T09:30'))
    })
    it('spring forward: an overnight window is an hour shorter', () => {
      const s = schedule({ timeZone: tz, days: [6], start: '22:00', end: '06:00', endNextDay: true })
      expect(currentWindow(s, utc('2026-03-08T08:00'))).toEqual({ start: utc('2026-03-08T06:00'), end: utc('2026-03-08T13:00') })
    })
    it('fall back (2026-11-01): an ambiguous start takes the earlier instant; the window is an hour longer', () => {
      const s = schedule({ timeZone: tz, days: [7], start: '01:30', end: '03:00' })
      expect(currentWindow(s, utc('2026-11-01T09:00'))).toEqual({ start: utc('2026-11-01T08:30'), end: utc('2026-11-01T11:00') })
      const overnight = schedule({ timeZone: tz, days: [6], start: '22:00', end: '06:00', endNextDay: true })
      expect(currentWindow(overnight, utc('2026-11-01T12:00'))).toEqual({ start: utc('2026-11-01T05:00'), end: utc('2026-11-01T14:00') })
    })
    it('fall back: an ambiguous end also takes the earlier instant', () => {
      const s = schedule({ timeZone: tz, days: [7], start: '00:00', end: '01:30' })
      expect(currentWindow(s, utc('2026-11-01T08:00'))).toEqual({ start: utc('2026-11-01T07:00'), end: utc('2026-11-01T08:30') })
      expect(isInSchedule(s, utc('2026-11-01T09:15'))).toBe(false) // 01:15 PST, the second time round
    })
  })

  describe('Europe/Paris', () => {
    const tz = 'Europe/Paris'
    it('spring forward (2026-03-29): 02:30 → 03:30 CEST', () => {
      const s = schedule({ timeZone: tz, days: [7], start: '02:30', end: '04:00' })
      expect(currentWindow(s, utc('2026-03-29T01:45'))).toEqual({ start: utc('2026-03-29T01:30'), end: utc('2026-03-29T02:00') })
    })
    it('fall back (2026-10-25): 02:30 is the CEST one', () => {
      const s = schedule({ timeZone: tz, days: [7], start: '02:30', end: '03:30' })
      expect(currentWindow(s, utc('2026-10-25T01:00'))).toEqual({ start: utc('2026-10-25T00:30'), end: utc('2026-10-25T02:30') })
    })
    it('a weekday window the week after the change keeps its wall times', () => {
      const s = schedule({ timeZone: tz, days: [1], start: '09:00', end: '18:00' })
      expect(nextWindowOpening(s, utc('2026-10-24T12:00'))).toEqual(utc('2026-10-26T08:00'))
      expect(nextWindowOpening(s, utc('2026-03-28T12:00'))).toEqual(utc('2026-03-30T07:00'))
    })
  })

  it('is never open for an invalid schedule; no ticked day means no next window', () => {
    expect(isInSchedule(schedule({ start: '18:00', end: '09:00' }), utc('2026-11-20T12:00'))).toBe(false)
    expect(isInSchedule(schedule({ timeZone: 'Mars/Olympus' }), utc('2026-11-20T03:00'))).toBe(false)
    expect(nextWindowOpening(schedule({ days: [] }), utc('2026-11-20T03:00'))).toBeNull()
    expect(upcomingWindows(schedule({ days: [] }), utc('2026-11-20T03:00'), 3)).toEqual([])
  })
})

describe('validation', () => {
  it('lists every problem at once', () => {
    expect(validateSchedule(schedule({}))).toEqual([])
    expect(validateSchedule(schedule({ start: '09:00', end: '10:00', endNextDay: true }))).toEqual([])
    const problems = validateSchedule({ days: [0, 3, 3], start: '24:00', end: '9:00', endNextDay: false, timeZone: 'Nowhere/City' })
    expect(problems.map((p) => p.field).sort()).toEqual(['days', 'days', 'end', 'start', 'timeZone'])
  })
  it('requires the end after the start unless the window ends the next day', () => {
    expect(validateSchedule(schedule({ start: '21:00', end: '09:00' }))).toEqual([
      { field: 'end', message: 'must be later than the start, unless the window ends the next day' },
    ])
    expect(validateSchedule(schedule({ start: '09:00', end: '09:00' }))).toHaveLength(1)
    expect(validateSchedule(schedule({ start: '09:00', end: '09:00', endNextDay: true }))).toEqual([])
  })
  it('requires a ticked day', () => {
    expect(validateSchedule(schedule({ days: [] })).map((p) => p.field)).toEqual(['days'])
  })
})

// ---- brute-force reference ----------------------------------------------------------------------------

/** Local wall time of each minute of a range, read with a different Intl path than the code under test. */
class MinuteTable {
  readonly walls: number[] = []
  constructor(
    readonly from: number,
    readonly minutes: number,
    timeZone: string,
  ) {
    const format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    for (let i = 0; i < minutes; i++) {
      const text = format.format(new Date(from + i * MIN)) // "2026-03-08 02:30"
      const [date = '', time = ''] = text.split(' ')
      const [y, m, d] = date.split('-').map(Number)
      const [h, mi] = time.split(':').map(Number)
      this.walls.push(Date.UTC(y!, m! - 1, d!, h! % 24, mi!))
    }
  }

  /** The first minute whose wall time reaches `wall`; inside a gap, moved on by the time into the gap. */
  resolve(wall: number): number | null {
    for (let i = 0; i < this.walls.length; i++) {
      const w = this.walls[i]!
      if (w < wall) continue
      if (w === wall) return this.from + i * MIN
      if (i === 0) return null
      const gapStart = this.walls[i - 1]! + MIN
      return this.from + i * MIN + (wall - gapStart)
    }
    return null
  }
}

interface Reference {
  inside: Uint8Array
  starts: number[]
}

/** Marks every minute inside a window of any ticked day in the range, and lists window starts. */
function reference(s: Schedule, table: MinuteTable): Reference {
  const inside = new Uint8Array(table.minutes)
  const starts: number[] = []
  const [sh, sm] = s.start.split(':').map(Number)
  const [eh, em] = s.end.split(':').map(Number)
  const firstDay = Math.floor(table.walls[0]! / DAY) - 1
  const lastDay = Math.floor(table.walls[table.walls.length - 1]! / DAY)
  for (let day = firstDay; day <= lastDay; day++) {
    const weekday = ((new Date(day * DAY).getUTCDay() + 6) % 7) + 1
    if (!s.days.includes(weekday)) continue
    const start = table.resolve(day * DAY + (sh! * 60 + sm!) * MIN)
    const end = table.resolve((s.endNextDay ? day + 1 : day) * DAY + (eh! * 60 + em!) * MIN)
    if (start === null || end === null || end <= start) continue
    starts.push(start)
    for (let t = start; t < end; t += MIN) {
      const i = (t - table.from) / MIN
      if (i >= 0 && i < table.minutes) inside[i] = 1
    }
  }
  starts.sort((a, b) => a - b)
  return { inside, starts }
}

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Times near DST transitions (00:00–03:30 and half hours) come up more often than others. */
function randomClock(r: () => number): string {
  if (r() < 0.5) {
    const h = Math.floor(r() * 4)
    return `${pad(h)}:${pad([0, 15, 30, 45, 59][Math.floor(r() * 5)]!)}`
  }
  return `${pad(Math.floor(r() * 24))}:${pad(Math.floor(r() * 60))}`
}

function randomSchedule(r: () => number, timeZone: string): Schedule {
  const days = [1, 2, 3, 4, 5, 6, 7].filter(() => r() < 0.55)
  if (days.length === 0) days.push(1 + Math.floor(r() * 7))
  let start = randomClock(r)
  let end = randomClock(r)
  const endNextDay = r() < 0.45
  if (!endNextDay && end <= start) [start, end] = end < start ? [end, start] : [start, '23:59']
  if (!endNextDay && end === start) end = '23:59'
  return { days, start, end, endNextDay, timeZone }
}

// [time zone, a day of a DST transition (UTC midnight)]: spring and autumn, 1 h and a 30-minute
// shift (Lord Howe), a change at local midnight (Santiago), and no DST at all (Shanghai).
const RANGES: [string, string][] = [
  ['America/Los_Angeles', '2026-03-08'],
  ['America/Los_Angeles', '2026-11-01'],
  ['Europe/Paris', '2026-03-29'],
  ['Europe/Paris', '2026-10-25'],
  ['Australia/Lord_Howe', '2026-04-05'],
  ['Australia/Lord_Howe', '2026-10-04'],
  ['America/Santiago', '2026-09-06'],
  ['America/Santiago', '2026-04-05'],
  ['Asia/Shanghai', '2026-11-20'],
]

describe('property: agrees with a minute-by-minute reference around DST changes', () => {
  for (const [timeZone, day] of RANGES) {
    it(`${timeZone} around ${day}`, () => {
      const r = rng(Date.parse(day) / DAY + timeZone.length)
      // 20 days of minutes: 6 before the change, 14 after; instants are drawn from the middle 8.
      const table = new MinuteTable(Date.parse(day) - 6 * DAY, 20 * 1440, timeZone)
      const probeFrom = Date.parse(day) - 4 * DAY
      for (let n = 0; n < 40; n++) {
        const s = randomSchedule(r, timeZone)
        const ref = reference(s, table)
        for (let k = 0; k < 60; k++) {
          // instants on whole minutes, a quarter of them right around the change
          const offset = k < 15 ? Math.floor((r() - 0.5) * 6 * 60) * MIN : Math.floor(r() * 8 * 1440) * MIN
          const t = (k < 15 ? Date.parse(day) : probeFrom) + offset
          const i = (t - table.from) / MIN
          const label = `${JSON.stringify(s)} at ${new Date(t).toISOString()}`
          expect(isInSchedule(s, t), label).toBe(ref.inside[i] === 1)
          const next = ref.starts.find((start) => start > t) ?? null
          expect(nextWindowOpening(s, t)?.getTime() ?? null, label).toBe(next)
        }
      }
    })
  }
})
