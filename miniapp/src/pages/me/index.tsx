// "我的" tab: who is signed in, entries to stores / sub-accounts / mail sources / tags / notifications / reply settings / web sign-in, language and sign-out.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import { useI18n } from '../../hooks/use-i18n'
import { usePageTitle } from '../../hooks/use-page-title'
import { useRequiredSession } from '../../hooks/use-session'
import { useTabLabels } from '../../hooks/use-tab-labels'
import { useLoader } from '../../hooks/use-loader'
import { LOCALES, setLocale } from '../../i18n'
import { capabilities } from '../../platform/capabilities'
import { scanQrText } from '../../platform/scan'
import { PAGES, pageUrl, type PagePath } from '../../routes'
import { describeError } from '../../services/api-error'
import { signOut } from '../../services/auth'
import { getMe, updateMe } from '../../services/me'
import { confirm, toast, toastError } from '../../utils/feedback'
import { goToLogin } from '../../utils/navigation'
import { ticketFromQrText } from '@sellerinbox/shared/domain/qr-login'
import './index.scss'

function Entry(props: { className?: string; label: string; value?: ReactNode; onClick: () => void }) {
  return (
    <View className={`me-entry ${props.className ?? ''}`} onClick={props.onClick}>
      <Text className='me-entry__label'>{props.label}</Text>
      <Text className='me-entry__value'>{props.value}</Text>
      <Text className='me-entry__arrow'>›</Text>
    </View>
  )
}

const open = (page: PagePath) => void Taro.navigateTo({ url: pageUrl(page) })

export default function MePage() {
  const { t, locale } = useI18n()
  usePageTitle('me.title')
  useTabLabels()
  const session = useRequiredSession()
  // Refreshes the stored profile (role or name may have changed on another device); the stored copy renders meanwhile.
  const me = useLoader(getMe, [], !!session)
  const profile = me.data ?? session
  if (!profile) return <View className='me-page' />
  const isMain = profile.user.role === 'main'

  const chooseLanguage = async () => {
    const { tapIndex } = await Taro.showActionSheet({ itemList: LOCALES.map((l) => l.label) }).catch(() => ({ tapIndex: -1 }))
    const chosen = LOCALES[tapIndex]
    if (!chosen || chosen.code === locale) return
    setLocale(chosen.code)
    updateMe({ locale: chosen.code }).catch((error: unknown) => toast(t('me.languageSaveFailed', { message: describeError(error) })))
  }

  const scanWebLogin = async () => {
    try {
      const text = await scanQrText()
      if (text === null) return
      const ticket = ticketFromQrText(text)
      if (!ticket) return toast(t('me.notOurQr'))
      void Taro.navigateTo({ url: pageUrl(PAGES.qrConfirm, { ticket }) })
    } catch (error) {
      toastError(error)
    }
  }

  const logout = async () => {
    if (!(await confirm(t('me.logoutConfirm')))) return
    await signOut().catch(() => undefined) // the local session is gone either way
    goToLogin()
  }

  return (
    <View className='me-page'>
      <View className='me-profile'>
        <Text className='me-profile__name'>{profile.user.displayName}</Text>
        <View className='me-profile__meta'>
          <Text className={`me-profile__role me-profile__role--${profile.user.role}`}>
            {isMain ? t('role.main') : t('role.sub')}
          </Text>
          <Text className='me-profile__org'>{t('me.org', { name: profile.org.name })}</Text>
        </View>
      </View>

      <View className='me-entries'>
        <Entry className='me-stores-entry' label={t('me.stores')} value={isMain ? '' : t('me.storesReadOnly')} onClick={() => open(PAGES.stores)} />
        {isMain && <Entry className='me-members-entry' label={t('me.members')} onClick={() => open(PAGES.members)} />}
        {isMain && <Entry className='me-mail-sources-entry' label={t('me.mailSources')} onClick={() => open(PAGES.mailSources)} />}
        {isMain && <Entry className='me-tags-entry' label={t('me.tags')} onClick={() => open(PAGES.tags)} />}
        <Entry className='me-notify-entry' label={t('me.notifications')} onClick={() => open(PAGES.notifySettings)} />
        <Entry className='me-reply-settings-entry' label={t('me.replySettings')} onClick={() => open(PAGES.replySettings)} />
        {capabilities.scanQrCode && <Entry className='me-scan-entry' label={t('me.scanLogin')} onClick={() => void scanWebLogin()} />}
        <Entry
          className='me-language-entry'
          label={t('me.language')}
          value={LOCALES.find((l) => l.code === locale)?.label}
          onClick={() => void chooseLanguage()}
        />
      </View>

      <View className='me-entries'>
        <View className='me-logout' onClick={() => void logout()}>
          <Text>{t('me.logout')}</Text>
        </View>
      </View>
    </View>
  )
}
