// The shared Amazon fixture set (copied into tests/fixtures/amazon-mail so CI needs nothing outside
// the repo) must be classified exactly as labelled — also when a forwarding rule has stripped
// the X-Space-Notification-Type and X-Marketplace-ID headers.
import { describe, expect, it } from 'vitest'
import { analyzeMail } from '@sellerinbox/server/mail/analyze'
import { labelMismatches, loadLabels, readFixture } from './fixture-labels'

const FOLDER = 'amazon-mail'
const labels = loadLabels(FOLDER)

function withoutAmazonHeaders(raw: Buffer): Buffer {
  const text = raw.toString('latin1')
  const end = text.indexOf('\r\n\r\n')
  const head = text.slice(0, end).replace(/\r\n(?:X-Space-Notification-Type|X-Marketplace-ID):[^\r]*(?:\r\n[ \t][^\r]*)*/gi, '')
  return Buffer.from(head + text.slice(end), 'latin1')
}

describe('shared Amazon fixtures', () => {
  it('has all 36 labelled fixtures', () => {
    expect(labels).toHaveLength(36)
  })

  it.each(labels.map((label) => [label.file, label] as const))('%s matches its label', async (_file, label) => {
    const mail = await analyzeMail(readFixture(FOLDER, label.file))
    expect(labelMismatches(label, mail)).toEqual([])
  })

  it.each(labels.map((label) => [label.file, label] as const))('%s matches its label without the Amazon type and marketplace headers', async (_file, label) => {
    const mail = await analyzeMail(withoutAmazonHeaders(readFixture(FOLDER, label.file)))
    expect(labelMismatches(label, mail)).toEqual([])
  })
})
