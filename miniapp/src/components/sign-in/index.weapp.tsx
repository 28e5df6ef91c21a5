// Mini program sign-in: a WeChat login code exchanged by the server (POST /api/auth/wechat).
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useI18n } from '../../hooks/use-i18n'
import { getWechatLoginCode } from '../../platform/wechat-login'
import { describeError } from '../../services/api-error'
import { signInWithWechat } from '../../services/auth'
import type { SignInProps } from './types'
import './index.scss'

export function SignIn({ onSignedIn }: SignInProps) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()

  const signIn = async () => {
    setBusy(true)
    setError(undefined)
    try {
      onSignedIn(await signInWithWechat(await getWechatLoginCode()))
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='sign-in'>
      <Button className='sign-in__wechat wechat-login-btn' type='primary' loading={busy} disabled={busy} onClick={signIn}>
        {t('login.wechat')}
      </Button>
      {error !== undefined && <Text className='sign-in__error error-message'>{describeError(error)}</Text>}
    </View>
  )
}
