import { describe, expect, it } from 'vitest'
import { parseRelayAddress } from '@sellerinbox/server/mail/classify/amazon-domains'
import { buyerNameFromDisplay, buyerNameFromSubject, chooseReplyAddress, forwardedRelay, type RelayCandidate } from '@sellerinbox/server/mail/extract/relay'

function candidate(address: string, displayName = ''): RelayCandidate {
  const relay = parseRelayAddress(address)
  if (!relay) throw new Error(`not a relay: ${address}`)
  return { ...relay, displayName }
}

describe('chooseReplyAddress', () => {
  it('keeps the +case form from another header for the same buyer', () => {
    const from = candidate('n38yyj0jn7aawj4@marketplace.amazon.com.br', 'Thiago')
    const replyTo = candidate('n38yyj0jn7aawj4+707ca2d5-ce4d-4d13-8622-2b453095040b@marketplace.amazon.com.br')
    expect(chooseReplyAddress([from, replyTo])?.address).toBe(replyTo.address)
  })

  it('does not borrow the +case form of a different buyer', () => {
    const from = candidate('aaaaaaaaaaaaaaa@marketplace.amazon.com')
    const other = candidate('bbbbbbbbbbbbbbb+1234-5678@marketplace.amazon.com')
    expect(chooseReplyAddress([from, other])?.address).toBe(from.address)
  })

  it('is null without relays', () => {
    expect(chooseReplyAddress([])).toBeNull()
  })
})

describe('forwardedRelay', () => {
  it('reads the relay of an inline-forwarded copy', () => {
    const text = 'FYI\n\n---------- Forwarded message ---------\nFrom: Dana <z4o4dmpfe81lbee@marketplace.amazon.com>\nDate: Mon\n\nbody'
    expect(forwardedRelay(text)).toMatchObject({ address: 'z4o4dmpfe81lbee@marketplace.amazon.com', displayName: 'Dana' })
  })

  it('takes the +case form from the forwarded Reply-To line', () => {
    const text = '-----Original Message-----\nFrom: Dana <z4o4dmpfe81lbee@marketplace.amazon.com>\nReply-To: <z4o4dmpfe81lbee+ab-cd@marketplace.amazon.com>\n'
    expect(forwardedRelay(text)?.address).toBe('z4o4dmpfe81lbee+ab-cd@marketplace.amazon.com')
  })

  it('ignores relay addresses mentioned outside a forwarded header block', () => {
    expect(forwardedRelay('write to 9suy28w4wvdnx1k@marketplace.amazon.it with [Importante]')).toBeNull()
  })
})

describe('buyer names', () => {
  it.each([
    ['Dana - Amazon Marketplace', 'Dana'],
    ['Thiago Ramos - Amazon Marketplace', 'Thiago Ramos'],
    ["'Marco' via Ordini Amazon", 'Marco'],
    ['"Élodie"', 'Élodie'],
    ['Amazon.com', null],
    ['', null],
  ])('%s → %s', (display, name) => {
    expect(buyerNameFromDisplay(display)).toBe(name)
  })

  it('reads the subject only as a fallback source', () => {
    expect(buyerNameFromSubject('Inquiry from Amazon customer Dana (Order: 113-0315214-6019291)')).toBe('Dana')
    expect(buyerNameFromSubject('Amazonのカスタマー 佐藤 様から配送に関するお問い合わせ')).toBe('佐藤')
  })
})
