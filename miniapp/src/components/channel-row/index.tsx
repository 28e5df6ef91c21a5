// One marketplace of a store: its dedicated address with copy, the binding chip and, for the main
// account, the "我已完成绑定" action. Class names and data-* attributes are selectors of the e2e test.
import { Button, Text, View } from '@tarojs/components'
import type { Channel } from '@sellerinbox/shared'
import { useI18n } from '../../hooks/use-i18n'
import { copyText } from '../../utils/feedback'
import { marketplaceName } from '../../utils/format'
import { BindingChip } from '../binding-chip'
import './index.scss'

interface Props {
  channel: Channel
  /** Main account: may confirm the binding. */
  canManage: boolean
  onConfirmBinding: (channel: Channel) => void
  onOpen: (channel: Channel) => void
}

export function ChannelRow({ channel, canManage, onConfirmBinding, onOpen }: Props) {
  const { t } = useI18n()
  return (
    <View className='channel-row' data-marketplace={channel.marketplace} data-channel-id={String(channel.id)}>
      <View className='channel-row__head'>
        <Text className='channel-row__marketplace'>
          <Text className='channel-row__code'>{channel.marketplace}</Text> {marketplaceName(channel.marketplace)}
        </Text>
        <BindingChip status={channel.bindingStatus} />
      </View>
      <View className='channel-row__address-line'>
        <Text className='channel-address' userSelect>
          {channel.dedicatedAddress}
        </Text>
        <Button className='copy-address-btn' size='mini' onClick={() => void copyText(channel.dedicatedAddress)}>
          {t('common.copy')}
        </Button>
      </View>
      <View className='channel-row__actions'>
        <Text className='channel-row__link' onClick={() => onOpen(channel)}>
          {t('stores.detail')}
        </Text>
        {canManage && channel.bindingStatus === 'unbound' && (
          <Button className='confirm-binding-btn' size='mini' type='primary' onClick={() => onConfirmBinding(channel)}>
            {t('channel.confirmBinding')}
          </Button>
        )}
      </View>
    </View>
  )
}
