// Confirms a web sign-in after the mini program scanned the web page's QR code (`?ticket=…`).
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Section } from '../../../components/section'
import { EmptyState } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { capabilities } from '../../../platform/capabilities'
import { scanQrText } from '../../../platform/scan'
import { PAGES, pageUrl } from '../../../routes'
import { describeError, isApiError } from '../../../services/api-error'
import { confirmQrTicket } from '../../../services/auth'
import { toast, toastError } from '../../../utils/feedback'
import { ticketFromQrText } from '@sellerinbox/shared/domain/qr-login'
import './index.scss'

export default function QrConfirmPage() {
  const { t } = useI18n()
  usePageTitle('qr.title')
  const session = useRequiredSession()
  const { params } = useRouter<{ ticket?: string }>()
  const [ticket, setTicket] = useState(params.ticket ?? '')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  const [error, setError] = useState<unknown>()

  if (!session) return <View className='qr-confirm-page' />
  if (!ticket) return <EmptyState text={t('qr.missingTicket')} />

  const confirmLogin = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await confirmQrTicket(ticket)
      setDone(true)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  const rescan = async () => {
    try {
      const text = await scanQrText()
      if (text === null) return
      const next = ticketFromQrText(text)
      if (!next) return toast(t('me.notOurQr'))
      setTicket(next)
      setError(undefined)
    } catch (e) {
      toastError(e)
    }
  }

  const leave = () => void Taro.switchTab({ url: pageUrl(PAGES.me) })
  const ticketGone = isApiError(error, 'QR_TICKET_EXPIRED', 'QR_TICKET_USED', 'QR_TICKET_INVALID')

  return (
    <View className='qr-confirm-page'>
      <Section className='qr-confirm'>
        {done ? (
          <>
            <Text className='qr-confirm__title qr-confirm-done'>{t('qr.done')}</Text>
            <Text className='qr-confirm__body'>{t('qr.doneBody')}</Text>
            <Button onClick={leave}>{t('common.done')}</Button>
          </>
        ) : (
          <>
            <Text className='qr-confirm__title'>{t('qr.question')}</Text>
            <Text className='qr-confirm__body'>{t('qr.body', { name: session.user.displayName })}</Text>
            {error !== undefined && <Text className='qr-confirm__error error-message'>{describeError(error)}</Text>}
            {ticketGone && capabilities.scanQrCode ? (
              <Button type='primary' onClick={() => void rescan()}>
                {t('qr.rescan')}
              </Button>
            ) : (
              <Button className='qr-confirm-btn' type='primary' loading={busy} disabled={busy} onClick={() => void confirmLogin()}>
                {t('qr.confirm')}
              </Button>
            )}
            <Button onClick={leave}>{t('common.cancel')}</Button>
          </>
        )}
      </Section>
    </View>
  )
}
