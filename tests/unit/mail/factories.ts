// Test factories for the classifier's input (MailView) and its signals.
import type { MailSignals, MailView } from '@sellerinbox/server/mail/classify/signals'
import type { MailAddress } from '@sellerinbox/server/mail/types'

export function address(value: string, name = ''): MailAddress {
  return { address: value.toLowerCase(), name }
}

export function buildView(overrides: Partial<MailView> & { headerList?: Record<string, string[]> } = {}): MailView {
  const { headerList, ...rest } = overrides
  return {
    subject: '',
    from: null,
    replyTo: [],
    to: [address('shop-us-4k8d2m@in.example-seller-inbox.test')],
    cc: [],
    headers: new Map(Object.entries(headerList ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    text: '',
    html: '',
    authentication: { spf: null, dkim: null, dmarc: null, dkimPassDomains: [], dmarcHeaderFrom: null },
    ...rest,
  }
}

export function buildSignals(overrides: Partial<MailSignals> = {}): MailSignals {
  return {
    ownReply: false,
    headerType: null,
    linkType: null,
    headerMarketplaceId: null,
    linkMarketplaceId: null,
    senderRole: 'other',
    relays: [],
    relayIsSender: false,
    addressedToBuyer: false,
    amazonOrigin: true,
    suspicious: false,
    suspiciousReason: null,
    subjectKind: null,
    ...overrides,
  }
}
