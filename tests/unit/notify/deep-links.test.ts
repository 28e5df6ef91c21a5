// The pages notifications open, and reading their query back (what the inbox does).
import { describe, expect, it } from 'vitest'
import { notificationPage, parseNotificationQuery } from '@sellerinbox/shared/domain/notifications'

describe('notification deep links', () => {
  it('names one message, or the inbox filtered by what a digest shares', () => {
    expect(notificationPage({ messageId: 42 })).toBe('pages/inbox/index?messageId=42')
    expect(notificationPage({ category: 'buyer_message', storeId: 3, marketplace: 'DE' })).toBe('pages/inbox/index?category=buyer_message&storeId=3&marketplace=DE')
    expect(notificationPage({ storeId: 3 })).toBe('pages/inbox/index?storeId=3')
    expect(notificationPage({})).toBe('pages/inbox/index')
  })

  it('reads the query back and ignores what it does not know', () => {
    expect(parseNotificationQuery({ messageId: '42', storeId: '3' })).toEqual({ messageId: 42 })
    expect(parseNotificationQuery({ category: 'refund', storeId: '3', marketplace: 'DE' })).toEqual({ category: 'refund', storeId: 3, marketplace: 'DE' })
    expect(parseNotificationQuery({ category: 'sent', storeId: '-1', marketplace: 'de; drop', messageId: '0' })).toEqual({})
  })
})
