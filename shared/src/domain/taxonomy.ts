// The mail taxonomy: user-facing categories, the kinds inside each, their labels, and Amazon's
// notification type tokens that name a kind. Pure data shared by the classifier, the API and the
// mini program; nothing here decides how a message is classified.

export const CATEGORIES = ['buyer_message', 'qa', 'refund', 'atoz_claim', 'amazon', 'sent'] as const
export type Category = (typeof CATEGORIES)[number]

export const KINDS = [
  'buyer_message',
  'customer_question',
  'refund_issued',
  'return_request',
  'atoz_claim_opened',
  'atoz_claim_decision',
  'chargeback',
  'reply_confirmation',
  'buyer_opt_out',
  'cancellation_request',
  'other',
  'reply',
] as const
export type Kind = (typeof KINDS)[number]

export interface CategoryInfo {
  code: Category
  nameZh: string
  nameEn: string
  kinds: readonly Kind[]
}

export const CATEGORY_INFO: readonly CategoryInfo[] = [
  { code: 'amazon', nameZh: '亚马逊邮件', nameEn: 'Amazon', kinds: ['reply_confirmation', 'buyer_opt_out', 'cancellation_request', 'other'] },
  { code: 'buyer_message', nameZh: '买家消息', nameEn: 'Buyer messages', kinds: ['buyer_message'] },
  { code: 'qa', nameZh: 'Q&A问题', nameEn: 'Q&A', kinds: ['customer_question'] },
  { code: 'refund', nameZh: '退款邮件', nameEn: 'Refunds', kinds: ['refund_issued', 'return_request'] },
  { code: 'atoz_claim', nameZh: 'A-to-z索赔', nameEn: 'A-to-z claims', kinds: ['atoz_claim_opened', 'atoz_claim_decision', 'chargeback'] },
  { code: 'sent', nameZh: '已发送', nameEn: 'Sent', kinds: ['reply'] },
]

export const KIND_LABELS: Readonly<Record<Kind, { nameZh: string; nameEn: string }>> = {
  buyer_message: { nameZh: '买家消息', nameEn: 'Buyer message' },
  customer_question: { nameZh: '商品问答', nameEn: 'Customer question' },
  refund_issued: { nameZh: '已退款', nameEn: 'Refund issued' },
  return_request: { nameZh: '退货申请', nameEn: 'Return request' },
  atoz_claim_opened: { nameZh: 'A-to-z索赔已提交', nameEn: 'A-to-z claim opened' },
  atoz_claim_decision: { nameZh: 'A-to-z索赔结果', nameEn: 'A-to-z claim decision' },
  chargeback: { nameZh: '信用卡拒付', nameEn: 'Chargeback' },
  reply_confirmation: { nameZh: '回复副本', nameEn: 'Copy of your reply' },
  buyer_opt_out: { nameZh: '买家拒收消息', nameEn: 'Buyer opted out' },
  cancellation_request: { nameZh: '取消订单请求', nameEn: 'Cancellation request' },
  other: { nameZh: '其他', nameEn: 'Other' },
  reply: { nameZh: '已发送回复', nameEn: 'Reply' },
}

const categoryByKind = new Map<Kind, Category>(CATEGORY_INFO.flatMap((c) => c.kinds.map((k) => [k, c.code] as const)))

export function categoryOfKind(kind: Kind): Category {
  return categoryByKind.get(kind) ?? 'amazon'
}

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value)
}

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value)
}

/**
 * Amazon's notification type tokens (header `X-Space-Notification-Type`, or `customAttribute1Value=`,
 * `communicationName=`, `nt=` in footer links) that name a kind. Tokens not listed say nothing.
 */
export const KIND_BY_NOTIFICATION_TYPE: Readonly<Record<string, Kind>> = {
  BBC_MESSAGE_SENT_TO_MERCHANT: 'buyer_message',
  BBC_MESSAGE_CONFIRMATION_TO_MERCHANT: 'reply_confirmation',
  BUYER_OPTED_OUT_BSM_MESSAGES: 'buyer_opt_out',
  BRC_SELLER_NOTIFICATION: 'cancellation_request',
  REFUND_ISSUED: 'refund_issued',
  RETURN_REQUEST: 'return_request',
  A_Z_CLAIM_RESPONDENT_NOTIFY: 'atoz_claim_opened',
  A_Z_CLAIM_RESPONDENT_CLOSE: 'atoz_claim_decision',
}

/** The kind a notification type token names, including unlisted variants of the A-to-z and chargeback families. */
export function kindOfNotificationType(token: string): Kind | null {
  const upper = token.trim().toUpperCase()
  const listed = KIND_BY_NOTIFICATION_TYPE[upper]
  if (listed) return listed
  if (upper.startsWith('A_Z_CLAIM')) return /CLOSE|DECISION|DECIDED|GRANT|DENI/.test(upper) ? 'atoz_claim_decision' : 'atoz_claim_opened'
  if (upper.includes('CHARGEBACK')) return 'chargeback'
  return null
}
