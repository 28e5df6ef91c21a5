// Makes notification text fit a subscription template's keyword types (WECHAT.md "Value rules"):
// lengths in code points, emoji and control characters dropped, truncation that never splits a
// character, fixed time formats. What comes out passes WeChat's checks, or null says it cannot.

export type KeywordType = 'thing' | 'number' | 'letter' | 'symbol' | 'character_string' | 'phrase' | 'name' | 'time' | 'date' | 'amount'

const KEYWORD_TYPES: readonly KeywordType[] = ['thing', 'number', 'letter', 'symbol', 'character_string', 'phrase', 'name', 'time', 'date', 'amount']

/** `thing1` → thing, `character_string12` → character_string; null for a name with no known type. */
export function keywordType(keyword: string): KeywordType | null {
  const base = keyword.replace(/\d+$/, '')
  return (KEYWORD_TYPES as readonly string[]).includes(base) ? (base as KeywordType) : null
}

// Emoji and their glue: pictographs, keycaps, variation selectors, zero-width joiners, flags.
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Presentation}|\p{Regional_Indicator}|[\u20E3\uFE0E\uFE0F\u200D]|\p{Emoji_Modifier}/gu
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/gu

/** Text without emoji or invisible characters, whitespace collapsed. */
export function cleanText(value: string): string {
  return value.replace(EMOJI, '').replace(/\s+/gu, ' ').replace(INVISIBLE, '').trim()
}

/** At most `max` code points; a cut ends in "…" so readers see it was cut. */
export function truncate(value: string, max: number): string {
  const chars = [...value]
  if (chars.length <= max) return value
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`
}

/** `name · suffix` within `max` code points, shortening the name rather than the suffix. */
export function withSuffix(name: string, suffix: string, max: number): string {
  const clean = cleanText(name)
  if (!suffix) return truncate(clean, max)
  const room = max - [...suffix].length - 3
  return room >= 2 ? `${truncate(clean, room)} · ${suffix}` : truncate(`${clean} · ${suffix}`, max)
}

const pad = (n: number) => String(n).padStart(2, '0')

const formats = new Map<string, Intl.DateTimeFormat>()

function wall(date: Date, timeZone: string) {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
    formats.set(timeZone, format)
  }
  const parts: Record<string, string> = {}
  for (const p of format.formatToParts(date)) parts[p.type] = p.value
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour) % 24, mi: Number(parts.minute) }
}

/** `2026年11月22日 15:01` — the `time` format WeChat documents. */
export function formatTimeValue(date: Date, timeZone: string): string {
  const w = wall(date, timeZone)
  return `${w.y}年${w.m}月${w.d}日 ${pad(w.h)}:${pad(w.mi)}`
}

/** `2026年11月22日` — the `date` format WeChat documents. */
export function formatDateValue(date: Date, timeZone: string): string {
  const w = wall(date, timeZone)
  return `${w.y}年${w.m}月${w.d}日`
}

/** `11-22 15:01`, for a time shown in a free-text keyword. */
export function formatShortTime(date: Date, timeZone: string): string {
  const w = wall(date, timeZone)
  return `${pad(w.m)}-${pad(w.d)} ${pad(w.h)}:${pad(w.mi)}`
}

export type SlotValue = string | number | Date

/** One value as a keyword of `type` accepts it, or null when it cannot be made to fit. */
export function fitValue(type: KeywordType, value: SlotValue, timeZone: string): string | null {
  if (value instanceof Date) {
    if (type === 'time') return formatTimeValue(value, timeZone)
    if (type === 'date') return formatDateValue(value, timeZone)
    return fitValue(type, formatShortTime(value, timeZone), timeZone)
  }
  const text = cleanText(String(value))
  const nonEmpty = (v: string) => (v === '' ? null : v)
  switch (type) {
    case 'thing':
      return nonEmpty(truncate(text, 20))
    case 'number': {
      const digits = /^\d+(\.\d+)?$/.test(text) ? text : text.replace(/[^\d]/g, '')
      return nonEmpty(digits.slice(0, 32))
    }
    case 'letter':
      return nonEmpty(text.replace(/[^A-Za-z]/g, '').slice(0, 32))
    case 'symbol':
      return nonEmpty([...text.replace(/[^\p{P}\p{S}]/gu, '')].slice(0, 5).join(''))
    case 'character_string':
      return nonEmpty([...text.replace(CJK, '').replace(/\s+/g, '')].slice(0, 32).join(''))
    case 'phrase':
      return nonEmpty([...text.replace(/[^\p{Script=Han}]/gu, '')].slice(0, 5).join(''))
    case 'name': {
      const han = text.replace(/[^\p{Script=Han}·]/gu, '')
      if (han.replace(/·/g, '') !== '' && [...han].length * 2 >= [...text.replace(/\s/g, '')].length) return [...han].slice(0, 10).join('')
      const latin = text.replace(/[^A-Za-z\p{P}\p{S} ]/gu, '').replace(/\s+/g, ' ').trim()
      return /[A-Za-z]/.test(latin) ? [...latin].slice(0, 20).join('').trim() : null
    }
    case 'time':
    case 'date':
    case 'amount':
      // these take only the fixed formats built from a Date (or a caller's already formatted value)
      return nonEmpty(text)
  }
}
