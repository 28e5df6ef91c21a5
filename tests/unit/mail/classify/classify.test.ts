import { describe, expect, it } from 'vitest'
import { classifyMail, wrapLongLines } from '@sellerinbox/server/mail/classify/classify'
import { address, buildView } from '../factories'

describe('classifyMail', () => {
  it('extracts everything from a buyer message', () => {
    const text =
      'You have received a message.\n\n# 405-9132853-2534153:\n1 / Lampada LED | LC-02 [ASIN: B061H4RTDD]\n\n' +
      '------------- Messaggio: -------------\n\nBuongiorno, la luce sfarfalla di continuo. Grazie\n\n------------- Fine messaggio -------------\n\n' +
      'Questa e-mail è stata utile?\nhttps://sellercentral.amazon.it/gp/satisfaction/survey-form.html?customAttribute1Value=BBC_MESSAGE_SENT_TO_MERCHANT&mp=APJ6JRA9NG5V4'
    const result = classifyMail(buildView({ subject: 'Richiesta di informazioni dal cliente Amazon Chiara', from: address('wax0ecyjlc6zxxe@marketplace.amazon.it', 'Chiara'), text }))
    expect(result).toEqual({
      category: 'buyer_message',
      kind: 'buyer_message',
      orderId: '405-9132853-2534153',
      asin: 'B061H4RTDD',
      marketplace: 'IT',
      replyTo: 'wax0ecyjlc6zxxe@marketplace.amazon.it',
      buyerName: 'Chiara',
      buyerText: 'Buongiorno, la luce sfarfalla di continuo. Grazie',
      language: 'it',
      suspicious: false,
      productTitle: 'Lampada LED',
      quantity: 1,
    })
  })

  it('keeps nothing linkable from forged mail', () => {
    const result = classifyMail(
      buildView({
        subject: 'Inquiry from Amazon customer Rosa (Order: 112-2134843-2153105)',
        from: address('8l60y2c7te6vlru@marketplace.amazon.com.example-verify.net', 'Rosa'),
        headerList: { 'x-space-notification-type': ['BBC_MESSAGE_SENT_TO_MERCHANT'] },
        text: 'Hi, my order 112-2134843-2153105 [ASIN: B07Y9N0LCC] never arrived.',
      }),
    )
    expect(result).toMatchObject({ category: 'amazon', kind: 'other', suspicious: true, orderId: null, asin: null, marketplace: null, replyTo: null, buyerText: null, buyerName: null, language: 'en' })
  })

  it('never answers Amazon notices, even when their body names a relay', () => {
    const result = classifyMail(
      buildView({
        subject: 'Your message to the buyer was not delivered',
        from: address('auto-communication@amazon.com', 'Amazon.it'),
        text: 'The buyer opted out. Write to 9suy28w4wvdnx1k@marketplace.amazon.it with [Importante].',
      }),
    )
    expect(result).toMatchObject({ kind: 'buyer_opt_out', replyTo: null, marketplace: 'IT' })
  })

  it('gives non-Amazon mail no marketplace', () => {
    expect(classifyMail(buildView({ from: address('news@parcel.example', 'Parcel'), text: 'Ship with us to amazon.de customers.' })).marketplace).toBeNull()
  })
})

describe('wrapLongLines', () => {
  it('breaks overlong lines at blanks only, so collapsed whitespace is unchanged', () => {
    const long = Array.from({ length: 1000 }, (_, i) => `word${i}`).join(' ')
    const wrapped = wrapLongLines(`short\n${long}`)
    expect(wrapped.split('\n').every((line) => line.length <= 2000)).toBe(true)
    expect(wrapped.replace(/\s+/g, ' ')).toBe(`short ${long}`)
  })

  it('returns normal text untouched', () => {
    const text = 'a\nb c'
    expect(wrapLongLines(text)).toBe(text)
  })
})
