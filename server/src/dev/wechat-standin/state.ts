// The stand-in's in-memory world: configuration, a movable clock, login codes, known users, access
// tokens, templates, pages, credits, quotas, sent messages, call counters and injected failures.
// The control API and tests in the same process change it through the helper methods below.
import { randomBytes } from 'node:crypto'
import { isKeywordType, keywordTypeFromName, type KeywordType } from './value-rules'

export const WECHAT_PATHS = {
  jscode2session: '/sns/jscode2session',
  stableToken: '/cgi-bin/stable_token',
  subscribeSend: '/cgi-bin/message/subscribe/send',
} as const
export type WechatPath = (typeof WECHAT_PATHS)[keyof typeof WECHAT_PATHS]
export const WECHAT_PATH_LIST: readonly WechatPath[] = Object.values(WECHAT_PATHS)

export function isWechatPath(path: string): path is WechatPath {
  return (WECHAT_PATH_LIST as readonly string[]).includes(path)
}

export interface StandinConfig {
  /** access token lifetime (WeChat: 7200) */
  tokenTtlSeconds: number
  /** normal-mode stable_token issues a new token this long before the current one expires
   *  (WeChat: 300 s of 7200; default ttl/24 so short test lifetimes keep the same proportion) */
  refreshWindowSeconds: number
  /** login code lifetime (WeChat: 5 minutes) */
  codeTtlSeconds: number
  /** jscode2session calls per openid per minute before 45011 (WeChat: 100) */
  loginRateLimitPerMinute: number
  /** subscribe/send accepted per template per day before 45009 (WeChat's real quota is large) */
  dailyQuotaPerTemplate: number
  /** stable_token force_refresh: at most this many a day (→ 45009) ... */
  forceRefreshPerDay: number
  /** ... and this far apart (→ 45011) (WeChat: 20 a day, 30 s apart) */
  forceRefreshIntervalSeconds: number
  /** credit balance of an openid×template pair never set through setCredits (0 like WeChat; demo
   *  setups may raise it) */
  defaultBalance: number
}

export interface StandinOptions extends Partial<StandinConfig> {
  appid: string
  secret: string
  /** the stand-in's time source before the clock offset (default Date.now) */
  now?: () => number
}

export interface LoginCode {
  code: string
  openid: string
  unionid?: string
  issuedAt: number
  used: boolean
  /** errcode this code's exchange fails with (-1, 45011, 40226, ...) */
  fail?: number
  /** how many more exchanges fail with `fail` (Infinity: all); afterwards the code works */
  failRemaining: number
}

export interface WxUser {
  openid: string
  unionid?: string
  sessionKey?: string
  lastLoginAt?: number
}

export interface AccessToken {
  token: string
  issuedAt: number
  expiresAt: number
  /** set by force_refresh: the token answers 40001 from then on */
  invalidated: boolean
  forced: boolean
}

export interface Template {
  id: string
  keywords: Record<string, KeywordType>
}

export interface SentMessage {
  msgid: number
  touser: string
  template_id: string
  page?: string
  data: Record<string, { value: string }>
  miniprogram_state?: string
  lang?: string
  at: number
}

export interface EndpointCounter {
  calls: number
  ok: number
  errors: number
  byErrcode: Record<string, number>
}

export interface RecordedError {
  at: number
  path: string
  errcode: number
  errmsg: string
  /** why the stand-in answered so (e.g. which rule a value broke); not part of WeChat's answer */
  detail?: string
  injected?: boolean
}

export interface CallsSnapshot {
  endpoints: Record<WechatPath, EndpointCounter>
  stableToken: { fetches: number; forceRefreshes: number; tokensIssued: number }
  recentErrors: RecordedError[]
}

const DAY_MS = 86_400_000
const CHINA_OFFSET_MS = 8 * 3_600_000
const RECENT_ERRORS_KEPT = 200

/** WeChat's daily quotas reset at midnight China time (UTC+8). */
export function chinaDay(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS)
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
function randomAlnum(length: number): string {
  const bytes = randomBytes(length)
  let out = ''
  for (const b of bytes) out += ALNUM[b % ALNUM.length]
  return out
}

