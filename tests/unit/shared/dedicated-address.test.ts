import { describe, expect, it } from 'vitest'
import { ADDRESS_RANDOM_ALPHABET, ADDRESS_RANDOM_LENGTH, buildDedicatedAddress, isDedicatedAddressShape, storeSlug } from '@sellerinbox/shared/domain/dedicated-address'
import { MARKETPLACE_CODES, marketplaceByCode, marketplaceById, MARKETPLACES } from '@sellerinbox/shared/domain/marketplaces'
import { qrTextOf, ticketFromQrText } from '@sellerinbox/shared/api/auth'

describe('dedicated address', () => {
  it('slugs store names to short lower-case ASCII', () => {
    expect(storeSlug('Sunny Home')).toBe('sunny-home')
    expect(storeSlug('  Café Müller GmbH!! ')).toBe('cafe-muller-gmbh')
    expect(storeSlug('阳光家居')).toBe('store')
    expect(storeSlug('A'.repeat(50))).toHaveLength(20)
    expect(storeSlug('abcdefghijklmnopqrs-tuv')).toBe('abcdefghijklmnopqrs')
  })

  it('carries at least 48 random bits', () => {
    expect(Math.log2(ADDRESS_RANDOM_ALPHABET.length) * ADDRESS_RANDOM_LENGTH).toBeGreaterThanOrEqual(48)
  })

  it('builds the documented shape', () => {
    const address = buildDedicatedAddress('Sunny Home', 'DE', 'abcde23456', 'In.Example.com')
    expect(address).toBe('sunny-home-de-abcde23456@in.example.com')
    expect(isDedicatedAddressShape(address)).toBe(true)
    expect(isDedicatedAddressShape('someone@in.example.com')).toBe(false)
  })
})

describe('marketplaces', () => {
  it('resolves codes and Amazon ids, with GB as UK', () => {
    expect(marketplaceByCode('gb')?.code).toBe('UK')
    expect(marketplaceById('A1PA6795UKMFR9')?.code).toBe('DE')
    expect(new Set(MARKETPLACES.map((m) => m.id)).size).toBe(MARKETPLACES.length)
    expect([...MARKETPLACE_CODES]).toEqual(MARKETPLACES.map((m) => m.code))
  })
})

describe('QR text', () => {
  it('round-trips a ticket and rejects anything else', () => {
    expect(ticketFromQrText(qrTextOf('abcdefghijklmnop_-12'))).toBe('abcdefghijklmnop_-12')
    expect(ticketFromQrText('https://evil.example/?t=abc')).toBeNull()
    expect(ticketFromQrText(qrTextOf('short'))).toBeNull()
  })
})
