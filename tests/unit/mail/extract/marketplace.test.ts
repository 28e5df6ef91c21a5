import { describe, expect, it } from 'vitest'
import { resolveMarketplace, type MarketplaceEvidence } from '@sellerinbox/server/mail/extract/marketplace'

const none: MarketplaceEvidence = {
  headerMarketplaceId: null,
  linkMarketplaceId: null,
  relayDomain: null,
  linkDomains: () => [],
  senderDomain: null,
  senderName: '',
  text: '',
}

describe('resolveMarketplace', () => {
  it('uses the header id, then link ids, then the relay domain', () => {
    expect(resolveMarketplace({ ...none, headerMarketplaceId: 'A1F83G8C2ARO7P', relayDomain: 'amazon.de' })).toBe('UK')
    expect(resolveMarketplace({ ...none, linkMarketplaceId: 'APJ6JRA9NG5V4', relayDomain: 'amazon.de' })).toBe('IT')
    expect(resolveMarketplace({ ...none, relayDomain: 'amazon.com.br', linkDomains: () => ['amazon.com'] })).toBe('BR')
  })

  it('then the most frequent Amazon link domain', () => {
    expect(resolveMarketplace({ ...none, linkDomains: () => ['amazon.com', 'amazon.it', 'amazon.it'], senderDomain: 'amazon.com' })).toBe('IT')
  })

  it('uses a national sender domain, but amazon.com (every marketplace’s donotreply) only last', () => {
    expect(resolveMarketplace({ ...none, senderDomain: 'amazon.fr' })).toBe('FR')
    expect(resolveMarketplace({ ...none, senderDomain: 'amazon.com', senderName: 'Amazon.it' })).toBe('IT')
    expect(resolveMarketplace({ ...none, senderDomain: 'amazon.com', text: 'exchanged through Amazon.co.uk. Amazon.com, 410 Terry Avenue' })).toBe('UK')
    expect(resolveMarketplace({ ...none, senderDomain: 'amazon.com' })).toBe('US')
  })

  it('is null without any evidence, and never reads the receiving address', () => {
    expect(resolveMarketplace(none)).toBeNull()
  })
})
