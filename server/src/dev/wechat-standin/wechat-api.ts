// The three WeChat API calls the product makes — jscode2session, stable_token, subscribe/send — as
// functions of the stand-in state and the request's parameters (no HTTP here). Each answer is the
// JSON body WeChat would send; callWechat() wraps them with injected failures and counters.
import { randomBytes } from 'node:crypto'
import { WX, wxError, wxMessage, type WxErrorBody } from './errors'
import { chinaDay, type StandinState, type WechatPath } from './state'
import { validateTemplateData } from './value-rules'

export type WechatAnswer = WxErrorBody | Record<string, unknown>

/** A handler's answer plus, for errors, why (shown in /__standin/calls, not sent to the client). */
export interface HandlerResult {
  body: WechatAnswer
  detail?: string
}

const err = (errcode: number, detail?: string, errmsg?: string): HandlerResult =>
  detail === undefined ? { body: wxError(errcode, errmsg) } : { body: wxError(errcode, errmsg), detail }

/**
 * Runs one WeChat call: an injected failure (POST /__standin/fail-next) answers first, before any
 * validation, so tests can fake any errcode (also 40001 to exercise a client's token retry).
 */
export function callWechat(state: StandinState, path: WechatPath, handler: () => HandlerResult): WechatAnswer {
  const injected = state.takeInjectedFailure(path)
  if (injected !== undefined) {
    const body = wxError(injected)
    state.recordResult(path, injected, body.errmsg, 'injected by fail-next', true)
    return body
  }
  const { body, detail } = handler()
  const errcode = typeof body.errcode === 'number' ? body.errcode : 0
  state.recordResult(path, errcode, typeof body.errmsg === 'string' ? body.errmsg : 'ok', detail)
  return body
}

// ---- GET /sns/jscode2session ------------------------------------------------------------------------

export interface Code2SessionQuery {
  appid?: string | null
  secret?: string | null
  js_code?: string | null
  grant_type?: string | null
}

export function jscode2session(state: StandinState, q: Code2SessionQuery): HandlerResult {
  if (!q.appid) return err(WX.APPID_MISSING)
  if (!q.secret) return err(WX.APPSECRET_MISSING)
  if (!q.js_code) return err(WX.CODE_MISSING)
  if (q.grant_type !== 'authorization_code') return err(WX.INVALID_GRANT_TYPE, `grant_type ${JSON.stringify(q.grant_type)}`)
  if (q.appid !== state.appid) return err(WX.INVALID_APPID)
  if (q.secret !== state.secret) return err(WX.INVALID_APPSECRET)

  const now = state.now()
  const code = state.codes.get(q.js_code)
  if (!code) return err(WX.INVALID_CODE, 'unknown code')
  if (code.used) return err(WX.CODE_BEEN_USED)
  if (now >= code.issuedAt + state.config.codeTtlSeconds * 1000) return err(WX.INVALID_CODE, 'code expired')
  // a failing exchange leaves the code unused, so a retry (e.g. after -1) can still succeed
  if (code.fail !== undefined && code.failRemaining > 0) {
    code.failRemaining -= 1
    return err(code.fail, 'configured on the code')
  }
  const times = (state.loginTimes.get(code.openid) ?? []).filter((t) => t > now - 60_000)
  if (times.length >= state.config.loginRateLimitPerMinute) {
    state.loginTimes.set(code.openid, times)
    return err(WX.MINUTE_QUOTA, `more than ${state.config.loginRateLimitPerMinute} logins of ${code.openid} in a minute`)
  }
  times.push(now)
  state.loginTimes.set(code.openid, times)

  code.used = true
  const user = state.registerUser(code.openid, code.unionid)
  user.sessionKey = randomBytes(16).toString('base64')
  user.lastLoginAt = now
  const body: Record<string, unknown> = { openid: user.openid, session_key: user.sessionKey }
  if (user.unionid !== undefined) body.unionid = user.unionid
  return { body }
}

// ---- POST /cgi-bin/stable_token ---------------------------------------------------------------------

export function stableToken(state: StandinState, input: unknown): HandlerResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return err(WX.DATA_FORMAT, 'body is not a JSON object')
  const body = input as Record<string, unknown>
  if (body.grant_type !== 'client_credential') return err(WX.INVALID_GRANT_TYPE, `grant_type ${JSON.stringify(body.grant_type)}`)
  if (!body.appid) return err(WX.APPID_MISSING)
  if (!body.secret) return err(WX.APPSECRET_MISSING)
  if (body.appid !== state.appid) return err(WX.INVALID_APPID)
  if (body.secret !== state.secret) return err(WX.INVALID_APPSECRET)
  if (body.force_refresh !== undefined && typeof body.force_refresh !== 'boolean') return err(WX.DATA_FORMAT, 'force_refresh must be a boolean')

  const now = state.now()
  const { config } = state
  state.stableTokenStats.fetches += 1

  if (body.force_refresh === true) {
    // WeChat: force_refresh at most 20 times a day (→ 45009) and 30 s apart (→ 45011)
    const today = chinaDay(now)
    state.forceRefreshTimes = state.forceRefreshTimes.filter((t) => chinaDay(t) === today)
    if (state.forceRefreshTimes.length >= config.forceRefreshPerDay) {
      return err(WX.DAILY_QUOTA, `force_refresh used ${config.forceRefreshPerDay} times today`)
    }
    const last = state.forceRefreshTimes[state.forceRefreshTimes.length - 1]
    if (last !== undefined && now - last < config.forceRefreshIntervalSeconds * 1000) {
      return err(WX.MINUTE_QUOTA, `force_refresh again within ${config.forceRefreshIntervalSeconds} s`)
    }
    state.forceRefreshTimes.push(now)
    state.stableTokenStats.forceRefreshes += 1
    state.invalidateAllTokens()
    const token = state.issueToken(true)
    return { body: { access_token: token.token, expires_in: config.tokenTtlSeconds } }
  }

  // normal mode: the same token until refreshWindowSeconds before its expiry, then a new one; the
  // old one keeps working until its own expiry (overlap)
  const current = state.currentToken()
  if (current && !current.invalidated && now < current.expiresAt - config.refreshWindowSeconds * 1000) {
    return { body: { access_token: current.token, expires_in: Math.ceil((current.expiresAt - now) / 1000) } }
  }
  const token = state.issueToken(false)
  return { body: { access_token: token.token, expires_in: config.tokenTtlSeconds } }
}

