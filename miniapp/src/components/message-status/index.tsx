// The processing status of a message as a small chip (待处理 / 跟进中 / 已处理 / 已在平台回复).
import { Text } from '@tarojs/components'
import type { MessageStatus } from '@sellerinbox/shared'
import { useI18n } from '../../hooks/use-i18n'
import { statusName } from '../../utils/inbox-format'
import './index.scss'

export function MessageStatusChip({ status }: { status: MessageStatus }) {
  useI18n()
  return (
    <Text className={`message-status message-status--${status}`} data-status={status}>
      {statusName(status)}
    </Text>
  )
}
