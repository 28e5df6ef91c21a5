// What a rejected bulk action (409 BULK_REJECTED) left undone: nothing was applied, and each failing
// message is listed with its reason, so the user can untick those and run the action again.
import { Button, Text, View } from '@tarojs/components'
import type { BulkItemResult, MessageSummary } from '@sellerinbox/shared'
import { useI18n } from '../../hooks/use-i18n'
import { tMaybe } from '../../i18n'
import { Sheet } from '../sheet'
import './index.scss'

interface Props {
  action: string
  failures: BulkItemResult[]
  messages: MessageSummary[]
  onDeselect: () => void
  onClose: () => void
}

export function BulkFailures({ action, failures, messages, onDeselect, onClose }: Props) {
  const { t } = useI18n()
  const byId = new Map(messages.map((m) => [m.id, m]))
  return (
    <Sheet
      title={t('bulk.failedTitle')}
      className='bulk-failures'
      onClose={onClose}
      footer={
        <>
          <Button className='bulk-failures-close' onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button className='bulk-failures-deselect' type='primary' onClick={onDeselect}>
            {t('bulk.deselectFailed')}
          </Button>
        </>
      }
    >
      <Text className='bulk-failures__summary'>{t('bulk.failedSummary', { n: failures.length, action })}</Text>
      {failures.map((failure) => {
        const message = byId.get(failure.id)
        return (
          <View key={failure.id} className='bulk-failure' data-message-id={String(failure.id)} data-code={failure.code ?? ''}>
            <Text className='bulk-failure__subject'>{message ? `${message.buyerName ?? message.fromName ?? ''} ${message.subject}`.trim() : `#${failure.id}`}</Text>
            <Text className='bulk-failure__reason'>{(failure.code && tMaybe(`bulk.reason.${failure.code}`)) || failure.message || failure.code}</Text>
          </View>
        )
      })}
    </Sheet>
  )
}
