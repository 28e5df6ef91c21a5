import { describe, expect, it } from 'vitest'
import { asinFrom, orderIdFromBody, orderIdFromSubject, orderIdsIn, productFrom } from '@sellerinbox/server/mail/extract/order'

describe('order ids', () => {
  it('reads the subject', () => {
    expect(orderIdFromSubject('Inquiry from Amazon customer Dana (Order: 113-0315214-6019291)')).toBe('113-0315214-6019291')
    expect(orderIdFromSubject('Inquiry about 1113-0315214-6019291')).toBeNull()
  })

  it('prefers the order line over numbers the buyer mentions earlier', () => {
    const text = 'My old order 111-1111111-1111111 was fine.\n# 405-9132853-2534153:\n1 / Lamp [ASIN: B061H4RTDD]'
    expect(orderIdFromBody(text)).toBe('405-9132853-2534153')
  })

  it.each([
    ['Order ID 113-0315214-6019291:', '113-0315214-6019291'],
    ['Bestellnummer: 302-8157746-2838842', '302-8157746-2838842'],
    ['Commande n° 403-9644675-7285540 :', '403-9644675-7285540'],
    ['注文番号: 250-1534025-3069208', '250-1534025-3069208'],
    ['Ordine n. 402-8408003-4424766:', '402-8408003-4424766'],
    ['ID ordine: 404-6707103-0899999', '404-6707103-0899999'],
  ])('reads the order line %s', (line, id) => {
    expect(orderIdFromBody(`Hello\n${line}\nrest`)).toBe(id)
  })

  it('falls back to the first id anywhere and lists distinct ids', () => {
    expect(orderIdFromBody('about order 702-6037293-0245260 please')).toBe('702-6037293-0245260')
    expect(orderIdsIn('a 111-1111111-1111111 b 111-1111111-1111111 c 222-2222222-2222222')).toEqual(['111-1111111-1111111', '222-2222222-2222222'])
  })
})

describe('asinFrom', () => {
  it('prefers a labelled ASIN, then the table column, then /dp/ links, then a bare B0 token', () => {
    expect(asinFrom('1 / Lamp | SKU [ASIN: B061H4RTDD] see B0ZZZZZZZZ', '')).toBe('B061H4RTDD')
    expect(asinFrom('Articolo | ASIN | Sku\nSet | B0MQ4FKT2U | LC', '')).toBe('B0MQ4FKT2U')
    expect(asinFrom('#ASIN商品 1B0WP4KJ0BA軽量', '<a href="https://www.amazon.co.jp/dp/B0WP4KJ0BA">x</a>')).toBe('B0WP4KJ0BA')
    expect(asinFrom('1 | B0QMPRPY53 | Board', '')).toBe('B0QMPRPY53')
    expect(asinFrom('no product here', '')).toBeNull()
  })
})

describe('productFrom', () => {
  it.each([
    ['1 / Lampada da scrivania LED | LC-LMP-02 [ASIN: B061H4RTDD]', 'Lampada da scrivania LED', 1],
    ['1 of Stainless Steel Pour-Over Kettle, 1 Liter [ASIN: B0E1JCL4ES]', 'Stainless Steel Pour-Over Kettle, 1 Liter', 1],
    ['2 von Gusseisen-Bräter oval [ASIN: B0LKH8SSCM]', 'Gusseisen-Bräter oval', 2],
    ['1 x 真空断熱ステンレスポット 1.0L [ASIN: B0527BB0JX]', '真空断熱ステンレスポット 1.0L', 1],
    ['Cast Iron Grill Press, 8 inch [ASIN: B07NLHGXNZ]', 'Cast Iron Grill Press, 8 inch', null],
    ['Item: Linen Tea Towels, Set of 4, Oat (ASIN: B08TU7XF7E)', 'Linen Tea Towels, Set of 4, Oat', null],
    ['1 | B0QMPRPY53 | Bamboo Cutting Board Set of 3', 'Bamboo Cutting Board Set of 3', 1],
    ['Item: Silicone Baking Mat\nASIN: B08LCFBUQ3\nQuantity: 3', 'Silicone Baking Mat', 3],
  ])('reads %s', (text, title, quantity) => {
    expect(productFrom(text)).toEqual({ title, quantity })
  })

  it('reads title and quantity columns of an item table', () => {
    expect(productFrom('Article | ASIN | SKU | Quantité\nApplique | B0FRRETURN | AL | 2')).toEqual({ title: 'Applique', quantity: 2 })
  })
})
