import { describe, expect, it } from 'vitest'
import { amazonRetailDomain, isAmazonHost, isLookalikeHost, parseRelayAddress, skeleton } from '@sellerinbox/server/mail/classify/amazon-domains'

describe('amazonRetailDomain', () => {
  it('maps genuine hosts to their retail domain', () => {
    expect(amazonRetailDomain('marketplace.amazon.co.uk')).toBe('amazon.co.uk')
    expect(amazonRetailDomain('m.marketplace.amazon.co.jp')).toBe('amazon.co.jp')
    expect(amazonRetailDomain('sellercentral.amazon.com.mx')).toBe('amazon.com.mx')
    expect(amazonRetailDomain('amazon.de')).toBe('amazon.de')
  })

  it('rejects hosts that only contain amazon.<tld> as a prefix', () => {
    expect(amazonRetailDomain('marketplace.amazon.com.example-verify.net')).toBeNull()
    expect(amazonRetailDomain('amazon.com.evil.test')).toBeNull()
    expect(amazonRetailDomain('amazon-support.example')).toBeNull()
  })
})

describe('isLookalikeHost', () => {
  it.each([
    'amaz0n-sellercentral.example',
    'amazon-support.example',
    'marketplace.amazon.com.example-verify.net',
    'xn--mazon-3ve.com',
    'arnazon.example',
    'amazon.com.security-check.test',
  ])('flags %s', (host) => {
    expect(isLookalikeHost(host)).toBe(true)
  })

  it.each(['amazon.com', 'marketplace.amazon.de', 'eu-west-1.amazonses.com', 'm.media-amazon.com', 'lucciolacasa.example', 'gmail.example'])('accepts %s', (host) => {
    expect(isLookalikeHost(host)).toBe(false)
  })

  it('folds homoglyphs in the skeleton', () => {
    expect(skeleton('xn--mazon-3ve.com')).toBe('amazoncom')
    expect(skeleton('AMAZ0N.example')).toBe('amazonexample')
  })

  it('knows Amazon infrastructure hosts', () => {
    expect(isAmazonHost('a1-2.smtp-out.eu-west-1.amazonses.com')).toBe(true)
  })
})

describe('parseRelayAddress', () => {
  it('splits alias and case id', () => {
    expect(parseRelayAddress('QR5U7YCAELURQPU+0f3db6f5-1df7-49a9-bd90-e610387794c9@marketplace.amazon.co.uk')).toEqual({
      address: 'qr5u7ycaelurqpu+0f3db6f5-1df7-49a9-bd90-e610387794c9@marketplace.amazon.co.uk',
      alias: 'qr5u7ycaelurqpu@marketplace.amazon.co.uk',
      caseId: '0f3db6f5-1df7-49a9-bd90-e610387794c9',
      retailDomain: 'amazon.co.uk',
    })
  })

  it('accepts the Japanese m. host and rejects look-alikes and other Amazon senders', () => {
    expect(parseRelayAddress('7jydl9cvvpq3jfl@m.marketplace.amazon.co.jp')?.retailDomain).toBe('amazon.co.jp')
    expect(parseRelayAddress('8l60y2c7te6vlru@marketplace.amazon.com.example-verify.net')).toBeNull()
    expect(parseRelayAddress('donotreply@amazon.com')).toBeNull()
  })
})
