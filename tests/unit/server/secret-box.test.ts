import { describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { createSecretBox } from '@sellerinbox/server/lib/secret-box'

describe('secret box', () => {
  const box = createSecretBox(randomBytes(32))

  it('round-trips and never stores the plain text', () => {
    const sealed = box.seal('imap-pässwörd-密码')
    expect(sealed).not.toContain('imap')
    expect(sealed.startsWith('v1:')).toBe(true)
    expect(box.open(sealed)).toBe('imap-pässwörd-密码')
    expect(box.seal('same')).not.toBe(box.seal('same'))
  })

  it('rejects tampered ciphertext and the wrong key', () => {
    const sealed = box.seal('secret')
    const parts = sealed.split(':')
    parts[3] = Buffer.from('forged').toString('base64')
    expect(() => box.open(parts.join(':'))).toThrow()
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow()
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/)
  })
})
