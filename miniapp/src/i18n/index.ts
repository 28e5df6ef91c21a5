// UI language: a tiny dictionary lookup with `{name}` placeholders. Chinese is the default; the choice is
// kept in local storage. Syncing the choice to the server is the caller's job (services/me.ts).
import Taro from '@tarojs/taro'
import type { Locale } from '@sellerinbox/shared'
import { zhCN, type MessageKey } from './zh-CN'
import { enUS } from './en-US'

export type { Locale, MessageKey }
export type Params = Record<string, string | number>

const STORAGE_KEY = 'locale'
const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS }
export const LOCALES: readonly { code: Locale; label: string }[] = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en-US', label: 'English' },
]

function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en-US'
}

function readStoredLocale(): Locale {
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY)
    return isLocale(stored) ? stored : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

let current: Locale = readStoredLocale()
const listeners = new Set<(locale: Locale) => void>()

export function getLocale(): Locale {
  return current
}

export function setLocale(locale: Locale): void {
  if (locale === current) return
  current = locale
  Taro.setStorageSync(STORAGE_KEY, locale)
  listeners.forEach((listener) => listener(locale))
}

export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function t(key: MessageKey, params: Params = {}): string {
  const text = dictionaries[current][key]
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** For keys built at run time (error codes, hints): undefined when the dictionary has no such key. */
export function tMaybe(key: string, params: Params = {}): string | undefined {
  return key in zhCN ? t(key as MessageKey, params) : undefined
}
