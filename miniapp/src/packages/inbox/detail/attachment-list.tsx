// The message's attachments: images open in a previewer, documents in a viewer (mini program) or as a
// download (web), fetched with the user's token.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AttachmentInfo } from '@sellerinbox/shared'
import { useState } from 'react'
import { Section } from '../../../components/section'
import { useI18n } from '../../../hooks/use-i18n'
import { openAttachment } from '../../../services/attachments'
import { toastError } from '../../../utils/feedback'
import { fileSize } from '../../../utils/inbox-format'

export function AttachmentList({ attachments }: { attachments: AttachmentInfo[] }) {
  const { t } = useI18n()
  const [opening, setOpening] = useState<number>()

  const open = async (attachment: AttachmentInfo) => {
    if (opening) return
    setOpening(attachment.id)
    void Taro.showLoading({ title: t('detail.opening') })
    try {
      await openAttachment(attachment)
      Taro.hideLoading()
    } catch (error) {
      Taro.hideLoading()
      toastError(error)
    } finally {
      setOpening(undefined)
    }
  }

  return (
    <Section className='attachments' title={t('detail.attachments', { n: attachments.length })}>
      {attachments.map((a) => (
        <View key={a.id} className='attachment-item' data-attachment-id={String(a.id)} onClick={() => void open(a)}>
          <Text className='attachment-item__icon'>{a.contentType.startsWith('image/') ? '🖼' : '📄'}</Text>
          <View className='attachment-item__main'>
            <Text className='attachment-item__name'>{a.filename}</Text>
            <Text className='attachment-item__meta'>
              {fileSize(a.size)}
              {a.inline ? ` · ${t('detail.inlineImage')}` : ''}
            </Text>
          </View>
          <Text className='attachment-item__action'>{a.contentType.startsWith('image/') ? t('detail.preview') : t('detail.download')}</Text>
        </View>
      ))}
    </Section>
  )
}
