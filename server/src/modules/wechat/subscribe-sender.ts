// Sends one subscription message and says what became of it, per WECHAT.md's error table:
// 40001/42001 → a fresh token and one retry; everything else is the caller's to record. It never
// retries a call that may have reached WeChat, so a message is sent at most once.
import type { AccessTokenCache } from './access-token'
import { WechatApiError, WechatTransportError, type SubscribeMessage, type WechatClient } from './wechat.client'

export type SendOutcome =
  /** Delivered (errcode 0): spend one credit. */
  | { kind: 'sent'; msgid: number | null }
  /** 43101: the user refused or has no credit left; set the balance to 0. */
  | { kind: 'no_credit'; errcode: number; errmsg: string }
  /** 45009: the daily quota is used up; back off, try again later (nothing was sent). */
  | { kind: 'quota'; errcode: number; errmsg: string }
  /** -1 busy, or the call provably never reached WeChat; try again later. */
  | { kind: 'retry'; errcode: number | null; errmsg: string }
  /** 47003, 41030, 40003, 40037 and anything else WeChat refused: record, do not retry. */
  | { kind: 'rejected'; errcode: number; errmsg: string }
  /** The call may have reached WeChat but no answer came back: never repeat it. */
  | { kind: 'unknown'; errmsg: string }

const TOKEN_REJECTED = new Set([40001, 42001])

export async function sendSubscribeMessage(deps: { client: WechatClient; tokens: AccessTokenCache }, message: SubscribeMessage): Promise<SendOutcome> {
  let token: string
  try {
    token = await deps.tokens.get()
  } catch (error) {
    return tokenFailure(error)
  }
  for (let attempt = 0; ; attempt++) {
    let answer
    try {
      answer = await deps.client.subscribeSend(token, message)
    } catch (error) {
      if (error instanceof WechatTransportError && error.delivered === 'no') return { kind: 'retry', errcode: null, errmsg: error.message }
      return { kind: 'unknown', errmsg: error instanceof Error ? error.message : String(error) }
    }
    const { errcode, errmsg } = answer
    if (errcode === 0) return { kind: 'sent', msgid: answer.msgid ?? null }
    if (TOKEN_REJECTED.has(errcode) && attempt === 0) {
      try {
        token = await deps.tokens.replace(token)
      } catch (error) {
        return tokenFailure(error)
      }
      continue
    }
    if (errcode === 43101) return { kind: 'no_credit', errcode, errmsg }
    if (errcode === 45009) return { kind: 'quota', errcode, errmsg }
    if (errcode === -1) return { kind: 'retry', errcode, errmsg }
    return { kind: 'rejected', errcode, errmsg }
  }
}

/** Without a token nothing was sent: try again later. */
function tokenFailure(error: unknown): SendOutcome {
  if (error instanceof WechatApiError) return { kind: 'retry', errcode: error.errcode, errmsg: `access token: ${error.errmsg}` }
  return { kind: 'retry', errcode: null, errmsg: `access token: ${error instanceof Error ? error.message : String(error)}` }
}
