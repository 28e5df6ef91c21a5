// The action bar of the inbox's select mode: select all loaded, and the bulk actions on the selection.
import { ScrollView, Text, View } from '@tarojs/components'
import { useI18n } from '../../hooks/use-i18n'
import type { MessageKey } from '../../i18n'
import './index.scss'

export type BulkActionKey = 'pending' | 'follow_up' | 'processed' | 'replied_on_platform' | 'add_tag' | 'remove_tag' | 'read' | 'unread'

export const BULK_ACTION_LABELS: Record<BulkActionKey, MessageKey> = {
  pending: 'bulk.pending',
  follow_up: 'bulk.followUp',
  processed: 'bulk.processed',
  replied_on_platform: 'bulk.repliedOnPlatform',
  add_tag: 'bulk.addTag',
  remove_tag: 'bulk.removeTag',
  read: 'bulk.read',
  unread: 'bulk.unread',
}

const ACTIONS = Object.keys(BULK_ACTION_LABELS) as BulkActionKey[]

interface Props {
  selected: number
  loaded: number
  busy: boolean
  onSelectAll: () => void
  onAction: (action: BulkActionKey) => void
}

export function BulkBar({ selected, loaded, busy, onSelectAll, onAction }: Props) {
  const { t } = useI18n()
  const allSelected = loaded > 0 && selected === loaded
  return (
    <View className={`bulk-bar ${busy ? 'bulk-bar--busy' : ''}`}>
      <View className='bulk-bar__head'>
        <Text className='bulk-select-all' onClick={onSelectAll}>
          {allSelected ? t('bulk.selectNone') : t('bulk.selectAll', { n: loaded })}
        </Text>
        <Text className='bulk-bar__count' data-count={String(selected)}>
          {busy ? t('bulk.working', { n: selected }) : t('bulk.selected', { n: selected })}
        </Text>
      </View>
      <ScrollView className='bulk-bar__actions' scrollX enhanced showScrollbar={false}>
        <View className='bulk-bar__row'>
          {ACTIONS.map((action) => (
            <Text
              key={action}
              className={`bulk-action ${selected === 0 || busy ? 'bulk-action--disabled' : ''} ${action === 'replied_on_platform' ? 'bulk-action--final' : ''}`}
              data-action={action}
              onClick={() => selected > 0 && !busy && onAction(action)}
            >
              {t(BULK_ACTION_LABELS[action])}
            </Text>
          ))}
        </View>
      </ScrollView>
    </View>
  )
}
