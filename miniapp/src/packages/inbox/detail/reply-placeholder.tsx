// Where the reply box will be (templates, policy checks, send): for now a foldable notice. The folded
// state is remembered, like the real reply box's "hide" will be.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { useI18n } from '../../../hooks/use-i18n'

const HIDDEN_KEY = 'replyBoxHidden'

export function ReplyPlaceholder() {
  const { t } = useI18n()
  const [hidden, setHidden] = useState(() => Taro.getStorageSync(HIDDEN_KEY) === true)
  const toggle = () => {
    setHidden(!hidden)
    Taro.setStorageSync(HIDDEN_KEY, !hidden)
  }
  return (
    <View className={`reply-box ${hidden ? 'reply-box--hidden' : ''}`}>
      <View className='reply-box__head'>
        <Text className='reply-box__title'>{t('reply.title')}</Text>
        <Text className='reply-box-toggle' onClick={toggle}>
          {hidden ? t('reply.show') : t('reply.hide')}
        </Text>
      </View>
      {!hidden && <Text className='reply-box__placeholder'>{t('reply.comingSoon')}</Text>}
    </View>
  )
}
