import { describe, expect, it } from 'vitest'
import { stripQuotedHistory } from '@sellerinbox/server/mail/extract/quotes'

describe('stripQuotedHistory', () => {
  it.each([
    ['English', 'On Tue, 4 Nov 2025 at 16:02, Shop <a@x.test> wrote:'],
    ['English wrapped', 'On Tue, 4 Nov 2025 at 16:02, Kettlewick Home\n<i9kzzirmggphvq0@marketplace.amazon.co.uk> wrote:'],
    ['German', 'Am Di., 4. Nov. 2025 um 16:02 Uhr schrieb Shop <a@x.test>:'],
    ['French', 'Le mar. 4 nov. 2025 à 16:02, Shop <a@x.test> a écrit :'],
    ['Spanish', 'El mar, 4 nov 2025 a las 16:02, Shop (<a@x.test>) escribió:'],
    ['Italian', 'Il giorno mar 4 nov 2025 alle ore 16:02 Shop <a@x.test> ha scritto:'],
    ['Portuguese', 'Em ter., 4 de nov. de 2025 às 16:02, Shop <a@x.test> escreveu:'],
    ['Dutch', 'Op di 4 nov. 2025 om 16:02 schreef Shop <a@x.test>:'],
    ['Polish', 'W dniu 4.11.2025 o 16:02 Shop <a@x.test> napisał(a):'],
    ['Swedish', 'Den 4 nov 2025 kl. 16:02 skrev Shop <a@x.test>:'],
    ['Turkish', '4 Kas 2025 Sal, 16:02 tarihinde Shop <a@x.test> şunu yazdı:'],
    ['Japanese Apple Mail', '2025/11/04 16:02、Shop のメッセージ:'],
    ['Japanese Gmail', '2025年11月4日(火) 16:02 Shop <a@x.test>:'],
    ['Chinese', '在 2025年11月4日 16:02，Shop <a@x.test> 写道：'],
    ['Outlook separator', '-----Original Message-----\nFrom: Shop'],
    ['German Outlook separator', '-----Ursprüngliche Nachricht-----'],
    ['Outlook header block', 'From: Shop <a@x.test>\nSent: Tuesday, 4 November 2025 16:02\nTo: Buyer'],
    ['Italian Outlook header block', 'Da: Shop <a@x.test>\nInviato: martedì 4 novembre 2025 16:02'],
    ['Outlook rule', '________________________________\nFrom: Shop <a@x.test>'],
  ])('removes a %s quote', (_name, header) => {
    const text = `Thanks, it arrived.\n\n${header}\n> We shipped it today.\n> Regards`
    expect(stripQuotedHistory(text)).toBe('Thanks, it arrived.')
  })

  it('removes a trailing block of > lines without an attribution', () => {
    expect(stripQuotedHistory('Fine now.\n\n> old text\n>\n> more')).toBe('Fine now.')
  })

  it('keeps a buyer sentence that merely ends in "wrote:" and inline > characters', () => {
    const text = 'My friend wrote:\nit is great\n5 > 3 is true'
    expect(stripQuotedHistory(text)).toBe(text)
  })

  it('does not swallow the line above a wrapped attribution', () => {
    expect(stripQuotedHistory('I ordered 2 items.\nOn Tue, 4 Nov 2025 at 16:02, Shop\n<a@x.test> wrote:\n> x')).toBe('I ordered 2 items.')
  })
})
