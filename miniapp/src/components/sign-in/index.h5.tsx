// Web sign-in: shows a QR ticket that the signed-in mini program scans and confirms. The page polls every
// 1.5 s; the session arrives on the first poll after confirmation. Expired tickets offer a refresh.
import { Button, Image, Text, View } from '@tarojs/components'
import type { QrTicket } from '@sellerinbox/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useI18n } from '../../hooks/use-i18n'
import { describeError, isApiError } from '../../services/api-error'
import { createQrTicket, pollQrTicket } from '../../services/auth'
import { ErrorState, Loading } from '../status'
import type { SignInProps } from './types'
import './index.scss'

const POLL_INTERVAL_MS = 1500

type Phase = 'creating' | 'pending' | 'expired' | 'confirmed' | 'failed'

export function SignIn({ onSignedIn, qrTicketTtlSeconds }: SignInProps) {
  const { t } = useI18n()
  const [phase, setPhase] = useState<Phase>('creating')
  const [ticket, setTicket] = useState<QrTicket>()
  const [deadline, setDeadline] = useState(0)
  const [now, setNow] = useState(Date.now)
  const [error, setError] = useState<unknown>()
  // A ref, so a parent re-render with a new callback does not restart the polling chain.
  const signedIn = useRef(onSignedIn)
  signedIn.current = onSignedIn
  // Also a ref: the TTL arrives with /api/meta, and its arrival must not create a second ticket.
  const ttlSeconds = useRef(qrTicketTtlSeconds)
  ttlSeconds.current = qrTicketTtlSeconds

  const create = useCallback(async () => {
    setPhase('creating')
    setError(undefined)
    try {
      const created = await createQrTicket()
      // The lifetime from the server's settings, not its clock: the browser's clock may be off.
      const ttlMs = ttlSeconds.current ? ttlSeconds.current * 1000 : Date.parse(created.expiresAt) - Date.now()
      setTicket(created)
      setDeadline(Date.now() + ttlMs)
      setNow(Date.now())
      setPhase('pending')
    } catch (e) {
      setError(e)
      setPhase('failed')
    }
  }, [])

  useEffect(() => {
    void create()
  }, [create])

  // Poll with a timeout chain (not an interval) so a slow answer never overlaps the next poll.
  useEffect(() => {
    if (phase !== 'pending' || !ticket) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout>
    const poll = async () => {
      try {
        const state = await pollQrTicket(ticket.ticket, ticket.pollToken)
        if (stopped) return
        setError(undefined)
        if (state.session) {
          setPhase('confirmed')
          signedIn.current(state.session)
          return
        }
      } catch (e) {
        if (stopped) return
        if (isApiError(e, 'QR_TICKET_EXPIRED', 'QR_TICKET_USED', 'QR_TICKET_INVALID')) {
          setPhase('expired')
          return
        }
        setError(e) // e.g. offline for a moment: keep polling, show why nothing happens
      }
      timer = setTimeout(poll, POLL_INTERVAL_MS)
    }
    timer = setTimeout(poll, POLL_INTERVAL_MS)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [phase, ticket])

  useEffect(() => {
    if (phase !== 'pending') return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [phase])

  const secondsLeft = Math.max(0, Math.ceil((deadline - now) / 1000))
  useEffect(() => {
    if (phase === 'pending' && secondsLeft === 0) setPhase('expired')
  }, [phase, secondsLeft])

  if (phase === 'creating') return <Loading />
  if (phase === 'failed' || !ticket) return <ErrorState error={error} onRetry={() => void create()} />

  return (
    <View className='sign-in sign-in--qr'>
      <View className={`sign-in__qr ${phase === 'expired' ? 'sign-in__qr--expired' : ''}`}>
        <Image className='qr-login-image' src={ticket.qrImage} mode='aspectFit' />
        {phase === 'expired' && (
          <View className='sign-in__qr-overlay'>
            <Text className='sign-in__expired'>{t('login.qrExpired')}</Text>
            <Button className='qr-refresh-btn' size='mini' type='primary' onClick={() => void create()}>
              {t('login.qrRefresh')}
            </Button>
          </View>
        )}
      </View>
      <Text className='sign-in__hint'>{t('login.qrHint')}</Text>
      {phase === 'pending' && (
        <Text className='sign-in__countdown qr-countdown'>{t('login.qrExpiresIn', { seconds: secondsLeft })}</Text>
      )}
      {phase === 'confirmed' && <Text className='sign-in__countdown'>{t('login.qrConfirmed')}</Text>}
      {error !== undefined && <Text className='sign-in__error error-message'>{describeError(error)}</Text>}
    </View>
  )
}
