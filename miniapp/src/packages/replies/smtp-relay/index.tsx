// 发信服务器 (main account): the SMTP relay the org's replies go out through. Without one, the
// server's global relay is used. The password is write-only: empty on save keeps the stored one.
import { Button, Input, Text, View } from '@tarojs/components'
import type { SmtpRelay, SmtpRelaySetting } from '@sellerinbox/shared/api/replies'
import { useState } from 'react'
import { FormActions, FormError, FormField, FormProblems } from '../../../components/form'
import { Section } from '../../../components/section'
import { Loadable } from '../../../components/status'
import { useFormAction } from '../../../hooks/use-form-action'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { clearSmtpRelay, getSmtpRelay, saveSmtpRelay } from '../../../services/reply-settings'
import { disabledIf } from '../../../utils/button'
import { confirm, toast } from '../../../utils/feedback'
import './index.scss'

type TlsMode = SmtpRelay['tlsMode']
const TLS_MODES: readonly TlsMode[] = ['tls', 'starttls', 'none']
const DEFAULT_PORT: Record<TlsMode, number> = { tls: 465, starttls: 587, none: 25 }

export default function SmtpRelayPage() {
  usePageTitle('replies.smtpRelay')
  const session = useRequiredSession()
  const setting = useLoader(getSmtpRelay, [], !!session)
  return (
    <View className='replies-page smtp-relay-page'>
      <Loadable data={setting.data} error={setting.error} loading={setting.loading} onRetry={() => void setting.reload()}>
        {(current) => <RelayForm key={JSON.stringify(current)} setting={current} onSaved={setting.setData} />}
      </Loadable>
    </View>
  )
}

function RelayForm({ setting, onSaved }: { setting: SmtpRelaySetting; onSaved: (setting: SmtpRelaySetting) => void }) {
  const { t } = useI18n()
  const relay = setting.relay
  const [host, setHost] = useState(relay?.host ?? '')
  const [tlsMode, setTlsMode] = useState<TlsMode>(relay?.tlsMode ?? 'starttls')
  const [port, setPort] = useState(String(relay?.port ?? DEFAULT_PORT.starttls))
  const [username, setUsername] = useState(relay?.username ?? '')
  const [password, setPassword] = useState('')
  const [problems, setProblems] = useState<string[]>([])
  const { busy, error, run } = useFormAction<'save' | 'clear'>()

  const check = (): string[] => {
    const list: string[] = []
    const n = Number(port)
    if (!host.trim()) list.push(t('sources.problem.host'))
    if (!Number.isInteger(n) || n < 1 || n > 65535) list.push(t('sources.problem.port'))
    setProblems(list)
    return list
  }

  const apply = (kind: 'save' | 'clear', work: () => Promise<SmtpRelaySetting>) =>
    run(kind, async () => {
      onSaved(await work())
      toast(t('common.saved'), 'success')
    })

  const save = () => {
    if (check().length) return
    void apply('save', () =>
      saveSmtpRelay({ host: host.trim(), port: Number(port), tlsMode, username: username.trim() || null, ...(password ? { password } : {}) }),
    )
  }

  const useGlobal = async () => {
    if (!(await confirm(t('replies.smtpUseGlobalConfirm')))) return
    void apply('clear', clearSmtpRelay)
  }

  return (
    <>
      <Text className='replies-readonly smtp-relay-status' data-uses-global={String(setting.usesGlobal)}>
        {setting.usesGlobal ? t('replies.smtpUsesGlobal') : t('replies.smtpUsesOwn', { host: relay?.host ?? '' })}
      </Text>
      <Section title={t('replies.smtpOwn')}>
        <FormField label={t('sources.host')}>
          <Input className='form-field__input smtp-host-input' value={host} placeholder='smtp.example.com' onInput={(e) => setHost(e.detail.value)} />
        </FormField>
        <FormField label={t('sources.tls')}>
          <View className='replies-choices'>
            {TLS_MODES.map((mode) => (
              <Text
                key={mode}
                className={`replies-choice smtp-tls-option ${tlsMode === mode ? 'replies-choice--active' : ''}`}
                data-mode={mode}
                onClick={() => {
                  if (port === String(DEFAULT_PORT[tlsMode])) setPort(String(DEFAULT_PORT[mode]))
                  setTlsMode(mode)
                }}
              >
                {t(`sources.tls.${mode}`)}
              </Text>
            ))}
          </View>
        </FormField>
        <FormField label={t('sources.port')}>
          <Input className='form-field__input smtp-port-input' type='number' value={port} onInput={(e) => setPort(e.detail.value)} />
        </FormField>
        <FormField label={t('sources.username')}>
          <Input className='form-field__input smtp-username-input' value={username} placeholder={t('replies.smtpUsernameOptional')} onInput={(e) => setUsername(e.detail.value)} />
        </FormField>
        <FormField label={t('sources.password')}>
          <Input
            className='form-field__input smtp-password-input'
            password
            value={password}
            placeholder={relay ? t('sources.passwordKeep') : t('sources.passwordPlaceholder')}
            onInput={(e) => setPassword(e.detail.value)}
          />
        </FormField>
        <Text className='replies-hint'>{t('replies.smtpHint')}</Text>
      </Section>

      <FormProblems problems={problems} />
      <FormError error={error} />

      <FormActions>
        <Button className='smtp-save-btn' type='primary' loading={disabledIf(busy === 'save')} disabled={disabledIf(!!busy)} onClick={save}>
          {t('common.save')}
        </Button>
        {!setting.usesGlobal && (
          <Button className='smtp-use-global-btn' type='default' loading={disabledIf(busy === 'clear')} disabled={disabledIf(!!busy)} onClick={() => void useGlobal()}>
            {t('replies.smtpUseGlobal')}
          </Button>
        )}
      </FormActions>
    </>
  )
}
