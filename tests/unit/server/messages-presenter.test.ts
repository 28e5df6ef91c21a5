// Pure pieces of the message read API: snippets, download headers and page cursors.
import { describe, expect, it } from 'vitest'
import { addressList, snippetOf } from '@sellerinbox/server/modules/messages/messages.presenter'
import { attachmentDisposition, safeContentType } from '@sellerinbox/server/modules/messages/download'
import { decodeCursor, encodeCursor, pageOf } from '@sellerinbox/server/modules/messages/keyset-cursor'

describe('snippetOf', () => {
  it('collapses whitespace and cuts at 120 characters', () => {
    expect(snippetOf('  Hi,\r\n\r\n\tthe   box\u00a0was  broken. ')).toBe('Hi, the box was broken.')
    expect(snippetOf('a'.repeat(120))).toBe('a'.repeat(120))
    expect(snippetOf('a'.repeat(121))).toBe(`${'a'.repeat(120)}…`)
    expect(snippetOf(null)).toBe('')
  })

  it('never cuts a character in half', () => {
    const text = '😀'.repeat(130)
    expect(snippetOf(text)).toBe(`${'😀'.repeat(120)}…`)
  })
})

describe('addressList', () => {
  it('splits the stored To/Cc list', () => {
    expect(addressList('a@x.example, b@y.example,  ')).toEqual(['a@x.example', 'b@y.example'])
    expect(addressList('')).toEqual([])
  })
})

describe('download headers', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
    expect(attachmentDisposition('invoice.pdf')).toBe(`attachment; filename="invoice.pdf"; filename*=UTF-8''invoice.pdf`)
    expect(attachmentDisposition('発送 (1).jpg')).toBe(`attachment; filename="__ (1).jpg"; filename*=UTF-8''%E7%99%BA%E9%80%81%20%281%29.jpg`)
    expect(attachmentDisposition('a"b\\c;d%.txt')).toBe(`attachment; filename="a_b_c_d_.txt"; filename*=UTF-8''a%22b%5Cc%3Bd%25.txt`)
    expect(attachmentDisposition('\r\n')).toMatch(/^attachment; filename="__"; filename\*=UTF-8''%0D%0A$/)
  })

  it('keeps well-formed content types and neutralises the rest', () => {
    expect(safeContentType('image/JPEG')).toBe('image/jpeg')
    expect(safeContentType('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect(safeContentType('text/html; charset=utf-8\r\nSet-Cookie: x')).toBe('application/octet-stream')
    expect(safeContentType('')).toBe('application/octet-stream')
  })
})

describe('keyset cursor', () => {
  it('round-trips and is opaque', () => {
    const key = { receivedAt: new Date('2026-11-22T02:21:00.123Z'), id: 42 }
    const cursor = encodeCursor(key)
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(cursor)).toEqual(key)
  })

  it('rejects what it did not issue with VALIDATION_FAILED', () => {
    for (const bad of ['x', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1.5,2]').toString('base64url'), Buffer.from('[-1,2]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', statusCode: 400 }))
    }
  })

  it('gives a next cursor only when a row beyond the page was fetched', () => {
    const rows = [3, 2, 1].map((id) => ({ receivedAt: new Date(id * 1000), id }))
    expect(pageOf(rows, 3)).toEqual({ rows, nextCursor: null })
    const { rows: page, nextCursor } = pageOf(rows, 2)
    expect(page.map((r) => r.id)).toEqual([3, 2])
    expect(decodeCursor(nextCursor!)).toEqual({ receivedAt: new Date(2000), id: 2 })
  })
})
