// Where the app goes at the ends of a session: into the inbox after sign-in, to login after sign-out.
import Taro from '@tarojs/taro'
import type { Session } from '@sellerinbox/shared'
import { setLocale } from '../i18n'
import { PAGES, pageUrl } from '../routes'

/** After any sign-in: adopt the account's language and open the inbox. */
export function enterApp(session: Pick<Session, 'user'>): void {
  setLocale(session.user.locale)
  void Taro.switchTab({ url: pageUrl(PAGES.inbox) })
}

export function goToLogin(): void {
  void Taro.reLaunch({ url: pageUrl(PAGES.login) })
}
