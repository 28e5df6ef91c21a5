// Loads a fixture folder (.eml files + labels.json) and compares an analysed message with its label.
// Label format: tests/fixtures/amazon-mail/README.md; the project's own fixtures add optional keys
// (buyerName, productTitle, quantity, parseError, subject, attachments, html…, spcDeliveryId, …).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AnalyzedMail } from '@sellerinbox/server/mail/types'

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures')

export interface FixtureLabel {
  file: string
  category: string
  kind: string
  orderId: string | null
  asin: string | null
  marketplace: string | null
  replyTo: string | null
  buyerTextIncludes: string | null
  buyerTextExcludes: string[]
  suspicious: boolean
  language: string | null
  buyerName?: string | null
  productTitle?: string | null
  quantity?: number | null
  parseError?: boolean
  subject?: string
  spcDeliveryId?: string
  inReplyTo?: string
  references?: string[]
  attachments?: { filename?: string; contentType?: string; size?: number }[]
  htmlIncludes?: string[]
  htmlExcludes?: string[]
}

export function loadLabels(folder: string): FixtureLabel[] {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, folder, 'labels.json'), 'utf8')) as FixtureLabel[]
}

export function readFixture(folder: string, file: string): Buffer {
  return readFileSync(join(FIXTURES_DIR, folder, file))
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ')

const CLASSIFICATION_KEYS = ['category', 'kind', 'orderId', 'asin', 'marketplace', 'replyTo', 'suspicious', 'language'] as const
const OPTIONAL_KEYS = ['buyerName', 'productTitle', 'quantity'] as const

/** Every way the analysis differs from the label, as readable lines; [] when it matches. */
export function labelMismatches(label: FixtureLabel, mail: AnalyzedMail): string[] {
  const c = mail.classification
  const problems: string[] = []
  const expect = (what: string, actual: unknown, expected: unknown): void => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${what}: got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`)
  }
  for (const key of CLASSIFICATION_KEYS) expect(key, c[key], label[key])
  for (const key of OPTIONAL_KEYS) if (key in label) expect(key, c[key], label[key])

  // README: the check collapses whitespace and is case-sensitive; no buyer words means no buyer text.
  const buyerText = collapse(c.buyerText ?? '')
  if (label.buyerTextIncludes === null) expect('buyerText', c.buyerText, null)
  else if (!buyerText.includes(collapse(label.buyerTextIncludes))) problems.push(`buyerText lacks ${JSON.stringify(label.buyerTextIncludes)}: ${JSON.stringify(buyerText)}`)
  for (const excluded of label.buyerTextExcludes) {
    if (buyerText.includes(collapse(excluded))) problems.push(`buyerText contains ${JSON.stringify(excluded)}`)
  }

  if (label.parseError !== undefined) expect('parseError set', mail.parseError !== null, label.parseError)
  if (label.subject !== undefined) expect('subject', mail.subject, label.subject)
  if (label.spcDeliveryId !== undefined) expect('spcDeliveryId', mail.spcDeliveryId, label.spcDeliveryId)
  if (label.inReplyTo !== undefined) expect('inReplyTo', mail.inReplyTo, label.inReplyTo)
  if (label.references !== undefined) expect('references', mail.references, label.references)
  label.attachments?.forEach((want, i) => {
    const got = mail.attachments[i]
    for (const key of Object.keys(want) as (keyof typeof want)[]) expect(`attachments[${i}].${key}`, got?.[key], want[key])
  })
  for (const fragment of label.htmlIncludes ?? []) if (!(mail.html ?? '').includes(fragment)) problems.push(`html lacks ${fragment}`)
  for (const fragment of label.htmlExcludes ?? []) if ((mail.html ?? '').includes(fragment)) problems.push(`html contains ${fragment}`)
  return problems
}
