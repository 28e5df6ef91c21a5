// The only place that shapes notification rules, credits and the notification log as JSON.
import type { CreditTemplate, NotificationLogItem, NotificationPurpose, NotificationRule, NotificationState, SubscribeResult } from '@sellerinbox/shared/api/notifications'
import type { NotificationCreditRow, NotificationRow, UserRow } from '../../db/schema'
import type { RuleSettings } from './rules.repo'

export function presentRule(user: UserRow, settings: RuleSettings, updatedAt: Date | null): NotificationRule {
  return {
    userId: user.id,
    displayName: user.displayName,
    role: user.role,
    ...settings,
    updatedAt: updatedAt?.toISOString() ?? null,
  }
}

export function presentCredit(purpose: NotificationPurpose, templateId: string, row: NotificationCreditRow | undefined): CreditTemplate {
  return {
    purpose,
    templateId,
    balance: row?.balance ?? 0,
    lastResult: (row?.lastResult as SubscribeResult | null | undefined) ?? null,
    lastResultAt: row?.lastResultAt?.toISOString() ?? null,
  }
}

function stateOf(row: NotificationRow): NotificationState {
  switch (row.status) {
    case 'pending':
      return row.cause === 'window' ? 'deferred' : 'queued'
    case 'sent':
      return row.kind === 'digest' && row.messageCount > 1 ? 'digested' : 'sent'
    default:
      return row.status
  }
}

export function presentLogItem(row: NotificationRow): NotificationLogItem {
  return {
    id: row.id,
    kind: row.kind,
    state: stateOf(row),
    messageCount: row.messageCount,
    // a digest's stored message is only its first one; it links to the filtered inbox instead
    messageId: row.kind === 'digest' ? null : row.messageId,
    title: row.title,
    page: row.page,
    errcode: row.errcode,
    reason: row.error,
    dueAt: row.dueAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}
