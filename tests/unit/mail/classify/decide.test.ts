import { describe, expect, it } from 'vitest'
import { decideKind } from '@sellerinbox/server/mail/classify/decide'
import { parseRelayAddress } from '@sellerinbox/server/mail/classify/amazon-domains'
import { buildSignals } from '../factories'

const relay = { ...(parseRelayAddress('pwi0gfezuv101yw@marketplace.amazon.it') ?? (undefined as never)), displayName: 'Marco' }
const decide = (overrides: Parameters<typeof buildSignals>[0], subject = '', text = ''): string => decideKind({ signals: buildSignals(overrides), subject, text })

describe('decideKind', () => {
  it('never lets forged mail be more than other', () => {
    expect(decide({ suspicious: true, headerType: 'BBC_MESSAGE_SENT_TO_MERCHANT', senderRole: 'relay' })).toBe('other')
  })

  it('recognises the product’s own replies', () => {
    expect(decide({ ownReply: true })).toBe('reply')
  })

  it('prefers the header token, then the link token', () => {
    expect(decide({ headerType: 'REFUND_ISSUED', linkType: 'RETURN_REQUEST' })).toBe('refund_issued')
    expect(decide({ linkType: 'RETURN_REQUEST', senderRole: 'relay' })).toBe('return_request')
    expect(decide({ headerType: 'A_Z_CLAIM_RESPONDENT_DECISION_V2' })).toBe('atoz_claim_decision')
  })

  it('falls through unknown tokens to the sender and the subject', () => {
    expect(decide({ headerType: 'SOLD_SHIP_NOW', senderRole: 'qa' })).toBe('customer_question')
    expect(decide({ headerType: 'SOLD_SHIP_NOW', senderRole: 'notice', subjectKind: 'refund_issued' })).toBe('refund_issued')
  })

  it('uses the A-to-z sender with the subject to tell decisions from new claims', () => {
    expect(decide({ senderRole: 'atoz' })).toBe('atoz_claim_opened')
    expect(decide({ senderRole: 'atoz', subjectKind: 'atoz_claim_decision' })).toBe('atoz_claim_decision')
  })

  it('ignores subject wording in mail that is not from Amazon', () => {
    expect(decide({ amazonOrigin: false, subjectKind: 'refund_issued' })).toBe('other')
  })

  it('reads an opt-out from a not-delivered subject and the body wording', () => {
    expect(decide({ senderRole: 'notice' }, 'Your message to the buyer was not delivered', 'the buyer has opted out of messages')).toBe('buyer_opt_out')
    expect(decide({ senderRole: 'notice' }, 'Your message to the buyer was not delivered', 'it contained a link')).toBe('other')
  })

  it('treats a forwarded copy with a relay in its sender headers as a buyer message', () => {
    expect(decide({ relays: [relay], relayIsSender: true })).toBe('buyer_message')
    expect(decide({ relays: [relay], relayIsSender: true, senderRole: 'notice' })).toBe('other')
    expect(decide({ relays: [relay], relayIsSender: false })).toBe('other')
  })

  it('does not take a seller’s own mail to a buyer, quoting Amazon’s footer, for a buyer message', () => {
    expect(decide({ relays: [relay], addressedToBuyer: true, linkType: 'BBC_MESSAGE_SENT_TO_MERCHANT', subjectKind: 'buyer_message' })).toBe('other')
    expect(decide({ addressedToBuyer: true, headerType: 'BBC_MESSAGE_SENT_TO_MERCHANT' })).toBe('buyer_message')
  })
})
