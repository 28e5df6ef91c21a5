import { describe, expect, it } from 'vitest'
import { decodeHeaderBytes, headerValue, headerValues, readRawHeaders } from '@sellerinbox/server/mail/parse/raw-headers'

describe('readRawHeaders', () => {
  it('unfolds headers and keeps repeated ones apart', () => {
    const raw = Buffer.from('Delivered-To: a@x.test\r\nDelivered-To: b@x.test\r\nSubject: one\r\n two\r\n\r\nbody')
    const headers = readRawHeaders(raw)
    expect(headerValues(headers, 'delivered-to')).toEqual(['a@x.test', 'b@x.test'])
    expect(headerValue(headers, 'subject')).toBe('one two')
    expect(raw.subarray(headers.bodyOffset).toString()).toBe('body')
    expect(headers.found).toBe(true)
  })

  it('accepts bare LF line endings', () => {
    const headers = readRawHeaders(Buffer.from('From: a@x.test\nTo: b@x.test\n\nbody'))
    expect(headerValue(headers, 'to')).toBe('b@x.test')
  })

  it('reads raw Latin-1 header bytes as Windows-1252 and raw UTF-8 as UTF-8', () => {
    const raw = Buffer.concat([Buffer.from('From: J'), Buffer.from([0xfc]), Buffer.from('rgen <j@x.test>\r\nSubject: '), Buffer.from('Bräter 日本', 'utf8'), Buffer.from('\r\n\r\n')])
    const headers = readRawHeaders(raw)
    expect(headerValue(headers, 'from')).toBe('Jürgen <j@x.test>')
    expect(headerValue(headers, 'subject')).toBe('Bräter 日本')
  })

  it('finds no headers in a message that starts with a blank line or in binary noise', () => {
    expect(readRawHeaders(Buffer.from('\r\nhello')).found).toBe(false)
    expect(readRawHeaders(Buffer.from([0, 1, 2, 255, 10, 10])).found).toBe(false)
    expect(readRawHeaders(Buffer.alloc(0)).found).toBe(false)
  })

  it('skips an mbox "From " line', () => {
    const headers = readRawHeaders(Buffer.from('From sender@x.test Mon Nov 17 09:00:00 2025\r\nSubject: s\r\n\r\n'))
    expect([...headers.values.keys()]).toEqual(['subject'])
  })
})

describe('decodeHeaderBytes', () => {
  it('decodes Windows-1252 only on the lines that are not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('a: é\n', 'utf8'), Buffer.from([0x62, 0x3a, 0x20, 0x80])])
    expect(decodeHeaderBytes(bytes)).toBe('a: é\nb: €')
  })
})
