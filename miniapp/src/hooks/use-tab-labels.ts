// The tab bar is declared in app.config.ts in Chinese; tab pages relabel it when the language is English.
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { useI18n } from './use-i18n'

export function useTabLabels(): void {
  const { t, locale } = useI18n()
  const apply = () => {
    const labels = [t('tab.inbox'), t('tab.me')]
    // Fails harmlessly while the tab bar is not mounted yet (e.g. on H5 before the first render).
    labels.forEach((text, index) => Taro.setTabBarItem({ index, text }).catch(() => undefined))
  }
  useDidShow(apply)
  useEffect(apply, [locale, t])
}
