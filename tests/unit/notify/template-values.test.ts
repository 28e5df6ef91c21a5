// Template values: whatever text goes in, what comes out passes WeChat's value rules (checked with
// the stand-in's rules, which are the strict reading of WECHAT.md), and truncation is safe.
import { describe, expect, it } from 'vitest'
import { validateValue } from '@sellerinbox/server/dev/wechat-standin/value-rules'
import { messageContent, reminderContent, templateData, type MessageFacts } from '@sellerinbox/server/notify/content'
import { cleanText, fitValue, formatTimeValue, keywordType, truncate, withSuffix, type KeywordType } from '@sellerinbox/server/notify/template-values'
import { nextChinaMidnight, TemplateBackoff } from '@sellerinbox/server/notify/backoff'
import { loadConfig } from '@sellerinbox/server/config'

const NASTY = [
  'Hello 👋🏽 where is my order?',
  '包裹什么时候到？我已经等了两个星期了，请尽快回复',
  'Family 👨‍👩‍👧 keycap 1️⃣ flag 🇩🇪 done',
  'tab\there\nnew line\u0000nul\u200bzero-width',
  '   ',
  'a'.repeat(200),
  '𝒜𝒷𝒸 surrogate pairs 𝒜𝒷𝒸 surrogate pairs 𝒜𝒷𝒸',
  'Ärger mit der Lieferung — bitte um Rückmeldung',
  '注文番号 123-4567890-1234567 について',
  '¥12.50 refund?!',
]

describe('fitValue', () => {
  const types: KeywordType[] = ['thing', 'number', 'letter', 'symbol', 'character_string', 'phrase', 'name']
  for (const type of types) {
    it(`${type}: every output passes the value rules (or is null)`, () => {
      for (const input of NASTY) {
        const out = fitValue(type, input, 'Asia/Shanghai')
        if (out === null) continue
        expect(validateValue(type, out), `${type} ${JSON.stringify(input)} → ${JSON.stringify(out)}`).toEqual({ ok: true })
      }
    })
  }

  it('thing: cuts to 20 code points with an ellipsis, never inside a surrogate pair', () => {
    const out = fitValue('thing', '𝒜'.repeat(30), 'UTC')!
    expect([...out]).toHaveLength(20)
    expect(out.endsWith('…')).toBe(true)
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
    expect(fitValue('thing', 'Where is my 📦?', 'UTC')).toBe('Where is my ?')
    expect(fitValue('thing', '🎉🎉', 'UTC')).toBeNull()
  })

  it('time and date: the formats WeChat documents, in the recipient’s time zone', () => {
    const at = new Date('2026-11-22T16:05:00Z')
    expect(fitValue('time', at, 'Asia/Shanghai')).toBe('2026年11月23日 00:05')
    expect(fitValue('time', at, 'America/Los_Angeles')).toBe('2026年11月22日 08:05')
    expect(fitValue('date', at, 'Asia/Shanghai')).toBe('2026年11月23日')
    expect(fitValue('thing', at, 'Asia/Shanghai')).toBe('11-23 00:05')
    expect(validateValue('time', formatTimeValue(at, 'Europe/Paris'))).toEqual({ ok: true })
  })

  it('character_string drops CJK and spaces', () => {
    expect(fitValue('character_string', '订单 123-4567890-1234567', 'UTC')).toBe('123-4567890-1234567')
  })
})

describe('text helpers', () => {
  it('cleanText drops emoji and invisible characters and collapses whitespace', () => {
    expect(cleanText(' a\t\tb \n c\u200b 👍🏻 ')).toBe('a b c')
  })
  it('truncate keeps short text and marks cuts', () => {
    expect(truncate('short', 20)).toBe('short')
    expect(truncate('exactly twenty chars', 20)).toBe('exactly twenty chars')
    expect(truncate('twenty-one characters', 20)).toBe('twenty-one characte…')
  })
  it('withSuffix shortens the name, not the marketplace', () => {
    expect(withSuffix('Store A', 'DE', 20)).toBe('Store A · DE')
    expect(withSuffix('A very long store name indeed', 'DE/US', 20)).toBe('A very long… · DE/US')
    expect([...withSuffix('A very long store name indeed', 'DE/US', 20)].length).toBeLessThanOrEqual(20)
  })
  it('keywordType reads the type from the keyword name', () => {
    expect(keywordType('thing12')).toBe('thing')
    expect(keywordType('character_string3')).toBe('character_string')
    expect(keywordType('bogus1')).toBeNull()
  })
})

function facts(over: Partial<MessageFacts> = {}): MessageFacts {
  return {
    id: 7,
    orgId: 1,
    category: 'buyer_message',
    kind: 'buyer_message',
    storeId: 3,
    storeName: 'Store A',
    channelId: 5,
    marketplace: 'DE',
    subject: 'Inquiry from Amazon customer',
    buyerText: 'Is it waterproof?',
    receivedAt: new Date('2026-11-23T02:00:00Z'),
    slaDueAt: new Date('2026-11-24T02:00:00Z'),
    ...over,
  }
}

