import { describe, expect, it } from 'vitest'
import { keywordTypeFromName, validateTemplateData, validateValue } from '@sellerinbox/server/dev/wechat-standin/value-rules'

const valid = (type: Parameters<typeof validateValue>[0], value: string) => validateValue(type, value).ok

describe('subscription message value rules (stand-in)', () => {
  it('counts code points for thing (≤ 20)', () => {
    expect(valid('thing', '一二三四五六七八九十一二三四五六七八九十')).toBe(true)
    expect(valid('thing', '一二三四五六七八九十一二三四五六七八九十一')).toBe(false)
    expect(valid('thing', '𠮷'.repeat(20))).toBe(true)
    expect(valid('thing', '')).toBe(false)
    expect(valid('thing', 'new mail 📬')).toBe(false)
  })

  it('character_string: ≤ 32, no CJK', () => {
    expect(valid('character_string', '113-1234567-1234567')).toBe(true)
    expect(valid('character_string', '订单113')).toBe(false)
    expect(valid('character_string', 'x'.repeat(33))).toBe(false)
  })

  it('time, date, phrase, name, amount', () => {
    expect(valid('time', '15:01')).toBe(true)
    expect(valid('time', '2019年10月1日 15:01')).toBe(true)
    expect(valid('time', '25:01')).toBe(false)
    expect(valid('date', '2019年10月1日')).toBe(true)
    expect(valid('date', '2019年13月1日')).toBe(false)
    expect(valid('phrase', '待处理')).toBe(true)
    expect(valid('phrase', '待处理的消息们')).toBe(false)
    expect(valid('name', '张三')).toBe(true)
    expect(valid('name', 'John Smith')).toBe(true)
    expect(valid('amount', '¥12.50')).toBe(true)
    expect(valid('amount', '12.50')).toBe(false)
  })

  it('names the failing keyword and reports missing ones', () => {
    expect(keywordTypeFromName('character_string12')).toBe('character_string')
    const keywords = { thing1: 'thing', time2: 'time' } as const
    expect(validateTemplateData(keywords, { thing1: { value: 'ok' }, time2: { value: '10:00' } })).toEqual({ ok: true })
    expect(validateTemplateData(keywords, { thing1: { value: 'ok' } })).toMatchObject({ ok: false, field: 'time2' })
  })
})
