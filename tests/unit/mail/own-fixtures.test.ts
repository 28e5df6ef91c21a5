// The project's own synthetic fixtures (tests/fixtures/mail, written by generate.py): charsets,
// RFC 2047/2231, other wordings and languages, quoted replies, forwarded copies, new end markers,
// HTML-only bodies, look-alikes, failed authentication, own replies, unrelated and malformed mail.
import { describe, expect, it } from 'vitest'
import { analyzeMail } from '@sellerinbox/server/mail/analyze'
import { labelMismatches, loadLabels, readFixture } from './fixture-labels'

const FOLDER = 'mail'
const labels = loadLabels(FOLDER)

describe('own mail fixtures', () => {
  it('covers at least 40 messages', () => {
    expect(labels.length).toBeGreaterThanOrEqual(40)
  })

  it.each(labels.map((label) => [label.file, label] as const))('%s matches its label', async (_file, label) => {
    const mail = await analyzeMail(readFixture(FOLDER, label.file))
    expect(labelMismatches(label, mail)).toEqual([])
  })
})
