import { describe, expect, it } from 'vitest'
import { CATEGORIES, CATEGORY_INFO, KINDS, KIND_LABELS, categoryOfKind, isCategory, isKind, kindOfNotificationType } from '@sellerinbox/shared/domain/taxonomy'

describe('taxonomy', () => {
  it('has the six categories with their Chinese labels', () => {
    expect(Object.fromEntries(CATEGORY_INFO.map((c) => [c.code, c.nameZh]))).toEqual({
      amazon: '亚马逊邮件',
      buyer_message: '买家消息',
      qa: 'Q&A问题',
      refund: '退款邮件',
      atoz_claim: 'A-to-z索赔',
      sent: '已发送',
    })
    expect(new Set(CATEGORY_INFO.map((c) => c.code))).toEqual(new Set(CATEGORIES))
  })

  it('puts every kind in exactly one category and labels it', () => {
    const kinds = CATEGORY_INFO.flatMap((c) => c.kinds)
    expect(kinds.sort()).toEqual([...KINDS].sort())
    for (const kind of KINDS) expect(KIND_LABELS[kind].nameZh).not.toBe('')
    expect(categoryOfKind('chargeback')).toBe('atoz_claim')
    expect(categoryOfKind('return_request')).toBe('refund')
    expect(categoryOfKind('reply')).toBe('sent')
  })

  it('maps Amazon notification tokens, including unlisted A-to-z and chargeback variants', () => {
    expect(kindOfNotificationType('BBC_MESSAGE_SENT_TO_MERCHANT')).toBe('buyer_message')
    expect(kindOfNotificationType(' brc_seller_notification ')).toBe('cancellation_request')
    expect(kindOfNotificationType('A_Z_CLAIM_RESPONDENT_REMINDER')).toBe('atoz_claim_opened')
    expect(kindOfNotificationType('SELLER_CHARGEBACK_NOTIFY')).toBe('chargeback')
    expect(kindOfNotificationType('SOLD_SHIP_NOW')).toBeNull()
  })

  it('guards values', () => {
    expect(isCategory('qa')).toBe(true)
    expect(isCategory('spam')).toBe(false)
    expect(isKind('buyer_opt_out')).toBe(true)
    expect(isKind('x')).toBe(false)
  })
})
