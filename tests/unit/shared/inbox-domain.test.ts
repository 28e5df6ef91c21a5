// Pure inbox logic shared by server and mini program: keyword normalization, "today" in a time
// zone, and the stored snippet.
import { describe, expect, it } from 'vitest'
import { clipUtf8, isOrderId, normalizeSearchText, searchPattern, searchTextOf } from '@sellerinbox/shared/domain/search-text'
import { startOfDayIn, timeWindow } from '@sellerinbox/shared/domain/time-window'
import { messageSnippet } from '@sellerinbox/shared/domain/snippet'

describe('search text', () => {
  it('folds case and full-width forms so a query matches what ingestion stored', () => {
    expect(normalizeSearchText('ＡＳＩＮ　Ｂ０１２ Refund')).toBe('asin b012 refund')
    expect(normalizeSearchText('ﾍﾝﾋﾟﾝ')).toBe('ヘンピン')
    expect(normalizeSearchText('  破损\n\t了 ')).toBe('破损 了')
  })

  it('keeps the fields apart so no match spans two of them', () => {
    const text = searchTextOf({ subject: 'Order question', buyerName: 'Jane', orderId: '111-2222222-3333333', buyerText: null })
    expect(text).toBe('order question\njane\n111-2222222-3333333')
    expect(text.includes(normalizeSearchText('question jane'))).toBe(false)
  })

  it('clips to the column size without splitting a character', () => {
    const text = searchTextOf({ subject: '返品'.repeat(800), buyerName: null, orderId: null, buyerText: null })
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2000)
    expect(Buffer.byteLength(text)).toBeGreaterThan(1995)
    expect(clipUtf8('a😀b', 4)).toBe('a')
    expect(clipUtf8('a😀b', 5)).toBe('a😀')
  })

  it('escapes LIKE wildcards in the query', () => {
    expect(searchPattern('50% off_now\\')).toBe('%50\\% off\\_now\\\\%')
    expect(searchPattern('   ')).toBe('')
  })

  it('recognises a complete order id, full-width digits included', () => {
    expect(isOrderId('111-2222222-3333333')).toBe(true)
    expect(isOrderId('１１１-２２２２２２２-３３３３３３３')).toBe(true)
    expect(isOrderId('2222222')).toBe(false)
  })
})

describe('today in the user time zone', () => {
  const now = new Date('2026-11-22T02:30:00.000Z')

  it('starts at local midnight', () => {
    expect(startOfDayIn('Asia/Shanghai', now).toISOString()).toBe('2026-11-21T16:00:00.000Z')
    expect(startOfDayIn('Europe/Berlin', now).toISOString()).toBe('2026-11-21T23:00:00.000Z')
    // Still the 21st in Los Angeles.
    expect(startOfDayIn('America/Los_Angeles', now).toISOString()).toBe('2026-11-21T08:00:00.000Z')
    expect(startOfDayIn('UTC', now).toISOString()).toBe('2026-11-22T00:00:00.000Z')
  })

  it('is right on a day with a daylight-saving change', () => {
    // Europe/Berlin leaves summer time on 2026-10-25 at 03:00 local: midnight was still UTC+2.
    expect(startOfDayIn('Europe/Berlin', new Date('2026-10-25T20:00:00.000Z')).toISOString()).toBe('2026-10-24T22:00:00.000Z')
    // America/New_York starts summer time on 2026-03-08 at 02:00: midnight was UTC-5.
    expect(startOfDayIn('America/New_York', new Date('2026-03-08T20:00:00.000Z')).toISOString()).toBe('2026-03-08T05:00:00.000Z')
  })

  it('builds windows from ranges and explicit bounds', () => {
    expect(timeWindow('7d', {}, 'UTC', now)).toEqual({ from: new Date('2026-11-15T02:30:00.000Z') })
    const to = new Date('2026-11-20T00:00:00.000Z')
    expect(timeWindow('custom', { to }, 'UTC', now)).toEqual({ before: to })
    // A later explicit from narrows the range.
    const from = new Date('2026-11-21T00:00:00.000Z')
    expect(timeWindow('30d', { from }, 'UTC', now)).toEqual({ from })
    expect(timeWindow(undefined, {}, 'UTC', now)).toEqual({})
  })
})

describe('stored snippet', () => {
  it('prefers the buyer words and falls back to the body', () => {
    expect(messageSnippet('  Where  is\nit? ', 'Body')).toBe('Where is it?')
    expect(messageSnippet('   ', 'Refund   notice')).toBe('Refund notice')
    expect(messageSnippet(null, 'x'.repeat(200))).toBe(`${'x'.repeat(120)}…`)
  })
})
