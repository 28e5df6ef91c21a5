import { describe, expect, it } from 'vitest'
import { detectLanguage } from '@sellerinbox/server/mail/extract/language'

describe('detectLanguage', () => {
  it.each([
    ['en', 'Hi there, the kettle I ordered was supposed to arrive on Friday but it has not moved since Tuesday.'],
    ['de', 'Guten Tag, der Bräter ist heute angekommen, leider ist die Emaille an zwei Stellen abgeplatzt.'],
    ['fr', "Bonjour, je voudrais savoir si la guirlande peut être utilisée en extérieur sous un abri."],
    ['it', 'Buongiorno, ho ricevuto ieri la lampada ma quando la accendo la luce sfarfalla di continuo.'],
    ['es', 'Hola, me ha llegado el juego de llaves pero falta la de 6 mm. ¿Me la podéis enviar?'],
    ['pt', 'Olá, boa tarde. Comprei a cafeteira e queria saber se ela funciona em fogão de indução.'],
    ['nl', 'Goedemiddag, ik heb deze braadpan besteld voor ons bedrijf. Kunt u mij een factuur sturen?'],
    ['sv', 'Hej! Jag fick fel färg på handdukarna. Kan ni skicka rätt färg? Tack på förhand.'],
    ['pl', 'Dzień dobry, zamówienie przyszło uszkodzone. Czy mogę prosić o wymianę? Pozdrawiam'],
    ['tr', 'Merhaba, sipariş ettiğim ürün bir haftadır kargoda. Teşekkür ederim.'],
    ['ja', 'お世話になっております。先週注文した保温ポットがまだ届いておりません。'],
    ['zh', '你好，我收到的锅盖有裂痕，请问可以换一个新的吗？'],
    ['ko', '안녕하세요, 주문한 상품이 아직 도착하지 않았습니다.'],
    ['ru', 'Здравствуйте, заказ пришёл без инструкции.'],
  ])('%s', (language, text) => {
    expect(detectLanguage(text)).toBe(language)
  })

  it('prefers the buyer’s French over an English template word or two', () => {
    expect(detectLanguage("Bonjour, j'ai commandé des bas en taille L mais j'ai reçu des M. Est-ce que je peux les échanger? Thanks")).toBe('fr')
  })

  it('takes Japanese with kanji-only names and an English copyright line', () => {
    expect(detectLanguage('佐藤\nご参考: メッセージは2年間保存されます。\nCopyright 2020 Amazon, Inc. or its affiliates. All rights reserved.')).toBe('ja')
  })

  it('ignores URLs and addresses (amazon.de is not German, amazon.it is not English)', () => {
    expect(detectLanguage('https://sellercentral.amazon.it/x?de=1 a@marketplace.amazon.de')).toBeNull()
  })

  it('returns null for no words and for binary noise', () => {
    expect(detectLanguage('')).toBeNull()
    expect(detectLanguage('12345 !!! ---')).toBeNull()
    const noise = Buffer.from(Array.from({ length: 800 }, (_, i) => (i * 7919 + 13) % 256)).toString('latin1')
    expect(detectLanguage(noise)).toBeNull()
  })
})
