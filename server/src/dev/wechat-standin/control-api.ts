// The test-facing control API under /__standin/ (JSON in, JSON out): mint login codes, register
// users/templates/pages/credits, inspect sent messages and call counters, inject failures, move the
// clock, reset. Bad input answers HTTP 400 {error}; unknown routes 404.
import { isWechatPath, WECHAT_PATHS, type StandinConfig, type StandinState, type WechatPath } from './state'

export interface ControlResponse {
  status: number
  body: unknown
}

export class ControlError extends Error {}

const SHORT_PATHS: Record<string, WechatPath> = {
  jscode2session: WECHAT_PATHS.jscode2session,
  stable_token: WECHAT_PATHS.stableToken,
  'subscribe/send': WECHAT_PATHS.subscribeSend,
  subscribe_send: WECHAT_PATHS.subscribeSend,
}

function obj(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {}
  if (typeof body !== 'object' || Array.isArray(body)) throw new ControlError('body must be a JSON object')
  return body as Record<string, unknown>
}

function optString(b: Record<string, unknown>, key: string): string | undefined {
  const v = b[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string' || v === '') throw new ControlError(`${key} must be a non-empty string`)
  return v
}

function reqString(b: Record<string, unknown>, key: string): string {
  const v = optString(b, key)
  if (v === undefined) throw new ControlError(`${key} is required`)
  return v
}

function optInt(b: Record<string, unknown>, key: string): number | undefined {
  const v = b[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new ControlError(`${key} must be an integer`)
  return v
}

function reqInt(b: Record<string, unknown>, key: string): number {
  const v = optInt(b, key)
  if (v === undefined) throw new ControlError(`${key} is required`)
  return v
}

function wechatPath(value: string): WechatPath {
  if (isWechatPath(value)) return value
  const short = SHORT_PATHS[value.replace(/^\/+/, '')]
  if (short) return short
  throw new ControlError(`path must be one of ${Object.values(WECHAT_PATHS).join(', ')}`)
}

/** Handles METHOD /__standin/<route>; `route` is the part after /__standin/. */
export function handleControl(state: StandinState, method: string, route: string, query: URLSearchParams, rawBody: unknown): ControlResponse {
  const key = `${method} ${route.replace(/\/+$/, '')}`
  try {
    const b = method === 'POST' ? obj(rawBody) : {}
    switch (key) {
      case 'GET health':
        return ok({ ok: true, appid: state.appid, now: state.now() })

      case 'POST codes': {
        const fail = optInt(b, 'fail')
        const failTimes = optInt(b, 'failTimes')
        const unionid = optString(b, 'unionid')
        const extra = { ...(failTimes !== undefined ? { failTimes } : {}), ...(unionid !== undefined ? { unionid } : {}) }
        return ok(state.mintCode(optString(b, 'openid'), fail, extra))
      }

      case 'POST users': {
        const user = state.registerUser(optString(b, 'openid'), optString(b, 'unionid'))
        return ok({ openid: user.openid, ...(user.unionid ? { unionid: user.unionid } : {}) })
      }

      case 'POST templates': {
        const keywords = b.keywords
        const valid =
          (Array.isArray(keywords) && keywords.every((k) => typeof k === 'string')) ||
          (keywords !== null && typeof keywords === 'object' && !Array.isArray(keywords) && Object.values(keywords).every((t) => typeof t === 'string'))
        if (!valid) throw new ControlError("keywords must be {thing1: 'thing', …} or ['thing1', …]")
        return ok(state.setTemplate(reqString(b, 'id'), keywords as Record<string, string> | string[]))
      }

      case 'POST pages': {
        const pages = b.pages
        if (pages === null) state.setPages(null)
        else if (Array.isArray(pages) && pages.every((p) => typeof p === 'string')) state.setPages(pages as string[])
        else throw new ControlError('pages must be an array of strings, or null for "any page"')
        return ok({ pages: state.pages })
      }

      case 'POST credits': {
        const openid = reqString(b, 'openid')
        const templateId = reqString(b, 'templateId')
        state.setCredits(openid, templateId, reqInt(b, 'balance'))
        return ok({ openid, templateId, balance: state.getCredits(openid, templateId) })
      }

      case 'GET credits': {
        const openid = query.get('openid')
        const templateId = query.get('templateId')
        if (!openid || !templateId) throw new ControlError('openid and templateId query parameters are required')
        return ok({ openid, templateId, balance: state.getCredits(openid, templateId) })
      }

      case 'GET sent':
        return ok(structuredClone(state.sent))

      case 'GET calls':
        return ok(state.calls())

      case 'GET state':
        return ok(state.snapshot())

      case 'POST fail-next': {
        const path = wechatPath(reqString(b, 'path'))
        const errcode = reqInt(b, 'errcode')
        state.failNext(path, errcode, optInt(b, 'times') ?? 1)
        return ok({ path, errcode, pending: state.injected.get(path) })
      }

      case 'POST reset':
        state.reset()
        return ok({ ok: true })

      case 'POST clock': {
        const offsetMs = optInt(b, 'offsetMs')
        const advanceMs = optInt(b, 'advanceMs')
        if (offsetMs === undefined && advanceMs === undefined) throw new ControlError('offsetMs or advanceMs is required')
        if (offsetMs !== undefined) state.setClockOffset(offsetMs)
        if (advanceMs !== undefined) state.advanceClock(advanceMs)
        return ok({ offsetMs: state.clockOffsetMs, now: state.now() })
      }

      case 'GET config':
        return ok({ ...state.config })

      case 'POST config':
        return ok(state.configure(b as Partial<StandinConfig>))

      default:
        return { status: 404, body: { error: `no control route ${method} /__standin/${route}` } }
    }
  } catch (error) {
    return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } }
  }
}

function ok(body: unknown): ControlResponse {
  return { status: 200, body }
}
