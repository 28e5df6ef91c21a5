// Web version: a file input behind a label (the input itself is visually hidden, not removed, so the
// browser's picker and tests can reach it).
import { Text, View } from '@tarojs/components'
import { useI18n } from '../../hooks/use-i18n'
import { ATTACHMENT_EXTENSIONS, type AttachButtonProps } from './attach-button.types'

const ACCEPT = ATTACHMENT_EXTENSIONS.map((extension) => `.${extension}`).join(',')

export function AttachButton({ disabled, onPicked }: AttachButtonProps) {
  const { t } = useI18n()
  return (
    <View className='reply-attach'>
      <label className={`reply-attach-btn ${disabled ? 'reply-attach-btn--disabled' : ''}`}>
        <input
          className='reply-file-input'
          type='file'
          multiple
          accept={ACCEPT}
          disabled={disabled}
          onChange={(event) => {
            const input = event.target
            const files = Array.from(input.files ?? []).map((file) => ({ name: file.name, size: file.size, source: file }))
            // Cleared so that picking the same file again (after removing it) fires a change.
            input.value = ''
            if (files.length) onPicked(files)
          }}
        />
        <Text>{t('reply.attach')}</Text>
      </label>
    </View>
  )
}
