// The order panel reads refund amounts, return reasons and claim states from Amazon's notices
// (texts as the fixtures carry them) and leaves a value null unless a known label says it.
import { describe, expect, it } from 'vitest'
import { orderFactsOf, orderPanelOf, refundAmountOf, returnReasonOf, type OrderMail } from '@sellerinbox/server/modules/messages/order-panel'

const mail = (fields: Partial<OrderMail>): OrderMail => ({ kind: 'buyer_message', asin: null, productTitle: null, quantity: null, bodyText: null, ...fields })

describe('refund amount', () => {
  it('reads the amount of the refund sentence in several languages', () => {
    expect(refundAmountOf("Dear Pinecrest,\n\nWe've initiated a refund of USD 27.49 to Marcus for the following item:\n\nItem price refund: USD 24.99")).toBe('USD 27.49')
    expect(refundAmountOf('abbiamo avviato un rimborso di EUR 64.90 a giorgia per gli articoli seguenti:')).toBe('EUR 64.90')
    expect(refundAmountOf('wir haben eine Erstattung über EUR 19,99 an Uwe veranlasst.')).toBe('EUR 19,99')
    expect(refundAmountOf('ご注文の返金 ￥1,980 を処理しました。')).toBe('￥1,980')
  })

  it('says nothing when no refund sentence carries an amount', () => {
    expect(refundAmountOf('We have received an A-to-z Guarantee claim for $54.99 on order 112-2225181-4816066.')).toBeNull()
    expect(refundAmountOf('Your refund request is being reviewed.')).toBeNull()
  })
})

describe('return reason', () => {
  it('reads a labelled line', () => {
    expect(returnReasonOf('Order ID: 111-1\nReturn reason: Item defective\nComments: none')).toBe('Item defective')
    expect(returnReasonOf('Refund reason: Customer return')).toBe('Customer return')
  })

  it('reads the reason column of a pipe table', () => {
    const text = [
      "Articolo presente nell'ordine | ASIN | Sku | Quantità reso | Motivo del reso | Commento del cliente",
      'Bollitore elettrico | B0EFTM0N50 | LC-BOL-17 | 1 | Articolo difettoso o non funzionante | La base si è crepata',
    ].join('\n')
    expect(returnReasonOf(text)).toBe('Articolo difettoso o non funzionante')
    expect(returnReasonOf('Article | ASIN | SKU | Quantité | Motif du retour\nApplique | B0F | AL | 1 | Article défectueux')).toBe('Article défectueux')
  })

  it('is null otherwise', () => {
    expect(returnReasonOf('Please return the item within 30 days.')).toBeNull()
  })
})

describe('what one mail says about its order', () => {
  it('reads amounts and reasons from refund and return notices, states from claim kinds', () => {
    const refund = 'wir haben eine Erstattung über EUR 19,99 an Uwe veranlasst.\nErstattungsgrund: Artikel beschädigt'
    expect(orderFactsOf(mail({ kind: 'refund_issued', bodyText: refund }))).toEqual({
      asin: null,
      productTitle: null,
      quantity: null,
      refundAmount: 'EUR 19,99',
      returnReason: 'Artikel beschädigt',
      claimState: null,
    })
    expect(orderFactsOf(mail({ kind: 'return_request', bodyText: 'Return reason: Item defective\nRefund of USD 5.00 pending' }))).toMatchObject({
      refundAmount: null,
      returnReason: 'Item defective',
    })
    expect(orderFactsOf(mail({ kind: 'atoz_claim_decision' })).claimState).toBe('decided')
    expect(orderFactsOf(mail({ kind: 'chargeback' })).claimState).toBe('chargeback')
    expect(orderFactsOf(mail({ asin: 'B0DEREFUND', productTitle: 'Glas Wasserkocher', quantity: 2 }))).toMatchObject({
      asin: 'B0DEREFUND',
      productTitle: 'Glas Wasserkocher',
      quantity: 2,
    })
  })

  it("does not read a buyer's words as a notice, nor a notice past its first 8,000 characters", () => {
    expect(orderFactsOf(mail({ kind: 'buyer_message', bodyText: 'Please refund USD 27.49\nReturn reason: broken' }))).toMatchObject({
      refundAmount: null,
      returnReason: null,
    })
    const late = `${'x'.repeat(8000)}\nWe've initiated a refund of USD 27.49`
    expect(orderFactsOf(mail({ kind: 'refund_issued', bodyText: late })).refundAmount).toBeNull()
  })
})

describe('order panel', () => {
  it('shows the facts and links the order in its marketplace\'s Seller Central', () => {
    const facts = { asin: 'B0DEREFUND', productTitle: 'Glas Wasserkocher', quantity: 2, refundAmount: 'EUR 19,99', returnReason: 'Artikel beschädigt', claimState: 'decided' }
    expect(orderPanelOf('305-1234567-7654321', 'DE', facts)).toEqual({
      orderId: '305-1234567-7654321',
      marketplace: 'DE',
      ...facts,
      sellerCentralUrl: 'https://sellercentral.amazon.de/orders-v3/order/305-1234567-7654321',
    })
  })

  it('is null without an order and leaves unknowns null', () => {
    expect(orderPanelOf(null, 'US', null)).toBeNull()
    expect(orderPanelOf('503-1111111-2222222', 'JP', null)).toEqual({
      orderId: '503-1111111-2222222',
      marketplace: 'JP',
      asin: null,
      productTitle: null,
      quantity: null,
      refundAmount: null,
      returnReason: null,
      claimState: null,
      sellerCentralUrl: 'https://sellercentral.amazon.co.jp/orders-v3/order/503-1111111-2222222',
    })
  })
})
