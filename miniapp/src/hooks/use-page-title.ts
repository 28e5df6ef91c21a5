// Keeps the navigation bar title in the current UI language.
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import type { MessageKey } from '../i18n'
import { useI18n } from './use-i18n'

export function usePageTitle(key: MessageKey): void {
  const { t, locale } = useI18n()
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: t(key) }).catch(() => undefined)
  }, [key, locale, t])
}