/** 28 characters starting with "o", like a real openid. */
export function randomOpenid(): string {
  return `o${randomBytes(21).toString('base64url').slice(0, 27)}`
}

function defaultConfig(options: StandinOptions): StandinConfig {
  const ttl = options.tokenTtlSeconds ?? 7200
  return {
    tokenTtlSeconds: ttl,
    refreshWindowSeconds: options.refreshWindowSeconds ?? ttl / 24,
    codeTtlSeconds: options.codeTtlSeconds ?? 300,
    loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 100,
    dailyQuotaPerTemplate: options.dailyQuotaPerTemplate ?? 1_000_000,
    forceRefreshPerDay: options.forceRefreshPerDay ?? 20,
    forceRefreshIntervalSeconds: options.forceRefreshIntervalSeconds ?? 30,
    defaultBalance: options.defaultBalance ?? 0,
  }
}

function emptyCounters(): Record<WechatPath, EndpointCounter> {
  const out = {} as Record<WechatPath, EndpointCounter>
  for (const path of WECHAT_PATH_LIST) out[path] = { calls: 0, ok: 0, errors: 0, byErrcode: {} }
  return out
}

const creditKey = (openid: string, templateId: string) => `${openid}\u0000${templateId}`

export class StandinState {
  readonly appid: string
  readonly secret: string
  config: StandinConfig
  clockOffsetMs = 0

  readonly codes = new Map<string, LoginCode>()
  readonly users = new Map<string, WxUser>()
  readonly tokens = new Map<string, AccessToken>()
  /** token strings in issue order; the last one is the current token */
  readonly tokenOrder: string[] = []
  readonly templates = new Map<string, Template>()
  /** released pages; null = no list configured, any page is accepted */
  pages: string[] | null = null
  readonly credits = new Map<string, number>()
  /** `${chinaDay}|${templateId}` → accepted sends that day */
  readonly dailySends = new Map<string, number>()
  /** openid → times of recent jscode2session calls (last minute) */
  readonly loginTimes = new Map<string, number[]>()
  forceRefreshTimes: number[] = []
  readonly sent: SentMessage[] = []
  counters = emptyCounters()
  stableTokenStats = { fetches: 0, forceRefreshes: 0, tokensIssued: 0 }
  readonly recentErrors: RecordedError[] = []
  readonly injected = new Map<WechatPath, { errcode: number; remaining: number }[]>()
  private msgSeq = 0
  private tokenSeq = 0
  private readonly baseNow: () => number

  constructor(private readonly options: StandinOptions) {
    this.appid = options.appid
    this.secret = options.secret
    this.baseNow = options.now ?? Date.now
    this.config = defaultConfig(options)
  }

  /** The stand-in's current time in ms: the time source plus the clock offset. */
  now(): number {
    return this.baseNow() + this.clockOffsetMs
  }

  /** Sets the clock offset (ms added to real time). */
  setClockOffset(offsetMs: number): void {
    this.clockOffsetMs = offsetMs
  }

  /** Moves the clock forward (or back, if negative) by ms. */
  advanceClock(ms: number): void {
    this.clockOffsetMs += ms
  }

