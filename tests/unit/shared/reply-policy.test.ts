import { describe, expect, it } from 'vitest'
import { checkReply, replySubject, type PolicyProblemCode } from '@sellerinbox/shared/domain/reply-policy'

const codes = (body: string, extra: Parameters<typeof checkReply>[0] = { body }) => checkReply({ ...extra, body }).map((p) => p.code)
const only = (body: string): PolicyProblemCode[] => [...new Set(codes(body))]

describe('reply policy: links', () => {
  it.each([
    'See https://shop.example.com/item for details',
    'visit http://x.de',
    'hxxps://evil.example/path',
    'go to www.example.com now',
    'go to www . example . com now',
    'our site example.com has it',
    'our site example(dot)com has it',
    'our site example [.] com has it',
    'our site example dot com has it',
    'our site example．com has it',
    'see bit.ly/abc123',
    'the tracking page shop.example.co.uk/track',
    'open 192.168.1.10:8080 in a browser',
    'SHOP.EXAMPLE.COM',
  ])('flags %s', (body) => {
    expect(only(body)).toContain('LINK')
  })

  it.each(['Thanks, e.g. the blue one.', 'No. 5 is fine', 'Version 2.5 works', 'It weighs 1.5 kg', 'Mr. Smith said ok.', 'Ende.Danke'])('does not flag %s', (body) => {
    expect(only(body)).not.toContain('LINK')
  })

  it('reports the position of each problem', () => {
    const body = 'Hi, see www.example.com or mail me'
    const [problem] = checkReply({ body })
    expect(problem).toMatchObject({ code: 'LINK', text: 'www.example.com' })
    expect(body.slice(problem!.start, problem!.end)).toBe('www.example.com')
  })
})

describe('reply policy: email addresses and phone numbers', () => {
  it.each(['write to me@example.com', 'me(at)example.com', 'me at example dot com', 'me＠example.com', 'me [at] example [dot] com'])('flags the email address in %s', (body) => {
    expect(only(body)).toContain('EMAIL_ADDRESS')
  })

  it.each(['call +1 (555) 123-4567', 'Tel 030 1234567', 'phone: 0049-30-12345678', '138 0013 8000', '+44 20 7946 0958'])('flags the phone number in %s', (body) => {
    expect(only(body)).toContain('PHONE_NUMBER')
  })

  it.each([
    'Your order 113-1234567-1234567 has shipped',
    'Order 028-7654321-7654321.',
    'We shipped on 2026-11-20.',
    'We shipped on 20.11.2026.',
    'Qty 2, 3 days left',
    'ASIN B0ABCDEFGH',
  ])('does not flag %s as a phone number', (body) => {
    expect(only(body)).not.toContain('PHONE_NUMBER')
  })
})

describe('reply policy: forbidden words', () => {
  it.each([
    ['Please leave a review', 'en'],
    ['We would love your FEEDBACK!', 'en'],
    ['Contact us anytime', 'en'],
    ['Bitte hinterlassen Sie eine Bewertung', 'de'],
    ['Merci de laisser un avis', 'fr'],
    ['Lascia una recensione', 'it'],
    ['Deje una reseña, por favor', 'es'],
    ['レビューをお願いします', 'ja'],
    ['麻烦给个好评', 'zh'],
  ])('flags %s (%s)', (body) => {
    expect(only(body)).toContain('FORBIDDEN_WORD')
  })

  it('matches whole Latin words only, in any case', () => {
    expect(only('We previewed the parcel')).not.toContain('FORBIDDEN_WORD')
    expect(only('REVIEW')).toContain('FORBIDDEN_WORD')
  })

  it("checks the org's own words too", () => {
    const problems = checkReply({ body: 'Use our Coupon code', forbiddenWords: [{ word: 'coupon', language: null }] })
    expect(problems).toEqual([expect.objectContaining({ code: 'FORBIDDEN_WORD', text: 'Coupon', start: 8, end: 14 })])
  })
})

describe('reply policy: whole-reply problems', () => {
  it('reports every problem at once', () => {
    const problems = checkReply({
      body: 'Leave a review at www.example.com or call 555-123-4567',
      blacklisted: true,
      attachments: [
        { filename: 'big.pdf', size: 11 * 1024 * 1024, contentType: 'application/pdf' },
        { filename: 'tool.exe', size: 10, contentType: 'application/x-msdownload' },
      ],
    })
    expect(problems.map((p) => p.code).sort()).toEqual(['ATTACHMENT_TOO_LARGE', 'ATTACHMENT_TYPE', 'BLACKLISTED_BUYER', 'FORBIDDEN_WORD', 'LINK', 'PHONE_NUMBER'])
  })

  it('refuses an empty body and too many attachments', () => {
    expect(codes('   ')).toEqual(['EMPTY_BODY'])
    const six = Array.from({ length: 6 }, (_, i) => ({ filename: `${i}.png`, size: 10, contentType: 'image/png' }))
    expect(codes('Hello', { body: 'Hello', attachments: six })).toEqual(['TOO_MANY_ATTACHMENTS'])
  })

  it('accepts a clean reply', () => {
    expect(checkReply({ body: 'Hello Jamie, your order 113-1234567-1234567 left our warehouse today. Best regards' })).toEqual([])
  })
})

describe('reply subject', () => {
  it('adds one Re: and the localised [Important] marker', () => {
    expect(replySubject('Inquiry from Amazon customer Jamie (Order: 113-1234567-1234567)')).toBe('Re: Inquiry from Amazon customer Jamie (Order: 113-1234567-1234567)')
    expect(replySubject('RE: Re: AW: Frage')).toBe('Re: Frage')
    expect(replySubject('Domanda', { important: true, marketplace: 'IT' })).toBe('[Importante] Re: Domanda')
    expect(replySubject('Question', { important: true, marketplace: 'US' })).toBe('[Important] Re: Question')
  })
})

describe('reply templates', () => {
  it('fills variables, reports missing and unknown ones', async () => {
    const { renderTemplate, unknownPlaceholders } = await import('@sellerinbox/shared/domain/reply-template')
    const rendered = renderTemplate('Hi {{ buyerName }}, order {{orderId}} ({{asin}}) from {{storeName}} {{coupon}}', {
      buyerName: 'Jamie',
      orderId: '113-1234567-1234567',
      asin: null,
      storeName: 'Sunny Home',
    })
    expect(rendered).toEqual({ text: 'Hi Jamie, order 113-1234567-1234567 () from Sunny Home {{coupon}}', missing: ['asin'], unknown: ['coupon'] })
    expect(unknownPlaceholders('{{buyerName}} {{foo}} {{foo}}')).toEqual(['foo'])
  })
})
