// The email body: the server's sanitized HTML as rich-text nodes (never an HTML string), or the plain
// text. Remote images stay off until the user asks (they can tell the sender the mail was read).
import { RichText, Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { Section } from '../../../components/section'
import { useI18n } from '../../../hooks/use-i18n'
import { richTextLiteral } from '../../../platform/rich-text'
import { htmlToNodes } from '../../../utils/html-nodes'

interface Props {
  html: string | null
  text: string
  /** Start folded (when the buyer's words are already shown above). */
  collapsed: boolean
}

export function MessageBody({ html, text, collapsed }: Props) {
  const { t, locale } = useI18n()
  const [open, setOpen] = useState(!collapsed)
  const [showImages, setShowImages] = useState(false)
  const parsed = useMemo(
    () => (html && open ? htmlToNodes(html, { showRemoteImages: showImages, imageLabel: t('detail.image'), literal: richTextLiteral }) : null),
    [html, open, showImages, locale],
  )

  return (
    <Section
      className='message-body'
      title={t('detail.body')}
      extra={
        <Text className='body-toggle' onClick={() => setOpen(!open)}>
          {open ? t('detail.fold') : t('detail.unfold')}
        </Text>
      }
    >
      {open && (
        <View className='message-body__content'>
          {parsed && parsed.remoteImages > 0 && !showImages && (
            <Text className='show-images-btn' onClick={() => setShowImages(true)}>
              {t('detail.showImages', { n: parsed.remoteImages })}
            </Text>
          )}
          {parsed ? (
            <RichText className='message-body__rich' nodes={parsed.nodes} userSelect />
          ) : (
            <Text className='message-body__text' userSelect>
              {text}
            </Text>
          )}
          {parsed?.truncated && <Text className='message-body__truncated'>{t('detail.truncated')}</Text>}
        </View>
      )}
    </Section>
  )
}