  /** Changes configuration at run time (e.g. short token lifetimes for expiry tests). */
  configure(patch: Partial<StandinConfig>): StandinConfig {
    for (const [key, value] of Object.entries(patch)) {
      if (!(key in this.config)) throw new Error(`unknown config key ${key}`)
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`config ${key} must be a number ≥ 0`)
      ;(this.config as unknown as Record<string, number>)[key] = value
    }
    if (patch.tokenTtlSeconds !== undefined && patch.refreshWindowSeconds === undefined) {
      this.config.refreshWindowSeconds = this.config.tokenTtlSeconds / 24
    }
    return { ...this.config }
  }

  /** Forgets everything and restores the configuration given at start. */
  reset(): void {
    this.config = defaultConfig(this.options)
    this.clockOffsetMs = 0
    this.codes.clear()
    this.users.clear()
    this.tokens.clear()
    this.tokenOrder.length = 0
    this.templates.clear()
    this.pages = null
    this.credits.clear()
    this.dailySends.clear()
    this.loginTimes.clear()
    this.forceRefreshTimes = []
    this.sent.length = 0
    this.counters = emptyCounters()
    this.stableTokenStats = { fetches: 0, forceRefreshes: 0, tokensIssued: 0 }
    this.recentErrors.length = 0
    this.injected.clear()
  }

  // ---- login codes and users ----------------------------------------------------------------------

  /**
   * Mints a login code as Taro.login() would get it (valid codeTtlSeconds, usable once) for openid
   * (random when not given). `fail` makes exchanging it answer that errcode (-1, 45011, 40226, …);
   * `extra.failTimes` limits that to the first N exchanges (default: every exchange).
   */
  mintCode(openid?: string, fail?: number, extra: { failTimes?: number; unionid?: string } = {}): { code: string; openid: string } {
    const code = `0${randomAlnum(31)}`
    const entry: LoginCode = {
      code,
      openid: openid ?? randomOpenid(),
      issuedAt: this.now(),
      used: false,
      failRemaining: fail === undefined ? 0 : (extra.failTimes ?? Infinity),
    }
    if (fail !== undefined) entry.fail = fail
    if (extra.unionid !== undefined) entry.unionid = extra.unionid
    this.codes.set(code, entry)
    return { code, openid: entry.openid }
  }

  /** Makes openid a known user (as if it had signed in), so subscribe/send accepts it as touser. */
  registerUser(openid: string = randomOpenid(), unionid?: string): WxUser {
    const user = this.users.get(openid) ?? { openid }
    if (unionid !== undefined) user.unionid = unionid
    this.users.set(openid, user)
    return user
  }

  // ---- templates, pages, credits ------------------------------------------------------------------

  /**
   * Registers a template. keywords: {thing1: 'thing', time2: 'time'} or ['thing1', 'time2'] (type
   * taken from the name). WeChat templates have 2–5 keywords; the stand-in accepts 1–10.
   */
  setTemplate(id: string, keywords: Record<string, string> | readonly string[]): Template {
    if (!id) throw new Error('template id is required')
    const entries: [string, string | undefined][] = Array.isArray(keywords)
      ? keywords.map((k: string) => [k, keywordTypeFromName(k)])
      : Object.entries(keywords as Record<string, string>)
    if (entries.length < 1 || entries.length > 10) throw new Error('a template needs 1–10 keywords')
    const out: Record<string, KeywordType> = {}
    for (const [key, type] of entries) {
      if (!/^[a-z_]+\d+$/.test(key)) throw new Error(`keyword name ${key} should look like thing1`)
      if (type === undefined || !isKeywordType(type)) throw new Error(`keyword ${key}: unknown type ${String(type)}`)
      out[key] = type
    }
    const template = { id, keywords: out }
    this.templates.set(id, template)
    return template
  }

  /** Sets the released pages subscribe/send accepts as `page` (null: accept any). */
  setPages(pages: readonly string[] | null): void {
    this.pages = pages === null ? null : pages.map(normalizePage)
  }

  isReleasedPage(page: string): boolean {
    return this.pages === null || this.pages.includes(normalizePage(page))
  }

  /** Sets how many sends of templateId openid has accepted (its one-time subscription credits). */
  setCredits(openid: string, templateId: string, balance: number): void {
    if (!Number.isInteger(balance) || balance < 0) throw new Error('balance must be an integer ≥ 0')
    this.credits.set(creditKey(openid, templateId), balance)
  }

  getCredits(openid: string, templateId: string): number {
    return this.credits.get(creditKey(openid, templateId)) ?? this.config.defaultBalance
  }

  // ---- tokens -------------------------------------------------------------------------------------

  currentToken(): AccessToken | undefined {
    const last = this.tokenOrder[this.tokenOrder.length - 1]
    return last === undefined ? undefined : this.tokens.get(last)
  }

  issueToken(forced: boolean): AccessToken {
    const now = this.now()
    this.tokenSeq += 1
    const token: AccessToken = {
      token: `${this.tokenSeq}_${randomBytes(60).toString('base64url')}`,
      issuedAt: now,
      expiresAt: now + this.config.tokenTtlSeconds * 1000,
      invalidated: false,
      forced,
    }
    this.tokens.set(token.token, token)
    this.tokenOrder.push(token.token)
    this.stableTokenStats.tokensIssued += 1
    return token
  }

  /** force_refresh: every earlier token stops working at once. */
  invalidateAllTokens(): void {
    for (const token of this.tokens.values()) token.invalidated = true
  }

  // ---- failures, counters, sent -------------------------------------------------------------------

  /** The next `times` calls of path answer errcode (queued after earlier injections). */
  failNext(path: WechatPath, errcode: number, times = 1): void {
    if (!Number.isInteger(times) || times < 1) throw new Error('times must be an integer ≥ 1')
    const queue = this.injected.get(path) ?? []
    queue.push({ errcode, remaining: times })
    this.injected.set(path, queue)
  }

  /** Consumes one injected failure of path, if any. */
  takeInjectedFailure(path: WechatPath): number | undefined {
    const queue = this.injected.get(path)
    const head = queue?.[0]
    if (!queue || !head) return undefined
    head.remaining -= 1
    if (head.remaining <= 0) queue.shift()
    return head.errcode
  }

  recordResult(path: WechatPath, errcode: number, errmsg: string, detail?: string, injected?: boolean): void {
    const counter = this.counters[path]
    counter.calls += 1
    if (errcode === 0) {
      counter.ok += 1
      return
    }
    counter.errors += 1
    counter.byErrcode[String(errcode)] = (counter.byErrcode[String(errcode)] ?? 0) + 1
    const error: RecordedError = { at: this.now(), path, errcode, errmsg }
    if (detail !== undefined) error.detail = detail
    if (injected) error.injected = true
    this.recentErrors.push(error)
    if (this.recentErrors.length > RECENT_ERRORS_KEPT) this.recentErrors.splice(0, this.recentErrors.length - RECENT_ERRORS_KEPT)
  }

  recordSent(message: Omit<SentMessage, 'msgid' | 'at'>): SentMessage {
    this.msgSeq += 1
    const full: SentMessage = { msgid: 3_000_000_000 + this.msgSeq, ...message, at: this.now() }
    this.sent.push(full)
    return full
  }

  calls(): CallsSnapshot {
    return structuredClone({ endpoints: this.counters, stableToken: this.stableTokenStats, recentErrors: this.recentErrors })
  }

  /** A JSON-friendly overview for debugging (GET /__standin/state). */
  snapshot() {
    const now = this.now()
    return {
      appid: this.appid,
      now,
      clockOffsetMs: this.clockOffsetMs,
      config: { ...this.config },
      users: [...this.users.values()].map(({ openid, unionid, lastLoginAt }) => ({ openid, unionid, lastLoginAt })),
      templates: [...this.templates.values()],
      pages: this.pages,
      credits: [...this.credits.entries()].map(([key, balance]) => {
        const [openid, templateId] = key.split('\u0000')
        return { openid, templateId, balance }
      }),
      tokens: this.tokenOrder.map((t) => {
        const token = this.tokens.get(t)!
        const status = token.invalidated ? 'invalidated' : now >= token.expiresAt ? 'expired' : 'valid'
        return { token: t, status, issuedAt: token.issuedAt, expiresAt: token.expiresAt, forced: token.forced }
      }),
      pendingFailures: Object.fromEntries(this.injected.entries()),
      sentCount: this.sent.length,
    }
  }
}

/** "/pages/a/index?x=1" and "pages/a/index" name the same page. */
export function normalizePage(page: string): string {
  return (page.split('?')[0] ?? '').replace(/^\/+/, '').replace(/\.html$/, '')
}
