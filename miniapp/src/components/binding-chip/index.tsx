// The 未绑定 / 已绑定 chip of a channel's dedicated address.
import { Text } from '@tarojs/components'
import type { BindingStatus } from '@sellerinbox/shared'
import { useI18n } from '../../hooks/use-i18n'
import './index.scss'

export function BindingChip({ status }: { status: BindingStatus }) {
  const { t } = useI18n()
  return (
    <Text className={`binding-status binding-status--${status}`}>
      {status === 'bound' ? t('channel.bound') : t('channel.unbound')}
    </Text>
  )
}
