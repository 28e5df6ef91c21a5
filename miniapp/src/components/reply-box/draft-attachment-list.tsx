// The reply's attachments: name, type and size, upload progress, the reason a file was refused, and remove.
import { Text, View } from '@tarojs/components'
import { useI18n } from '../../hooks/use-i18n'
import { fileSize } from '../../utils/inbox-format'
import { typeLabel, type DraftAttachment } from './use-draft-attachments'

export function DraftAttachmentList({ items, onRemove }: { items: DraftAttachment[]; onRemove: (key: string) => void }) {
  const { t } = useI18n()
  if (items.length === 0) return null
  return (
    <View className='draft-attachments'>
      {items.map((item) => {
        const state = item.error ? 'error' : item.upload ? 'ready' : 'uploading'
        return (
          <View key={item.key} className={`draft-attachment draft-attachment--${state}`} data-state={state} data-name={item.name}>
            <View className='draft-attachment__main'>
              <Text className='draft-attachment__name'>{item.name}</Text>
              <Text className='draft-attachment__meta'>
                {typeLabel(item)} · {fileSize(item.size)}
                {state === 'uploading' ? ` · ${t('attachment.uploading', { percent: item.progress })}` : ''}
              </Text>
              {state === 'uploading' && (
                <View className='draft-attachment__progress'>
                  <View className='draft-attachment__bar' style={{ width: `${item.progress}%` }} />
                </View>
              )}
              {item.error && <Text className='draft-attachment__error'>{item.error}</Text>}
            </View>
            <Text className='draft-attachment-remove' onClick={() => onRemove(item.key)}>
              {t('attachment.remove')}
            </Text>
          </View>
        )
      })}
    </View>
  )
}
