// analyzeMail never throws and keeps going: generated hostile inputs (200-level nested multipart,
// a 25 MB message, every fixture truncated and bit-flipped) must come back as an analysis.
import { describe, expect, it } from 'vitest'
import { analyzeMail } from '@sellerinbox/server/mail/analyze'
import { loadLabels, readFixture } from './fixture-labels'

function nestedMultipart(depth: number): Buffer {
  let head = 'From: Deep <deep@nest.example>\r\nSubject: nested\r\nMIME-Version: 1.0\r\n'
  let body = ''
  for (let i = 0; i < depth; i++) {
    const type = `Content-Type: multipart/mixed; boundary="b${i}"\r\n`
    if (i === 0) head += type + '\r\n'
    else body += type + '\r\n'
    body += `--b${i}\r\n`
  }
  body += 'Content-Type: text/plain; charset=UTF-8\r\n\r\nthe innermost words\r\n'
  for (let i = depth - 1; i >= 0; i--) body += `--b${i}--\r\n`
  return Buffer.from(head + body)
}

function largeMessage(bytes: number): Buffer {
  const attachment = Buffer.alloc(Math.floor((bytes * 3) / 4), 0x5a).toString('base64').replace(/.{76}/g, '$&\r\n')
  return Buffer.from(
    'From: Big <big@sender.example>\r\nSubject: large attachment\r\nMIME-Version: 1.0\r\n' +
      'Content-Type: multipart/mixed; boundary="big"\r\n\r\n--big\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n' +
      '--big\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="big.bin"\r\n' +
      `Content-Transfer-Encoding: base64\r\n\r\n${attachment}\r\n--big--\r\n`,
  )
}

describe('malformed and hostile input', () => {
  it('parses a 200-level nested multipart and finds the innermost text', async () => {
    const mail = await analyzeMail(nestedMultipart(200))
    expect(mail.text).toContain('the innermost words')
    expect(mail.subject).toBe('nested')
  })

  it('analyses a 25 MB message', async () => {
    const raw = largeMessage(25 * 1024 * 1024)
    expect(raw.length).toBeGreaterThan(25 * 1024 * 1024)
    const mail = await analyzeMail(raw)
    expect(mail.parseError).toBeNull()
    expect(mail.attachments[0]?.filename).toBe('big.bin')
    expect(mail.attachments[0]?.size).toBeGreaterThan(18 * 1024 * 1024)
    expect(mail.classification.kind).toBe('other')
  }, 60_000)

  it('reports an empty message as a parse error', async () => {
    const mail = await analyzeMail(Buffer.alloc(0))
    expect(mail.parseError).toBe('empty message')
    expect(mail.classification).toMatchObject({ category: 'amazon', kind: 'other', language: null })
  })

  it('keeps the headers of a multipart message without a boundary', async () => {
    const raw = Buffer.from(
      'From: Amazon.com <donotreply@amazon.com>\r\nSubject: Refund Initiated for Order 113-9494559-2370313\r\n' +
        'X-Space-Notification-Type: REFUND_ISSUED\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\n\r\nbody\r\n--x--\r\n',
    )
    const mail = await analyzeMail(raw)
    expect(mail.parseError).toMatch(/boundary/)
    expect(mail.subject).toBe('Refund Initiated for Order 113-9494559-2370313')
    expect(mail.classification).toMatchObject({ kind: 'refund_issued', orderId: '113-9494559-2370313' })
  })

  // Regression: lazy and adjacent quantifiers (/[ \t]*\|?[ \t]*/, /<!--[\s\S]*?-->/, /[ \t]+\n/) once
  // took 5 to 50 seconds on such bodies. The time limit of this test is the bound; no timing is asserted.
  it('stays linear on bodies built to make regular expressions backtrack', async () => {
    const head = 'Subject: x\r\nFrom: a <abcdefghijklmno@marketplace.amazon.com>\r\n'
    const text = ['    '.repeat(1500) + 'x\n', '---- x ' + '-'.repeat(3000) + ' \n', 'Item: x' + ' '.repeat(3000) + '\n', '2025/11/04 ' + '@'.repeat(3000) + '\n']
    const html = ['<!--', '<pre>', '</td>', '&nbsp;', '<div/>', '<div><p>x</p>', '<a<br<p ']
    for (const unit of text) await analyzeMail(Buffer.from(`${head}\r\n${unit.repeat(Math.ceil(400_000 / unit.length))}`))
    for (const unit of html) {
      const mail = await analyzeMail(Buffer.from(`${head}Content-Type: text/html\r\n\r\n${unit.repeat(Math.ceil(400_000 / unit.length))}x`))
      expect(mail.parseError).toBeNull()
    }
  }, 30_000)

  it('survives every fixture truncated at many points and with flipped bytes', async () => {
    const raws = [
      ...loadLabels('amazon-mail').map((l) => readFixture('amazon-mail', l.file)),
      ...loadLabels('mail').map((l) => readFixture('mail', l.file)),
    ]
    let analysed = 0
    for (const raw of raws) {
      for (const fraction of [0.05, 0.3, 0.5, 0.9]) {
        const cut = raw.subarray(0, Math.floor(raw.length * fraction))
        await expect(analyzeMail(cut)).resolves.toHaveProperty('classification')
        const flipped = Buffer.from(cut)
        for (let i = 7; i < flipped.length; i += 97) flipped[i] = (flipped[i] ?? 0) ^ 0xa5
        await expect(analyzeMail(flipped)).resolves.toHaveProperty('classification')
        analysed += 2
      }
    }
    expect(analysed).toBe(raws.length * 8)
  }, 60_000)
})
