import { describe, expect, it } from 'vitest'
import { bareAddresses, decodeWords, parseAddressList } from '@sellerinbox/server/mail/parse/addresses'

describe('parseAddressList', () => {
  it('parses names, quoted names with commas, bare addresses and comments', () => {
    expect(parseAddressList('"Doe, Jane" <Jane@X.test>, bob@y.test (Bob), <c@z.test>')).toEqual([
      { address: 'jane@x.test', name: 'Doe, Jane' },
      { address: 'bob@y.test', name: 'Bob' },
      { address: 'c@z.test', name: '' },
    ])
  })

  it('decodes RFC 2047 display names', () => {
    expect(parseAddressList('=?ISO-8859-1?Q?J=FCrgen?= <j@x.test>')).toEqual([{ address: 'j@x.test', name: 'Jürgen' }])
  })

  it('reads group syntax', () => {
    expect(parseAddressList('Team: a@x.test, Bob <b@x.test>;')).toEqual([
      { address: 'a@x.test', name: '' },
      { address: 'b@x.test', name: 'Bob' },
    ])
  })

  it('returns nothing for text without an address', () => {
    expect(parseAddressList('undisclosed-recipients:;')).toEqual([])
  })
})

describe('bareAddresses', () => {
  it('collects distinct lower-cased addresses from several header values', () => {
    expect(bareAddresses(['A@x.test', '<a@x.test>', 'b@x.test'])).toEqual(['a@x.test', 'b@x.test'])
  })
})

describe('decodeWords', () => {
  it('decodes ISO-2022-JP, GB2312 and leaves broken words alone', () => {
    expect(decodeWords('=?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?=')).toBe('こんにちは')
    expect(decodeWords('=?gb2312?B?1tDOxA==?=')).toBe('中文')
    expect(decodeWords('plain')).toBe('plain')
  })
})
