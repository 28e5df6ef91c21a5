// Accept-invite page, opened from a shared invite (`?token=…`). Shows who invites to which org; accepting
// signs the WeChat user in as a sub-account. Failures say what to do next, not only what went wrong.
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Section } from '../../../components/section'
import { EmptyState, Loading } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { tMaybe } from '../../../i18n'
import { capabilities } from '../../../platform/capabilities'
import { getWechatLoginCode } from '../../../platform/wechat-login'
import { ApiError, describeError } from '../../../services/api-error'
import { acceptInvite, getInvitePreview } from '../../../services/auth'
import { formatTime } from '../../../utils/format'
import { enterApp, goToLogin } from '../../../utils/navigation'
import './index.scss'

/** Codes after which signing in normally is the way forward. */
const SIGN_IN_INSTEAD = ['ALREADY_REGISTERED', 'INVITE_USED']

function InviteProblem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n()
  const code = error instanceof ApiError ? error.code : undefined
  const hint = code ? tMaybe(`accept.hint.${code}`) : undefined
  return (
    <View className='accept-invite__problem'>
      <Text className='accept-invite__error error-message'>{describeError(error)}</Text>
      {hint && <Text className='accept-invite__hint invite-problem-hint'>{hint}</Text>}
      {code && SIGN_IN_INSTEAD.includes(code) ? (
        <Button className='accept-invite__action' size='mini' onClick={goToLogin}>
          {t('accept.goLogin')}
        </Button>
      ) : (
        !hint &&
        onRetry && (
          <Button className='accept-invite__action' size='mini' onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      )}
    </View>
  )
}

export default function AcceptInvitePage() {
  const { t } = useI18n()
  usePageTitle('accept.title')
  const token = useRouter<{ token?: string }>().params.token ?? ''
  const preview = useLoader(() => getInvitePreview(token), [token], token.length > 0)
  const [busy, setBusy] = useState(false)
  const [acceptError, setAcceptError] = useState<unknown>()

  if (!token) return <EmptyState text={t('accept.missingToken')} />

  const accept = async () => {
    setBusy(true)
    setAcceptError(undefined)
    try {
      enterApp(await acceptInvite(token, await getWechatLoginCode()))
    } catch (error) {
      setAcceptError(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='accept-invite-page'>
      {preview.data ? (
        <Section className='accept-invite'>
          <Text className='accept-invite__heading'>
            {t('accept.heading', { inviter: preview.data.inviterName, org: preview.data.orgName })}
          </Text>
          <Text className='accept-invite__body'>{t('accept.body')}</Text>
          <Text className='accept-invite__hint'>{t('accept.expiresAt', { time: formatTime(preview.data.expiresAt) })}</Text>
          {capabilities.signIn === 'wechat' ? (
            <Button className='accept-invite-btn' type='primary' loading={busy} disabled={busy} onClick={() => void accept()}>
              {t('accept.button')}
            </Button>
          ) : (
            <Text className='accept-invite__hint'>{t('accept.webOnly')}</Text>
          )}
          {acceptError !== undefined && <InviteProblem error={acceptError} />}
        </Section>
      ) : preview.error !== undefined ? (
        <Section>
          <InviteProblem error={preview.error} onRetry={() => void preview.reload()} />
        </Section>
      ) : (
        <Loading />
      )}
    </View>
  )
}
