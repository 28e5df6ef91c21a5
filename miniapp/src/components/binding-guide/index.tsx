// How to enter a dedicated address in Seller Central → Settings → Notification Preferences, step by step.
import { Text, View } from '@tarojs/components'
import { useI18n } from '../../hooks/use-i18n'
import './index.scss'

const STEPS = ['guide.step1', 'guide.step2', 'guide.step3', 'guide.step4'] as const

/** `host`: the marketplace's Seller Central host; without it the guide speaks of any marketplace. */
export function BindingGuide({ host, address }: { host?: string; address?: string }) {
  const { t } = useI18n()
  return (
    <View className='binding-guide'>
      <Text className='binding-guide__intro'>{t('guide.intro', { host: host ?? t('guide.anyHost') })}</Text>
      {address && (
        <View className='binding-guide__address'>
          <Text>{t('guide.addressLabel')}</Text>
          <Text className='binding-guide__address-text' userSelect>
            {address}
          </Text>
        </View>
      )}
      {STEPS.map((key, index) => (
        <View key={key} className='binding-guide__step'>
          <Text className='binding-guide__index'>{index + 1}</Text>
          <Text className='binding-guide__text'>{t(key)}</Text>
        </View>
      ))}
    </View>
  )
}