// ---- POST /cgi-bin/message/subscribe/send -----------------------------------------------------------

const MINIPROGRAM_STATES = ['developer', 'trial', 'formal']
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW']

/** Checks the access_token query parameter: null when usable, else the error answer. */
export function checkAccessToken(state: StandinState, accessToken: string | null | undefined): HandlerResult | null {
  // (real WeChat answers 41001 "access_token missing" for a missing token; the stand-in answers
  // 40001 as the project's brief asks, so a client treats it like any unusable token)
  if (!accessToken) return err(WX.INVALID_CREDENTIAL, 'access_token missing')
  const token = state.tokens.get(accessToken)
  if (!token) return err(WX.INVALID_CREDENTIAL, 'unknown access_token')
  if (token.invalidated) return err(WX.INVALID_CREDENTIAL, 'access_token invalidated by force_refresh')
  if (state.now() >= token.expiresAt) return err(WX.ACCESS_TOKEN_EXPIRED)
  return null
}

export function subscribeSend(state: StandinState, accessToken: string | null | undefined, input: unknown): HandlerResult {
  const tokenProblem = checkAccessToken(state, accessToken)
  if (tokenProblem) return tokenProblem
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return err(WX.DATA_FORMAT, 'body is not a JSON object')
  const body = input as Record<string, unknown>
  const { touser, template_id: templateId, page, data, miniprogram_state: mpState, lang } = body

  if (typeof touser !== 'string' || !state.users.has(touser)) return err(WX.INVALID_OPENID, `touser ${JSON.stringify(touser)} is not a known openid`)
  const template = typeof templateId === 'string' ? state.templates.get(templateId) : undefined
  if (!template) return err(WX.INVALID_TEMPLATE_ID, `template_id ${JSON.stringify(templateId)} is not registered`)
  if (page !== undefined && (typeof page !== 'string' || !state.isReleasedPage(page))) {
    return err(WX.INVALID_PAGE, `page ${JSON.stringify(page)} is not among the released pages`)
  }
  if (mpState !== undefined && !MINIPROGRAM_STATES.includes(String(mpState))) {
    return err(WX.ARGUMENT_INVALID, `miniprogram_state ${JSON.stringify(mpState)}`, `${wxMessage(WX.ARGUMENT_INVALID)} miniprogram_state invalid`)
  }
  if (lang !== undefined && !LANGS.includes(String(lang))) {
    return err(WX.ARGUMENT_INVALID, `lang ${JSON.stringify(lang)}`, `${wxMessage(WX.ARGUMENT_INVALID)} lang invalid`)
  }
  const check = validateTemplateData(template.keywords, data)
  if (!check.ok) {
    const field = check.field === 'data' ? 'data' : `data.${check.field}.value`
    return err(WX.ARGUMENT_INVALID, `${field}: ${check.reason}`, `${wxMessage(WX.ARGUMENT_INVALID)} ${field} invalid`)
  }

  const dayKey = `${chinaDay(state.now())}|${template.id}`
  const usedToday = state.dailySends.get(dayKey) ?? 0
  if (usedToday >= state.config.dailyQuotaPerTemplate) return err(WX.DAILY_QUOTA, `template ${template.id}: ${usedToday} sends today`)
  const balance = state.getCredits(touser, template.id)
  if (balance <= 0) return err(WX.USER_REFUSED, `no credit left for ${touser} × ${template.id}`)

  state.setCredits(touser, template.id, balance - 1)
  state.dailySends.set(dayKey, usedToday + 1)
  const stored: Record<string, { value: string }> = {}
  for (const key of Object.keys(template.keywords)) {
    const value = ((data as Record<string, { value: string }>)[key] as { value: string }).value
    stored[key] = { value }
  }
  const message = state.recordSent({
    touser,
    template_id: template.id,
    ...(typeof page === 'string' ? { page } : {}),
    data: stored,
    ...(mpState !== undefined ? { miniprogram_state: String(mpState) } : {}),
    ...(lang !== undefined ? { lang: String(lang) } : {}),
  })
  return { body: { errcode: 0, errmsg: 'ok', msgid: message.msgid } }
}
