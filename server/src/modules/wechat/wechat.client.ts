// Client for the WeChat server API (login code exchange; #6 adds stable_token and subscribe/send).
// The base URL is configuration so tests and demo mode talk to the local stand-in.
// Never log the request URL: it carries the app secret.
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

export interface WechatClient {
  code2session(code: string): Promise<Code2SessionResult>
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

  return {
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
