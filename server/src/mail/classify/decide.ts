// Decides the kind of a message from its signals, strongest first: forgery, the product's own
// replies, Amazon's type header, a seller's own copy of mail to a buyer, the type token in footer
// links, the sender, the subject, a relay in a forwarded copy. Pure; the last rule is always 'other'.
import { kindOfNotificationType, type Kind } from '@sellerinbox/shared/domain/taxonomy'
import type { MailSignals } from './signals'
import { isNotDeliveredSubject, mentionsOptOut } from './subject-patterns'

export interface KindInput {
  signals: MailSignals
  subject: string
  /** Plain text of the body, read only for the opt-out wording. */
  text: string
}

export function decideKind({ signals, subject, text }: KindInput): Kind {
  if (signals.suspicious) return 'other'
  if (signals.ownReply) return 'reply'
  const byHeader = tokenKind(signals.headerType)
  if (byHeader) return byHeader
  // Mail the seller sent to a buyer from another client (a Bcc copy) quotes Amazon's footer links
  // and subject; it is not a buyer message.
  if (signals.addressedToBuyer) return 'other'
  const byLink = tokenKind(signals.linkType)
  if (byLink) return byLink
  const bySender = senderKind(signals)
  if (bySender) return bySender
  if (!signals.amazonOrigin) return 'other'
  if (signals.subjectKind) return signals.subjectKind
  if (isNotDeliveredSubject(subject) && mentionsOptOut(text)) return 'buyer_opt_out'
  // A copy forwarded by a rule keeps the relay in Reply-To or X-Original-Sender.
  if (signals.relayIsSender && signals.senderRole !== 'notice') return 'buyer_message'
  return 'other'
}

function tokenKind(token: string | null): Kind | null {
  return token ? kindOfNotificationType(token) : null
}

function senderKind(signals: MailSignals): Kind | null {
  switch (signals.senderRole) {
    case 'relay':
      return 'buyer_message'
    case 'qa':
      return 'customer_question'
    case 'chargeback':
      return 'chargeback'
    case 'atoz':
      return signals.subjectKind === 'atoz_claim_decision' ? 'atoz_claim_decision' : 'atoz_claim_opened'
    default:
      return null
  }
}
