// When Amazon expects an answer (DESIGN §4): buyer messages 24 hours after they arrive, weekends and
// holidays included; A-to-z claims 3 calendar days; chargebacks 7. Everything else has no deadline.

const HOUR = 3600_000
const DAY = 24 * HOUR

const DEADLINES: Record<string, number> = {
  buyer_message: DAY,
  atoz_claim_opened: 3 * DAY,
  chargeback: 7 * DAY,
}

/** The answer deadline of a message of this kind received at `receivedAt`, or null. */
export function slaDueAt(kind: string, receivedAt: Date): Date | null {
  const span = DEADLINES[kind]
  return span === undefined ? null : new Date(receivedAt.getTime() + span)
}

/** Kinds that show that the seller answered the conversation outside the app. */
export function stopsSlaClock(kind: string): boolean {
  return kind === 'reply_confirmation'
}
