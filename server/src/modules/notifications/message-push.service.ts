// WeChat's message push (消息推送, JSON plain-text mode) for subscription events: popup answers,
// later changes in settings and send results. A second, independent record of what users accepted;
// balances still come from the mini program's reports (the two would double-count).
import { createHash, timingSafeEqual } from 'node:crypto'
import type { WechatPushBody, WechatPushQuery } from '@sellerinbox/shared/api/notifications'
import type { Db } from '../../db/kysely'
import { AppError } from '../../lib/errors'

/** WeChat signs each call: sha1 of token, timestamp and nonce, sorted and joined. */
export function verifyPushSignature(token: string, query: WechatPushQuery): void {
  const expected = createHash('sha1').update([token, query.timestamp, query.nonce].sort().join('')).digest('hex')
  const given = Buffer.from(query.signature.toLowerCase())
  if (!token || given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    throw new AppError('WECHAT_SIGNATURE_INVALID', 'The message-push signature does not match')
  }
}

const SUBSCRIBE_EVENTS = new Set(['subscribe_msg_popup_event', 'subscribe_msg_change_event', 'subscribe_msg_sent_event'])

/** Stores the event's entries; other events are acknowledged and ignored. Returns how many were stored. */
export async function recordPushEvent(db: Db, body: WechatPushBody): Promise<number> {
  if (!body.Event || !SUBSCRIBE_EVENTS.has(body.Event)) return 0
  // `List` is an object for one entry and an array for several.
  const entries = body.List === undefined ? [] : Array.isArray(body.List) ? body.List : [body.List]
  if (!entries.length) return 0
  const user = await db.selectFrom('users').select('id').where('openid', '=', body.FromUserName).executeTakeFirst()
  const created = Number(body.CreateTime)
  await db
    .insertInto('wechatSubscribeEvents')
    .values(
      entries.map((e) => ({
        openid: body.FromUserName.slice(0, 64),
        userId: user?.id ?? null,
        event: body.Event!.slice(0, 40),
        templateId: e.TemplateId.slice(0, 128),
        status: String(e.SubscribeStatusString ?? e.ErrorStatus ?? e.ErrorCode ?? '').slice(0, 40),
        wechatCreatedAt: Number.isFinite(created) && created > 0 ? new Date(created * 1000) : null,
      })),
    )
    .execute()
  return entries.length
}
