// Builds realistic Amazon notification emails for ingestion tests (synthetic people and ids).
import { randomBytes } from 'node:crypto'

export interface BuyerMessageOptions {
  to: string
  orderId?: string
  buyer?: string
  relay?: string
  text?: string
  messageId?: string
  marketplaceTld?: string
  date?: Date
  attachment?: { filename: string; contentType: string; content: Buffer }
  /** A Reply-To header, e.g. the relay with its `+case` form. */
  replyTo?: string
}

let seq = 0
export function randomOrderId(): string {
  const d = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('')
  return `${d(3)}-${d(7)}-${d(7)}`
}

export function buyerMessage(o: BuyerMessageOptions): string {
  seq += 1
  const tld = o.marketplaceTld ?? 'com'
  const relay = o.relay ?? `${randomBytes(8).toString('hex').slice(0, 15)}@marketplace.amazon.${tld}`
  const orderId = o.orderId ?? randomOrderId()
  const buyer = o.buyer ?? 'Jamie Rivera'
  const text = o.text ?? `Hello, where is my package? I ordered it a week ago. (${seq})`
  const messageId = o.messageId ?? `<${Date.now()}.${seq}.${randomBytes(6).toString('hex')}@email.amazon.${tld}>`
  const date = (o.date ?? new Date()).toUTCString()
  const boundary = `----=_Part_${seq}_${randomBytes(4).toString('hex')}`
  const body = [
    '------------- Begin message -------------',
    '',
    text,
    '',
    '------------- End message -------------',
    '',
    'For Your Information: To help arbitrate disputes and preserve trust and safety, we retain all messages buyers and sellers send through Amazon.',
  ].join('\r\n')
  const parts = [
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    `Order ID: ${orderId}`,
    '',
    body,
  ]
  if (o.attachment) {
    parts.push(
      `--${boundary}`,
      `Content-Type: ${o.attachment.contentType}; name="${o.attachment.filename}"`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="${o.attachment.filename}"`,
      '',
      o.attachment.content.toString('base64').replace(/.{76}/g, '$&\r\n'),
    )
  }
  parts.push(`--${boundary}--`, '')
  return [
    `From: "${buyer} - Amazon Marketplace" <${relay}>`,
    ...(o.replyTo ? [`Reply-To: ${o.replyTo}`] : []),
    `To: ${o.to}`,
    `Subject: Inquiry from Amazon customer ${buyer} (Order: ${orderId})`,
    `Date: ${date}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'X-Space-Notification-Type: BBC_MESSAGE_SENT_TO_MERCHANT',
    'X-Marketplace-ID: ATVPDKIKX0DER',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    ...parts,
  ].join('\r\n')
}

export function plainMail(o: { to: string; subject?: string; text?: string; messageId?: string }): string {
  seq += 1
  return [
    'From: Someone <someone@mail.example>',
    `To: ${o.to}`,
    `Subject: ${o.subject ?? `Hello ${seq}`}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${o.messageId ?? `<plain.${Date.now()}.${seq}@mail.example>`}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    '',
    o.text ?? `Plain mail number ${seq}`,
    '',
  ].join('\r\n')
}

/** Amazon's notice that a seller message was not delivered because the buyer opted out. */
export function optOutNotice(o: { to: string; orderId: string; buyer?: string }): string {
  seq += 1
  return [
    'From: "Amazon.com" <auto-communication@amazon.com>',
    `To: ${o.to}`,
    `Subject: Your message to the buyer was not delivered (Order: ${o.orderId})`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <optout.${Date.now()}.${seq}@amazonses.example>`,
    'MIME-Version: 1.0',
    'X-Space-Notification-Type: BUYER_OPTED_OUT_BSM_MESSAGES',
    'X-Marketplace-ID: ATVPDKIKX0DER',
    'Content-Type: text/plain; charset=UTF-8',
    '',
    'Dear Seller,',
    '',
    `We could not deliver your message to ${o.buyer ?? 'the buyer'} about order ${o.orderId} because the buyer has opted out of receiving messages from sellers.`,
    '',
  ].join('\r\n')
}

/** Amazon's copy of a reply the seller wrote in Seller Central ("Your e-mail to …"). */
export function replyConfirmation(o: { to: string; orderId: string; buyer?: string; text?: string }): string {
  seq += 1
  return [
    'From: "Amazon.com" <donotreply@amazon.com>',
    `To: ${o.to}`,
    `Subject: Your e-mail to ${o.buyer ?? 'the buyer'}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <confirmation.${Date.now()}.${seq}@amazonses.example>`,
    'MIME-Version: 1.0',
    'X-Space-Notification-Type: BBC_MESSAGE_CONFIRMATION_TO_MERCHANT',
    'X-Marketplace-ID: ATVPDKIKX0DER',
    'Content-Type: text/plain; charset=UTF-8',
    '',
    'Dear Seller,',
    '',
    `Below is a copy of the e-mail you sent to ${o.buyer ?? 'the buyer'}.`,
    '',
    `Order ID: ${o.orderId}`,
    '',
    '--- Begin message ---',
    o.text ?? 'Your parcel left our warehouse this morning.',
    '--- End message ---',
    '',
    'Kind regards,',
    'Amazon.com',
    '',
  ].join('\r\n')
}
