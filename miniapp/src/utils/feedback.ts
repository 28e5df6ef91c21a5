// Toasts, confirmations and copying, in the current UI language.
import Taro from '@tarojs/taro'
import { t } from '../i18n'
import { describeError } from '../services/api-error'

export function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  void Taro.showToast({ title, icon, duration: icon === 'success' ? 1500 : 2500 })
}

export function toastError(error: unknown): void {
  toast(describeError(error))
}

export async function confirm(content: string, title = ''): Promise<boolean> {
  const { confirm: ok } = await Taro.showModal({
    title,
    content,
    confirmText: t('common.confirm'),
    cancelText: t('common.cancel'),
  })
  return ok
}

export async function copyText(data: string): Promise<void> {
  try {
    await Taro.setClipboardData({ data })
    toast(t('common.copied'), 'success')
  } catch (error) {
    toastError(error)
  }
}
