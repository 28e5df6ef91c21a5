// Client for the WeChat server API: jscode2session, stable_token and subscribe/send (WECHAT.md), one
// HTTP call each. Token caching lives in access-token.ts, retries in subscribe-sender.ts. The base URL
// is configuration so tests and demo mode talk to the local stand-in.
// Never log the request URL: it carries the app secret or the access token.
import { AppError } from '../../lib/errors'

export interface WechatClientOptions {
  apiBase: string
  appid: string
  secret: string
  timeoutMs?: number
}

export interface Code2SessionResult {
  openid: string
  unionid?: string
}

export interface StableToken {
  accessToken: string
  expiresIn: number
}

/** A subscription message as `subscribe/send` takes it. */
export interface SubscribeMessage {
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
  miniprogramState?: 'developer' | 'trial' | 'formal'
  lang?: 'zh_CN' | 'en_US'
}

export interface SubscribeAnswer {
  errcode: number
  errmsg: string
  msgid?: number
}

/**
 * The call failed below WeChat's answer. `delivered: 'no'` when the request provably never reached
 * WeChat (connection refused, no route): safe to try again. `'maybe'` when it may have been
 * processed (timeout or reset mid-call, an HTTP error page): never repeat a send after that.
 */
export class WechatTransportError extends Error {
  constructor(
    message: string,
    readonly delivered: 'no' | 'maybe',
  ) {
    super(message)
    this.name = 'WechatTransportError'
  }
}

/** WeChat answered an errcode where a value was expected (stable_token). */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat errcode ${errcode}: ${errmsg}`)
    this.name = 'WechatApiError'
  }
}

export interface WechatClient {
  code2session(code: string): Promise<Code2SessionResult>
  /** POST /cgi-bin/stable_token in normal mode (never force_refresh: it invalidates every token). */
  stableToken(): Promise<StableToken>
  /** POST /cgi-bin/message/subscribe/send; WeChat's errcode comes back as the answer, not thrown. */
  subscribeSend(accessToken: string, message: SubscribeMessage): Promise<SubscribeAnswer>
}

// Errors that prove the request never left this machine or never reached a server.
const NOT_DELIVERED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])

function transportError(error: unknown): WechatTransportError {
  const cause = (error as { cause?: { code?: string } }).cause
  const code = cause?.code ?? (error as { code?: string }).code ?? (error as Error).name
  return new WechatTransportError(`WeChat call failed (${code})`, code && NOT_DELIVERED.has(code) ? 'no' : 'maybe')
}

interface WechatErrorBody {
  errcode?: number
  errmsg?: string
}

export function createWechatClient(options: WechatClientOptions): WechatClient {
  const timeoutMs = options.timeoutMs ?? 5000

  async function getJson(path: string, query: Record<string, string>): Promise<unknown> {
    const url = `${options.apiBase}${path}?${new URLSearchParams(query).toString()}`
    let response: Response
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
    } catch {
      throw new AppError('WECHAT_UNAVAILABLE', 'WeChat could not be reached; try again in a moment')
    }
    if (!response.ok) throw new AppError('WECHAT_UNAVAILABLE', `WeChat answered HTTP ${response.status}; try again in a moment`)
    return response.json()
  }

  async function postJson(path: string, query: Record<string, string>, body: unknown): Promise<unknown> {
    const qs = new URLSearchParams(query).toString()
    let response: Response
    try {
      response = await fetch(`${options.apiBase}${path}${qs ? `?${qs}` : ''}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw transportError(error)
    }
    if (!response.ok) throw new WechatTransportError(`WeChat answered HTTP ${response.status}`, 'maybe')
    try {
      return await response.json()
    } catch (error) {
      throw transportError(error)
    }
  }

  return {
    async stableToken() {
      const body = (await postJson('/cgi-bin/stable_token', {}, {
        grant_type: 'client_credential',
        appid: options.appid,
        secret: options.secret,
        force_refresh: false,
      })) as WechatErrorBody & { access_token?: string; expires_in?: number }
      if (body.errcode) throw new WechatApiError(body.errcode, body.errmsg ?? '')
      if (!body.access_token || !body.expires_in) throw new WechatApiError(-1, 'stable_token answered without a token')
      return { accessToken: body.access_token, expiresIn: body.expires_in }
    },

    async subscribeSend(accessToken, message) {
      const body = (await postJson('/cgi-bin/message/subscribe/send', { access_token: accessToken }, {
        touser: message.touser,
        template_id: message.templateId,
        ...(message.page ? { page: message.page } : {}),
        data: message.data,
        ...(message.miniprogramState ? { miniprogram_state: message.miniprogramState } : {}),
        ...(message.lang ? { lang: message.lang } : {}),
      })) as WechatErrorBody & { msgid?: number }
      return { errcode: body.errcode ?? 0, errmsg: body.errmsg ?? '', ...(body.msgid !== undefined ? { msgid: body.msgid } : {}) }
    },

    async code2session(code) {
      const body = (await getJson('/sns/jscode2session', {
        appid: options.appid,
        secret: options.secret,
        js_code: code,
        grant_type: 'authorization_code',
      })) as WechatErrorBody & { openid?: string; unionid?: string }
      if (body.errcode && body.errcode !== 0) throw code2sessionError(body.errcode)
      if (!body.openid) throw new AppError('WECHAT_UNAVAILABLE', 'WeChat returned no openid; try again')
      return { openid: body.openid, ...(body.unionid ? { unionid: body.unionid } : {}) }
    },
  }
}

/** Maps jscode2session errcodes to what the user can do about them. */
export function code2sessionError(errcode: number): AppError {
  switch (errcode) {
    case 40029:
    case 40163:
      return new AppError('WECHAT_CODE_INVALID', 'The WeChat login code is invalid, expired or already used; sign in again')
    case 45011:
      return new AppError('WECHAT_RATE_LIMITED', 'Too many WeChat sign-ins for this user; wait a minute and try again')
    case 40226:
      return new AppError('WECHAT_USER_BLOCKED', 'WeChat blocked this sign-in as high-risk; contact WeChat support')
    default:
      return new AppError('WECHAT_UNAVAILABLE', `WeChat sign-in failed (errcode ${errcode}); try again in a moment`)
  }
}
