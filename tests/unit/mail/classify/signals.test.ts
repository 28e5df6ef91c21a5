import { describe, expect, it } from 'vitest'
import { amazonLinkDomains, collectSignals, senderRole, suspicionReason } from '@sellerinbox/server/mail/classify/signals'
import { address, buildView } from '../factories'

describe('collectSignals', () => {
  it('reads the type token and marketplace id from headers first', () => {
    const signals = collectSignals(
      buildView({
        headerList: { 'X-Space-Notification-Type': ['bbc_message_sent_to_merchant'], 'X-Marketplace-ID': ['APJ6JRA9NG5V4'] },
        text: 'https://x.amazon.it/?customAttribute1Value=REFUND_ISSUED&mp=A1PA6795UKMFR9',
      }),
    )
    expect(signals).toMatchObject({ headerType: 'BBC_MESSAGE_SENT_TO_MERCHANT', linkType: 'REFUND_ISSUED', headerMarketplaceId: 'APJ6JRA9NG5V4', linkMarketplaceId: 'A1PA6795UKMFR9' })
  })

  it('finds tokens in communicationName= and nt= links and in the HTML part', () => {
    expect(collectSignals(buildView({ text: 'x?deliveryId=1&communicationName=RETURN_REQUEST&y' })).linkType).toBe('RETURN_REQUEST')
    expect(collectSignals(buildView({ html: '<a href="https://x.example/?a=1&amp;nt=A_Z_CLAIM_RESPONDENT_NOTIFY">' })).linkType).toBe('A_Z_CLAIM_RESPONDENT_NOTIFY')
  })

  it('ignores marketplace ids that are not Amazon marketplaces', () => {
    expect(collectSignals(buildView({ headerList: { 'x-marketplace-id': ['NOTAMARKET1'] } })).headerMarketplaceId).toBeNull()
  })

  it('orders relays From, Reply-To, X-Original-Sender, To, Cc and keeps display names', () => {
    const signals = collectSignals(
      buildView({
        from: address('ordini@shop.example', "'Marco' via Ordini"),
        replyTo: [address('pwi0gfezuv101yw@marketplace.amazon.it', 'Marco')],
        cc: [address('pwi0gfezuv101yw+aa-bb@marketplace.amazon.it')],
      }),
    )
    expect(signals.relays.map((r) => [r.address, r.displayName])).toEqual([
      ['pwi0gfezuv101yw@marketplace.amazon.it', 'Marco'],
      ['pwi0gfezuv101yw+aa-bb@marketplace.amazon.it', ''],
    ])
    expect(signals.amazonOrigin).toBe(true)
  })

  it('tells a relay that sends from a relay that only receives', () => {
    const fromRelay = collectSignals(buildView({ from: address('pwi0gfezuv101yw@marketplace.amazon.it') }))
    expect(fromRelay).toMatchObject({ relayIsSender: true, addressedToBuyer: false })
    const toRelay = collectSignals(buildView({ from: address('me@shop.example', 'Shop'), to: [address('pwi0gfezuv101yw@marketplace.amazon.it')] }))
    expect(toRelay).toMatchObject({ relayIsSender: false, addressedToBuyer: true, amazonOrigin: false })
  })

  it('does not take any "nt=" link for Amazon evidence', () => {
    expect(collectSignals(buildView({ from: address('news@x.example'), text: 'https://news.example/?nt=WEEKLY' })).amazonOrigin).toBe(false)
  })

  it('knows mail of unknown origin', () => {
    const signals = collectSignals(buildView({ from: address('news@parcel.example', 'Parcel'), text: 'Hello' }))
    expect(signals).toMatchObject({ amazonOrigin: false, suspicious: false, senderRole: 'other' })
  })

  it('marks the product’s own replies', () => {
    expect(collectSignals(buildView({ headerList: { 'x-sellerinbox-reply': ['1'] } })).ownReply).toBe(true)
  })
})

describe('senderRole', () => {
  it.each([
    ['z4o4dmpfe81lbee@marketplace.amazon.com', 'relay'],
    ['seller-answers@amazon.co.jp', 'qa'],
    ['atoz-guarantee-no-reply@amazon.it', 'atoz'],
    ['cb-seller-query@amazon.com', 'chargeback'],
    ['donotreply@amazon.com', 'notice'],
    ['auto-communication@amazon.com', 'notice'],
    ['seller-performance@amazon.de', 'notice'],
    ['someone@amazon.de', 'amazon'],
    ['donotreply@amaz0n.example', 'other'],
  ])('%s is %s', (from, role) => {
    expect(senderRole(from)).toBe(role)
  })

  it('is none without a sender', () => {
    expect(senderRole(null)).toBe('none')
  })
})

describe('suspicionReason', () => {
  it('flags look-alike senders and reply-to addresses', () => {
    expect(suspicionReason(buildView({ from: address('no-reply@amaz0n-sellercentral.example', 'Amazon') }))).toMatch(/look-alike/)
    expect(suspicionReason(buildView({ from: address('a1b2c3d4e5f6g7h@marketplace.amazon.com'), replyTo: [address('x@marketplace.amazon.com.reply.example')] }))).toMatch(/look-alike/)
  })

  it('flags an Amazon sender whose authentication failed, not one whose DKIM passed', () => {
    const failed = { spf: 'fail', dkim: 'none', dmarc: 'fail', dkimPassDomains: [], dmarcHeaderFrom: null } as const
    const dkimPassed = { spf: 'fail', dkim: 'pass', dmarc: 'pass', dkimPassDomains: ['amazon.com'], dmarcHeaderFrom: null } as const
    expect(suspicionReason(buildView({ from: address('donotreply@amazon.com'), authentication: { ...failed, dkimPassDomains: [] } }))).toMatch(/failed/)
    expect(suspicionReason(buildView({ from: address('donotreply@amazon.com'), authentication: { ...dkimPassed, dkimPassDomains: ['amazon.com'] } }))).toBeNull()
  })

  it('flags Amazon as the display name of a foreign address, but not a list forward of Amazon mail', () => {
    expect(suspicionReason(buildView({ from: address('alerts@seller-verify.example', 'Amazon Seller Central') }))).toMatch(/display name/)
    expect(suspicionReason(buildView({ from: address('group@shop.example', "'Amazon.com' via Orders") }))).toBeNull()
    expect(suspicionReason(buildView({ from: address('news@parcel.example', 'Parcelwise Insights') }))).toBeNull()
  })
})

describe('amazonLinkDomains', () => {
  it('lists retail domains of Amazon links only', () => {
    expect(amazonLinkDomains('https://sellercentral.amazon.it/x https://news.example/y https://www.amazon.it/z https://evil.amazon.com.test/')).toEqual(['amazon.it', 'amazon.it'])
  })
})
