// Mini program: images from the album or camera (chooseMedia, original size so the bytes are the
// photo's own) and files forwarded into WeChat chats (chooseMessageFile).
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useI18n } from '../../hooks/use-i18n'
import { toastError } from '../../utils/feedback'
import type { PickedFile } from '../../platform/types'
import { ATTACHMENT_EXTENSIONS, type AttachButtonProps } from './attach-button.types'

const isCancel = (error: unknown) => /cancel/i.test((error as { errMsg?: string }).errMsg ?? '')
const basename = (path: string) => path.split('/').pop() ?? path

export function AttachButton({ disabled, remaining, onPicked }: AttachButtonProps) {
  const { t } = useI18n()

  const pick = async (choose: () => Promise<PickedFile[]>) => {
    if (disabled) return
    try {
      const files = await choose()
      if (files.length) onPicked(files)
    } catch (error) {
      if (!isCancel(error)) toastError(error)
    }
  }

  const images = async (): Promise<PickedFile[]> => {
    const { tempFiles } = await Taro.chooseMedia({ count: remaining, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['original'] })
    return tempFiles.map((file) => ({ name: basename(file.tempFilePath), size: file.size, source: file.tempFilePath }))
  }

  const chatFiles = async (): Promise<PickedFile[]> => {
    const { tempFiles } = await Taro.chooseMessageFile({ count: remaining, type: 'file', extension: ATTACHMENT_EXTENSIONS })
    return tempFiles.map((file) => ({ name: file.name, size: file.size, source: file.path }))
  }

  return (
    <View className='reply-attach'>
      <Text className={`reply-attach-btn reply-attach-image-btn ${disabled ? 'reply-attach-btn--disabled' : ''}`} onClick={() => void pick(images)}>
        {t('reply.attachImage')}
      </Text>
      <Text className={`reply-attach-btn reply-attach-file-btn ${disabled ? 'reply-attach-btn--disabled' : ''}`} onClick={() => void pick(chatFiles)}>
        {t('reply.attachChatFile')}
      </Text>
    </View>
  )
}
