// Builds the exact MIME of a reply once (nodemailer's composer), so the copy stored in the
// conversation and the bytes sent over SMTP are the same — attachments included.
import MailComposer from 'nodemailer/lib/mail-composer'
import type { OutboxRow } from '../db/schema'

export interface ComposedAttachment {
  filename: string
  contentType: string
  content: Buffer
}

export async function composeReply(row: OutboxRow, attachments: ComposedAttachment[]): Promise<Buffer> {
  const composer = new MailComposer({
    from: row.fromAddress,
    to: row.toAddress,
    subject: row.subject,
    text: row.body,
    messageId: row.emailMessageId,
    date: new Date(),
    ...(row.inReplyTo ? { inReplyTo: row.inReplyTo, references: [row.inReplyTo] } : {}),
    headers: { 'X-SellerInbox-Reply': String(row.id) },
    attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
  })
  return composer.compile().build()
}
