import { describe, expect, it } from 'vitest'
import { buyerMessageText, questionText, returnCommentText, textBetweenMarkers, tidy } from '@sellerinbox/server/mail/extract/buyer-text'

const FOOTER = '\n\nWas this email helpful?\nhttps://sellercentral.amazon.com/gp/satisfaction/survey-form.html\n\nCopyright 2025 Amazon, Inc.'

describe('textBetweenMarkers', () => {
  it('takes the words between a known pair', () => {
    const text = 'x\n------------- Begin message -------------\n\nHello\n\n------------- End message -------------' + FOOTER
    expect(tidy(textBetweenMarkers(text) ?? '')).toBe('Hello')
  })

  it('stops at an unknown end marker', () => {
    const text = '------------- Wiadomość: -------------\nDzień dobry\n------------- Koniec treści -------------\nstopka'
    expect(tidy(textBetweenMarkers(text) ?? '')).toBe('Dzień dobry')
  })

  it('falls back to the footer when the end marker is missing', () => {
    const text = '------------- Message: -------------\nHello there' + FOOTER
    expect(tidy(textBetweenMarkers(text) ?? '')).toBe('Hello there')
  })

  it('is undefined without any marker line', () => {
    expect(textBetweenMarkers('no markers here')).toBeUndefined()
  })
})

describe('buyerMessageText', () => {
  it('uses the single <pre> block when the text has no markers', () => {
    expect(buyerMessageText('banner only', '<table><tr><td>x</td></tr></table><pre>Hello &amp; thanks</pre>')).toBe('Hello & thanks')
  })

  it('cuts a marker-less body at the footer and drops the preamble', () => {
    const text = 'You have received a message.\n\n# 112-2134843-2153105:\n1 / Carafe | PK [ASIN: B07Y9N0LCC]\n\nIs it glass?' + FOOTER
    expect(buyerMessageText(text, '')).toBe('Is it glass?')
  })

  it('strips quoted history inside the markers', () => {
    const text = '------------- Message: -------------\nThanks!\n\nOn Tue, 4 Nov 2025 at 16:02, Shop <a@marketplace.amazon.co.uk> wrote:\n> We sent it.\n------------- End message -------------'
    expect(buyerMessageText(text, '')).toBe('Thanks!')
  })

  it('is null for a photo-only message', () => {
    expect(buyerMessageText('------------- Nachricht: -------------\n\n\n------------- Ende der Nachricht -------------', '')).toBeNull()
  })
})

describe('questionText', () => {
  it('reads the question block and strips quotes', () => {
    expect(questionText('Question:\n"Does it fit?"\n\nAnswer this question:\nhttps://x')).toBe('Does it fit?')
    expect(questionText('質問:\n「オーブンで使えますか？」\n\nこの質問に回答する:')).toBe('オーブンで使えますか？')
    expect(questionText('Frage: Ist es rostfrei?')).toBe('Ist es rostfrei?')
    expect(questionText('no question here')).toBeNull()
  })
})

describe('returnCommentText', () => {
  it('reads the comment column of any width and the labelled line', () => {
    expect(returnCommentText('Articolo | ASIN | Sku | Quantità | Motivo | Commento del cliente\nBollitore | B0EFTM0N50 | S | 1 | Difettoso | La base si è crepata.')).toBe('La base si è crepata.')
    expect(returnCommentText('Customer comments: The handle came loose.')).toBe('The handle came loose.')
    expect(returnCommentText('Order ID: 1')).toBeNull()
  })
})
