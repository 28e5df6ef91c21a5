// The only place that shapes unrouted mail as JSON.
import type { UnroutedMail } from '@sellerinbox/shared/api/mail-sources'
import type { UnroutedListRow } from './unrouted.repo'

export function presentUnrouted(row: UnroutedListRow): UnroutedMail {
  return {
    id: row.id,
    sourceId: row.sourceId,
    subject: row.subject,
    fromAddress: row.fromAddress,
    // Stored lower case, space separated (Delivered-To, X-Original-To, To, Cc).
    recipients: row.recipients.split(' ').filter(Boolean),
    receivedAt: row.receivedAt.toISOString(),
    routedAt: row.routedAt?.toISOString() ?? null,
    routedMessageId: row.routedMessageId,
  }
}
