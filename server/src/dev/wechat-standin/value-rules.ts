// Pure validation of subscription-message values against a template's keyword types
// (WECHAT.md "Value rules"). Where WeChat's docs are vague the stand-in is the stricter reading, so
// what passes here also passes on WeChat. Lengths count code points; emoji are rejected.

export const KEYWORD_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'phrase',
  'name',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
] as const
export type KeywordType = (typeof KEYWORD_TYPES)[number]

export type RuleResult = { ok: true } | { ok: false; reason: string }

export function isKeywordType(value: string): value is KeywordType {
  return (KEYWORD_TYPES as readonly string[]).includes(value)
}

/** `thing1` → `thing`, `character_string12` → `character_string`; undefined when not a known type. */
export function keywordTypeFromName(key: string): KeywordType | undefined {
  const base = key.replace(/\d+$/, '')
  return isKeywordType(base) ? base : undefined
}

const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\u20E3/u
const CONTROL = /\p{Cc}/u
const HAN = /^\p{Script=Han}+$/u
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u
const WHITESPACE = /\s/u

const ok: RuleResult = { ok: true }
const fail = (reason: string): RuleResult => ({ ok: false, reason })

/** Length in code points (what WeChat counts), not UTF-16 units. */
export function codePointLength(value: string): number {
  return [...value].length
}

function maxLen(value: string, max: number, what: string): RuleResult {
  const n = codePointLength(value)
  return n <= max ? ok : fail(`at most ${max} ${what}, got ${n}`)
}

// ---- time and date -------------------------------------------------------------------------------

const HHMM = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?`
const DATE_CN = String.raw`(\d{4})年(\d{1,2})月(\d{1,2})日`
const DATE_ISO = String.raw`(\d{4})[-/](\d{1,2})[-/](\d{1,2})`
const TIME_ONLY = new RegExp(`^${HHMM}$`)
const DATE_POINT = new RegExp(`^(?:${DATE_CN}|${DATE_ISO})(?:\\s*${HHMM})?$`)

function validCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return d <= days
}

function datePoint(s: string): boolean {
  const match = DATE_POINT.exec(s)
  if (!match) return false
  const [y, m, d] = match[1] !== undefined ? [match[1], match[2], match[3]] : [match[4], match[5], match[6]]
  return validCalendarDate(Number(y), Number(m), Number(d))
}

/** A time point: `15:01`, `15:01:02`, or a date with a time (`2019年10月1日 15:01`, `2019-10-01 15:01`). */
export function isTimePoint(s: string): boolean {
  return TIME_ONLY.test(s) || (datePoint(s) && /\d:\d/.test(s))
}

/** A date point: `2019年10月1日` or `2019-10-01`, optionally followed by a time. */
export function isDatePoint(s: string): boolean {
  return datePoint(s)
}

/** One point, or a period "A~B" (WeChat allows periods for time and date). */
function pointOrPeriod(value: string, isPoint: (s: string) => boolean): boolean {
  const parts = value.split(/[~～]/)
  if (parts.length > 2) return false
  return parts.every((p) => isPoint(p.trim()))
}

// ---- the rules -----------------------------------------------------------------------------------

const RULES: Record<KeywordType, (value: string) => RuleResult> = {
  // ≤ 20 characters of any kind (Chinese, letters, digits, symbols)
  thing: (v) => maxLen(v, 20, 'characters'),
  // ≤ 32 digits, a decimal point allowed
  number: (v) => (/^\d+(\.\d+)?$/.test(v) ? maxLen(v.replace('.', ''), 32, 'digits') : fail('digits only (a decimal point allowed)')),
  // ≤ 32 Latin letters
  letter: (v) => (/^[A-Za-z]+$/.test(v) ? maxLen(v, 32, 'letters') : fail('Latin letters only')),
  // ≤ 5 symbols (punctuation or symbol characters)
  symbol: (v) => (/^[\p{P}\p{S}]+$/u.test(v) ? maxLen(v, 5, 'symbols') : fail('symbols only')),
  // ≤ 32 digits, letters or symbols; no CJK, no spaces
  character_string: (v) => {
    if (CJK.test(v)) return fail('no Chinese/Japanese/Korean characters')
    if (WHITESPACE.test(v)) return fail('no spaces')
    return maxLen(v, 32, 'characters')
  },
  // ≤ 5 Chinese characters
  phrase: (v) => (HAN.test(v) ? maxLen(v, 5, 'Chinese characters') : fail('Chinese characters only')),
  // ≤ 10 Chinese characters, or ≤ 20 Latin letters/symbols (not mixed)
  name: (v) => {
    if (/^[\p{Script=Han}·]+$/u.test(v)) return maxLen(v, 10, 'Chinese characters')
    if (/^[A-Za-z\p{P}\p{S} ]+$/u.test(v) && /[A-Za-z]/.test(v)) return maxLen(v, 20, 'letters')
    return fail('only Chinese characters (≤ 10) or only Latin letters (≤ 20)')
  },
  time: (v) => (pointOrPeriod(v, isTimePoint) ? ok : fail('a 24-hour time like 15:01 or 2019年10月1日 15:01')),
  date: (v) => (pointOrPeriod(v, isDatePoint) ? ok : fail('a date like 2019年10月1日')),
  // a currency symbol + ≤ 10 digits, decimals allowed, may end with 元
  amount: (v) => {
    const m = /^\p{Sc}(\d+(?:\.\d+)?)元?$/u.exec(v)
    if (!m || m[1] === undefined) return fail('a currency symbol and digits, like ¥12.50')
    return maxLen(m[1].replace('.', ''), 10, 'digits')
  },
  // ≤ 17 digits and + - ( ) spaces
  phone_number: (v) => (/^[\d+\-() ]+$/.test(v) && /\d/.test(v) ? maxLen(v, 17, 'characters') : fail('digits and + - ( ) only')),
  // ≤ 8: first and last may be Chinese, the rest letters or digits
  car_number: (v) =>
    /^[\p{Script=Han}A-Za-z0-9][A-Za-z0-9]*[\p{Script=Han}A-Za-z0-9]?$/u.test(v)
      ? maxLen(v, 8, 'characters')
      : fail('a plate number: letters and digits, Chinese only first or last'),
}

/** Checks one value against one keyword type. */
export function validateValue(type: KeywordType, value: unknown): RuleResult {
  if (typeof value !== 'string') return fail('must be a string')
  if (value.trim() === '') return fail('empty')
  if (EMOJI.test(value)) return fail('emoji are not allowed')
  if (CONTROL.test(value)) return fail('control characters are not allowed')
  return RULES[type](value)
}

export type DataResult = { ok: true } | { ok: false; field: string; reason: string }

/**
 * Checks a send's `data` ({thing1: {value: '…'}, …}) against the template's keywords: every keyword
 * must be present and valid. Keys the template does not have are ignored (as WeChat does).
 */
export function validateTemplateData(keywords: Readonly<Record<string, KeywordType>>, data: unknown): DataResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, field: 'data', reason: 'must be an object' }
  const record = data as Record<string, unknown>
  for (const [key, type] of Object.entries(keywords)) {
    const entry = record[key]
    if (entry === undefined || entry === null) return { ok: false, field: key, reason: 'missing' }
    if (typeof entry !== 'object' || Array.isArray(entry)) return { ok: false, field: key, reason: 'must be {value: string}' }
    const result = validateValue(type, (entry as { value?: unknown }).value)
    if (!result.ok) return { ok: false, field: key, reason: `${type}: ${result.reason}` }
  }
  return { ok: true }
}
