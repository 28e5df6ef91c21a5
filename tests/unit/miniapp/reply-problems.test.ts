// The reply box shows the server's REPLY_POLICY_VIOLATION details the way it shows its own live check:
// the details (path `body@start-end` | `attachments/<name>` | code, message `<CODE>: text`) turn back
// into problems with their spans, and excerpts mark the offending text in its place.
import { describe, expect, it } from 'vitest'
import { checkReply } from '@sellerinbox/shared/domain/reply-policy'
import { excerptOf, problemsFromServer } from '../../../miniapp/src/components/reply-box/problems'

describe('problemsFromServer', () => {
  it('restores codes, body spans with their text, attachment names and whole-reply problems', () => {
    const body = 'Please leave a review at www.example.com'
    const problems = problemsFromServer(
      [
        { path: 'body@15-21', message: 'FORBIDDEN_WORD: Rephrase without "review": it is not allowed in messages to buyers' },
        { path: 'body@25-40', message: 'LINK: Remove the link "www.example.com": Amazon does not allow links or web addresses in messages' },
        { path: 'attachments/run.pdf', message: 'ATTACHMENT_TYPE: "run.pdf" is not a txt, pdf, doc, docx, jpg, gif or png file' },
        { path: 'BLACKLISTED_BUYER', message: 'BLACKLISTED_BUYER: This buyer or order is on your blacklist; remove it from the blacklist to reply' },
      ],
      body,
    )
    expect(problems.map(({ code, start, end, text }) => ({ code, start, end, text }))).toEqual([
      { code: 'FORBIDDEN_WORD', start: 15, end: 21, text: 'review' },
      { code: 'LINK', start: 25, end: 40, text: 'www.example.com' },
      { code: 'ATTACHMENT_TYPE', start: undefined, end: undefined, text: 'run.pdf' },
      { code: 'BLACKLISTED_BUYER', start: undefined, end: undefined, text: undefined },
    ])
    expect(problems[1]!.message).toBe('Remove the link "www.example.com": Amazon does not allow links or web addresses in messages')
  })

  it('agrees with the shared checker on the spans the server reports', () => {
    const body = 'Call +1 555 123 4567 about order 123-1234567-1234567'
    const [phone] = checkReply({ body })
    const [parsed] = problemsFromServer([{ path: `body@${phone!.start}-${phone!.end}`, message: `${phone!.code}: ${phone!.message}` }], body)
    expect(parsed).toEqual(phone)
  })
})

describe('excerptOf', () => {
  it('keeps a few characters either side and marks where the body was cut', () => {
    const body = 'Thank you for your order. Track it at www.example.com and write back any time.'
    const start = body.indexOf('www')
    expect(excerptOf(body, start, start + 'www.example.com'.length, 10)).toEqual({ before: '…ack it at ', match: 'www.example.com', after: ' and write…' })
    expect(excerptOf('review', 0, 6)).toEqual({ before: '', match: 'review', after: '' })
  })
})