describe('content', () => {
  it('one message: its category, store · marketplace, a preview, and a link to it', () => {
    const c = messageContent([facts()], 'zh-CN')
    expect(c).toMatchObject({ title: '新买家消息', page: 'pages/inbox/index?messageId=7' })
    expect(c.slots).toMatchObject({ store: 'Store A · DE', detail: 'Is it waterproof?', count: 1 })
    expect(messageContent([facts({ category: 'atoz_claim' })], 'en-US').title).toBe('New A-to-z claim')
  })

  it('a digest: the count, and filters only for what all its messages share', () => {
    const three = [facts({ id: 1 }), facts({ id: 2 }), facts({ id: 3, buyerText: 'Latest', receivedAt: new Date('2026-11-23T03:00:00Z') })]
    const en = messageContent(three, 'en-US')
    expect(en.title).toBe('3 new buyer messages')
    expect(en.slots.store).toBe('Store A · DE')
    expect(en.slots.detail).toBe('Latest')
    expect(en.page).toBe('pages/inbox/index?category=buyer_message&storeId=3&marketplace=DE')
    const mixed = messageContent([facts({ id: 1 }), facts({ id: 2, storeId: 4, storeName: 'B', channelId: 6, category: 'qa' })], 'zh-CN')
    expect(mixed.title).toBe('2条新消息')
    expect(mixed.slots.store).toBe('2个店铺')
    expect(mixed.page).toBe('pages/inbox/index')
  })

  it('a reminder carries the deadline', () => {
    const c = reminderContent(facts(), 'en-US')
    expect(c.title).toBe('Reply due soon')
    expect(c.slots.deadline).toEqual(new Date('2026-11-24T02:00:00Z'))
  })

  it('template data follows the configured keywords and reports what cannot fit', () => {
    const template = { id: 't', keywords: { title: 'thing1', store: 'thing2', time: 'time3', count: 'number4' } }
    const data = templateData(template, messageContent([facts()], 'zh-CN').slots, 'Asia/Shanghai')
    expect(data).toEqual({
      ok: true,
      data: { thing1: { value: '新买家消息' }, thing2: { value: 'Store A · DE' }, time3: { value: '2026年11月23日 10:00' }, number4: { value: '1' } },
    })
    expect(templateData({ id: 't', keywords: { title: 'phrase1' } }, { title: 'New buyer message' }, 'UTC')).toEqual({
      ok: false,
      reason: 'title does not fit template keyword phrase1 (phrase)',
    })
    expect(templateData({ id: 't', keywords: { deadline: 'time1' } }, {}, 'UTC').ok).toBe(false)
  })
})

describe('45009 back-off', () => {
  it('doubles the pause and never waits past midnight in China', () => {
    const b = new TemplateBackoff()
    const noon = Date.parse('2026-11-23T04:00:00Z') // 12:00 in China
    expect(b.hit('t', noon)).toBe(noon + 60_000)
    expect(b.hit('t', noon)).toBe(noon + 120_000)
    expect(b.until('t')).toBe(noon + 120_000)
    for (let i = 0; i < 20; i++) b.hit('t', noon)
    expect(b.until('t')).toBe(Date.parse('2026-11-23T16:00:00Z'))
    expect(nextChinaMidnight(noon)).toBe(Date.parse('2026-11-23T16:00:00Z'))
    b.clear('t')
    expect(b.until('t')).toBe(0)
  })
})

describe('notification configuration', () => {
  const base = {
    DATABASE_URL: 'mysql://root@127.0.0.1:3306/x',
    JWT_SECRET: 'j'.repeat(32),
    SECRETS_KEY: Buffer.alloc(32, 1).toString('base64'),
    WECHAT_APPID: 'wx123',
    WECHAT_SECRET: 'shh',
    INBOUND_DOMAIN: 'in.example.com',
  }
  it('is off without a template id, with documented defaults', () => {
    const { notify } = loadConfig(base)
    expect(notify).toMatchObject({ newMessage: null, sla: null, cooldownMs: 600_000, slaReminderMs: 7_200_000, miniprogramState: 'formal', pushToken: '' })
  })
  it('reads templates and their slot=keyword pairs', () => {
    const { notify } = loadConfig({ ...base, NOTIFY_TEMPLATE_NEW_MESSAGE: 'abc', NOTIFY_TEMPLATE_NEW_MESSAGE_FIELDS: 'title=thing1,time=time2' })
    expect(notify.newMessage).toEqual({ id: 'abc', keywords: { title: 'thing1', time: 'time2' } })
  })
  it('lists bad template fields, cool-downs and push tokens without echoing the token', () => {
    let problems: string[] = []
    try {
      loadConfig({ ...base, NOTIFY_TEMPLATE_SLA_FIELDS: 'title=thing1', NOTIFY_TEMPLATE_NEW_MESSAGE_FIELDS: 'title=thing1,title=thing2', NOTIFY_COOLDOWN_SECONDS: '999999', WECHAT_PUSH_TOKEN: 'bad token!' })
    } catch (error) {
      problems = (error as { problems: string[] }).problems
    }
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['NOTIFY_COOLDOWN_SECONDS', 'NOTIFY_TEMPLATE_NEW_MESSAGE_FIELDS', 'NOTIFY_TEMPLATE_SLA_FIELDS', 'WECHAT_PUSH_TOKEN'])
    expect(problems.join('\n')).not.toContain('bad token!')
  })
})
