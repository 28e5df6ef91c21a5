// Sign-in page: WeChat one-tap in the mini program, a QR code on the web, plus demo sign-in in demo mode.
import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { SignIn } from '../../components/sign-in'
import { useI18n } from '../../hooks/use-i18n'
import { useLoader } from '../../hooks/use-loader'
import { usePageTitle } from '../../hooks/use-page-title'
import { describeError } from '../../services/api-error'
import { signInDemo } from '../../services/auth'
import { getMeta } from '../../services/meta'
import { loadSession } from '../../services/session'
import { enterApp } from '../../utils/navigation'
import './index.scss'

export default function LoginPage() {
  const { t } = useI18n()
  usePageTitle('login.title')
  const meta = useLoader(getMeta, [])
  const [demoBusy, setDemoBusy] = useState<'main' | 'sub'>()
  const [demoError, setDemoError] = useState<unknown>()

  useEffect(() => {
    const session = loadSession()
    if (session) enterApp(session)
  }, [])

  const demo = async (as: 'main' | 'sub') => {
    setDemoBusy(as)
    setDemoError(undefined)
    try {
      enterApp(await signInDemo(as))
    } catch (e) {
      setDemoError(e)
    } finally {
      setDemoBusy(undefined)
    }
  }

  return (
    <View className='login-page'>
      <View className='login-page__brand'>
        <Text className='login-page__name'>{t('app.name')}</Text>
        <Text className='login-page__tagline'>{t('login.tagline')}</Text>
      </View>

      <SignIn onSignedIn={enterApp} qrTicketTtlSeconds={meta.data?.qrTicketTtlSeconds} />

      {meta.error !== undefined && (
        <View className='login-page__meta-error'>
          <Text className='error-message'>{t('login.metaFailed', { message: describeError(meta.error) })}</Text>
          <Button size='mini' onClick={() => void meta.reload()}>
            {t('common.retry')}
          </Button>
        </View>
      )}

      {meta.data?.demo && (
        <View className='login-page__demo'>
          <Text className='login-page__demo-hint'>{t('login.demoHint')}</Text>
          <Button className='demo-login-main' loading={demoBusy === 'main'} disabled={!!demoBusy} onClick={() => void demo('main')}>
            {t('login.demoMain')}
          </Button>
          <Button className='demo-login-sub' loading={demoBusy === 'sub'} disabled={!!demoBusy} onClick={() => void demo('sub')}>
            {t('login.demoSub')}
          </Button>
          {demoError !== undefined && <Text className='error-message'>{describeError(demoError)}</Text>}
        </View>
      )}
    </View>
  )
}
