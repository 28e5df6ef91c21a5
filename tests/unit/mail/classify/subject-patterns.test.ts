import { describe, expect, it } from 'vitest'
import { confirmationRecipient, isNotDeliveredSubject, kindFromSubject, mentionsOptOut, stripSubjectPrefixes } from '@sellerinbox/server/mail/classify/subject-patterns'

describe('kindFromSubject', () => {
  it.each([
    ['Inquiry from Amazon customer Dana (Order: 113-0315214-6019291)', 'buyer_message'],
    ['Frage von Amazon-Kunde Jürgen (Bestellung: 302-8157746-2838842)', 'buyer_message'],
    ['Demande de renseignements de la part du client Amazon Élodie', 'buyer_message'],
    ['Consulta sobre detalles del producto del cliente de Amazon Rogelio (Pedido: 701-4416242-9029376)', 'buyer_message'],
    ['Detalhes do produto Amazon Thiago Ramos pergunta do cliente', 'buyer_message'],
    ['Factuuraanvraag van Amazon-klant Sanne (Bestelling: 408-5751254-1252995)', 'buyer_message'],
    ['Amazonのカスタマー 佐藤 様から配送に関するお問い合わせ(注文: 250-1534025-3069208)', 'buyer_message'],
    ['Zapytanie od klienta Amazon Katarzyna (Zamówienie: 407-1100003-2200003)', 'buyer_message'],
    ['Your e-mail to Priya', 'reply_confirmation'],
    ['Ihre E-Mail an Lena', 'reply_confirmation'],
    ['Return authorization notification for order 113-1', 'return_request'],
    ["Notifica di autorizzazione del reso per l'ordine 403-7008678-1831838", 'return_request'],
    ['Refund Initiated for Order 113-9494559-2370313', 'refund_issued'],
    ['rimborso 64.90 EUR avviato - ordine 405-6918794-3783677', 'refund_issued'],
    ['Claim received on order 112-2225181-4816066', 'atoz_claim_opened'],
    ['Richiesta di rimborso ricevuta per l’ordine 402-4329671-3259119', 'atoz_claim_opened'],
    ['Claim decision on order 112-2225181-4816066', 'atoz_claim_decision'],
    ['Décision concernant la réclamation pour la commande 171-2375869-1195489', 'atoz_claim_decision'],
    ['Your Immediate Response Required: Charge Dispute Inquiry', 'chargeback'],
    ['Cancellation request for order number: 203-6802344-5256410', 'cancellation_request'],
    ["Richiesta di annullamento per l'ordine numero: 404-6707103-0899999", 'cancellation_request'],
    ['Can you answer this question about Stainless Steel Pour-Over Kettle?', 'customer_question'],
    ['この商品についての質問に回答していただけますか: バット', 'customer_question'],
    ['RE: AW: Fwd: Inquiry from Amazon customer Dana', 'buyer_message'],
  ])('%s → %s', (subject, kind) => {
    expect(kindFromSubject(subject)).toBe(kind)
  })

  it('says nothing about other subjects', () => {
    expect(kindFromSubject('Sold, ship now: Enamel Dutch Oven')).toBeNull()
    expect(kindFromSubject('Peak season checklist')).toBeNull()
  })
})

describe('subject helpers', () => {
  it('strips reply and forward prefixes in many languages', () => {
    expect(stripSubjectPrefixes('Re: AW: WG: 回复: 転送: x')).toBe('x')
  })

  it('finds the recipient of a reply confirmation', () => {
    expect(confirmationRecipient('Your e-mail to Priya')).toBe('Priya')
    expect(confirmationRecipient('Votre e-mail à Zoé Martin')).toBe('Zoé Martin')
    expect(confirmationRecipient('Refund Initiated')).toBeNull()
  })

  it('tells opt-out wording apart from other delivery failures', () => {
    expect(isNotDeliveredSubject("Il tuo messaggio all'acquirente non è stato consegnato.")).toBe(true)
    expect(mentionsOptOut("perché l'acquirente ha scelto di non ricevere messaggi non richiesti")).toBe(true)
    expect(mentionsOptOut('because it contained an external link')).toBe(false)
  })
})
