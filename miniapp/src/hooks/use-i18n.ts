// Re-renders the calling component when the UI language changes.
import { useEffect, useState } from 'react'
import { getLocale, onLocaleChange, t, type Locale } from '../i18n'

export function useI18n(): { t: typeof t; locale: Locale } {
  const [locale, setLocaleState] = useState(getLocale)
  useEffect(() => onLocaleChange(setLocaleState), [])
  return { t, locale }
}
