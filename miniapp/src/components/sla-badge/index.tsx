// Time left to answer (SLA): grey while there is time, highlighted within 2 hours, red once overdue.
import { Text } from '@tarojs/components'
import type { MessageSummary } from '@sellerinbox/shared'
import { useI18n } from '../../hooks/use-i18n'
import { slaState, slaText } from '../../utils/inbox-format'
import './index.scss'

export function SlaBadge({ message, now }: { message: Pick<MessageSummary, 'slaDueAt' | 'status'>; now: number }) {
  useI18n()
  const state = slaState(message, now)
  if (!state) return null
  return (
    <Text className={`sla-badge sla-badge--${state.kind}`} data-sla={state.kind}>
      {slaText(state)}
    </Text>
  )
}
