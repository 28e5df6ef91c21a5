import { describe, expect, it } from 'vitest'
import { authenticationFailed, parseAuthenticationResults } from '@sellerinbox/server/mail/parse/authentication'

describe('parseAuthenticationResults', () => {
  it('reads SPF, every DKIM signature and DMARC with comments and folding', () => {
    const auth = parseAuthenticationResults(
      'mx1.example.test; spf=pass (sender IP is 54.240.37.151) smtp.mailfrom=x@amazonses.com; dkim=pass header.d=amazon.it header.s=a1; dkim=fail header.d=amazonses.com; dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=marketplace.amazon.it',
    )
    expect(auth).toEqual({ spf: 'pass', dkim: 'pass', dmarc: 'pass', dkimPassDomains: ['amazon.it'], dmarcHeaderFrom: 'marketplace.amazon.it' })
  })

  it('returns nulls without a header and ignores unknown verdicts', () => {
    expect(parseAuthenticationResults(null)).toMatchObject({ spf: null, dkim: null, dmarc: null })
    expect(parseAuthenticationResults('mx; spf=weird; dkim=none')).toMatchObject({ spf: null, dkim: 'none' })
  })

  it('treats hardfail as fail', () => {
    expect(parseAuthenticationResults('mx; spf=hardfail').spf).toBe('fail')
  })
})

describe('authenticationFailed', () => {
  it('is true only when nothing passed and something failed', () => {
    expect(authenticationFailed(parseAuthenticationResults('mx; spf=fail; dkim=none; dmarc=fail'))).toBe(true)
    expect(authenticationFailed(parseAuthenticationResults('mx; spf=fail; dkim=pass header.d=amazon.com; dmarc=pass'))).toBe(false)
    expect(authenticationFailed(parseAuthenticationResults('mx; spf=none; dkim=none; dmarc=none'))).toBe(false)
    expect(authenticationFailed(parseAuthenticationResults(null))).toBe(false)
  })
})
