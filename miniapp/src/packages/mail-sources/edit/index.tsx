// Add or edit an IMAP mail source (main account), test the connection before or after saving, and
// delete it. A failed test says exactly what failed (login, TLS, network, folder, protocol) and what to
// do. The password is write-only: an empty field on edit keeps the stored one.
import { Button, Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ConnectionTestResult, MailSource, TlsMode } from '@sellerinbox/shared'
import { useState } from 'react'
import { FormActions, FormError, FormField, FormProblems } from '../../../components/form'
import { Section } from '../../../components/section'
import { Loadable } from '../../../components/status'
import { useFormAction } from '../../../hooks/use-form-action'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { createMailSource, deleteMailSource, getMailSource, testConnection, testStoredSource, updateMailSource } from '../../../services/mail-sources'
import { confirm, toast } from '../../../utils/feedback'
import { disabledIf } from '../../../utils/button'
import { ConnectionResult } from './connection-result'
import './index.scss'

const TLS_MODES: readonly TlsMode[] = ['tls', 'starttls', 'none']
const DEFAULT_PORT: Record<TlsMode, number> = { tls: 993, starttls: 143, none: 143 }

export default function MailSourceEditPage() {
  const { params } = useRouter<{ id?: string }>()
  const id = params.id ? Number(params.id) : undefined
  usePageTitle(id ? 'sources.editTitle' : 'sources.addTitle')
  const session = useRequiredSession()
  const existing = useLoader(() => (id ? getMailSource(id) : Promise.resolve(null)), [id], !!session)
  return (
    <View className='mail-source-edit-page'>
      <Loadable data={existing.data} error={existing.error} loading={existing.loading} onRetry={() => void existing.reload()}>
        {(source) => <SourceForm key={source?.id ?? 'new'} source={source} />}
      </Loadable>
    </View>
  )
}

interface Fields {
  name: string
  host: string
  port: string
  tlsMode: TlsMode
  username: string
  password: string
  mailbox: string
  enabled: boolean
}

function SourceForm({ source }: { source: MailSource | null }) {
  const { t } = useI18n()
  const [fields, setFields] = useState<Fields>({
    name: source?.name ?? '',
    host: source?.host ?? '',
    port: String(source?.port ?? DEFAULT_PORT.tls),
    tlsMode: source?.tlsMode ?? 'tls',
    username: source?.username ?? '',
    password: '',
    mailbox: source?.mailbox ?? 'INBOX',
    enabled: source?.enabled ?? true,
  })
  const [portTouched, setPortTouched] = useState(!!source)
  const [result, setResult] = useState<ConnectionTestResult | null>(null)
  const [problems, setProblems] = useState<string[]>([])
  const { busy, error, run } = useFormAction<'test' | 'save' | 'delete'>()

  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => {
    setFields((current) => ({ ...current, [key]: value }))
    setResult(null)
  }
  const pickTls = (mode: TlsMode) => {
    setFields((current) => ({ ...current, tlsMode: mode, port: portTouched ? current.port : String(DEFAULT_PORT[mode]) }))
    setResult(null)
  }

  /** Every problem at once, so the user fixes the form in one go. */
  const check = (forSave: boolean): string[] => {
    const list: string[] = []
    const port = Number(fields.port)
    if (forSave && !fields.name.trim()) list.push(t('sources.problem.name'))
    if (!fields.host.trim()) list.push(t('sources.problem.host'))
    if (!Number.isInteger(port) || port < 1 || port > 65535) list.push(t('sources.problem.port'))
    if (!fields.username.trim()) list.push(t('sources.problem.username'))
    if (!source && !fields.password) list.push(t('sources.problem.password'))
    if (!fields.mailbox.trim()) list.push(t('sources.problem.mailbox'))
    setProblems(list)
    return list
  }

  const connection = () => ({
    host: fields.host.trim(),
    port: Number(fields.port),
    tlsMode: fields.tlsMode,
    username: fields.username.trim(),
    mailbox: fields.mailbox.trim(),
  })

  const test = () => {
    if (check(false).length > 0) return
    setResult(null)
    void run('test', async () => {
      const password = fields.password || undefined
      setResult(source ? await testStoredSource(source.id, { ...connection(), password }) : await testConnection({ ...connection(), password: fields.password }))
    })
  }

  const save = () => {
    if (check(true).length > 0) return
    void run('save', async () => {
      const body = { name: fields.name.trim(), ...connection() }
      if (source) await updateMailSource(source.id, { ...body, enabled: fields.enabled, ...(fields.password ? { password: fields.password } : {}) })
      else await createMailSource({ ...body, password: fields.password })
      toast(t('common.saved'), 'success')
      setTimeout(() => void Taro.navigateBack(), 600)
    })
  }

  const remove = async () => {
    if (!source || !(await confirm(t('sources.deleteConfirm', { name: source.name })))) return
    await run('delete', async () => {
      await deleteMailSource(source.id)
      toast(t('sources.deleted'), 'success')
      setTimeout(() => void Taro.navigateBack(), 600)
    })
  }

  const input = (key: 'name' | 'host' | 'username' | 'mailbox', label: string, placeholder: string) => (
    <FormField label={label}>
      <Input className={`form-field__input source-${key}-input`} value={fields[key]} placeholder={placeholder} onInput={(e) => set(key, e.detail.value)} />
    </FormField>
  )

  return (
    <>
      <Section title={t('sources.account')}>
        {input('name', t('sources.name'), t('sources.namePlaceholder'))}
        {input('host', t('sources.host'), 'imap.example.com')}
        <FormField label={t('sources.tls')}>
          <View className='tls-options'>
            {TLS_MODES.map((mode) => (
              <Text key={mode} className={`tls-option ${fields.tlsMode === mode ? 'tls-option--active' : ''}`} data-mode={mode} onClick={() => pickTls(mode)}>
                {t(`sources.tls.${mode}`)}
              </Text>
            ))}
          </View>
        </FormField>
        <FormField label={t('sources.port')}>
          <Input
            className='form-field__input source-port-input'
            type='number'
            value={fields.port}
            onInput={(e) => {
              setPortTouched(true)
              set('port', e.detail.value)
            }}
          />
        </FormField>
        {input('username', t('sources.username'), 'name@example.com')}
        <FormField label={t('sources.password')}>
          <Input
            className='form-field__input source-password-input'
            password
            value={fields.password}
            placeholder={source ? t('sources.passwordKeep') : t('sources.passwordPlaceholder')}
            onInput={(e) => set('password', e.detail.value)}
          />
        </FormField>
        {input('mailbox', t('sources.mailbox'), 'INBOX')}
        {source && (
          <FormField label={t('sources.enabled')} inline>
            <Switch className='source-enabled-switch' checked={fields.enabled} onChange={(e) => set('enabled', e.detail.value)} />
          </FormField>
        )}
        <Text className='source-hint'>{t('sources.passwordHint')}</Text>
      </Section>

      <FormProblems problems={problems} />
      <FormError error={error} />
      {result && <ConnectionResult result={result} mailbox={fields.mailbox.trim()} />}

      <FormActions>
        <Button className='test-connection-btn' loading={busy === 'test'} disabled={disabledIf(!!busy)} onClick={test}>
          {t('sources.test')}
        </Button>
        <Button className='save-mail-source-btn' type='primary' loading={busy === 'save'} disabled={disabledIf(!!busy)} onClick={save}>
          {t('common.save')}
        </Button>
        {source && (
          <Button className='delete-mail-source-btn' type='warn' loading={busy === 'delete'} disabled={disabledIf(!!busy)} onClick={() => void remove()}>
            {t('sources.delete')}
          </Button>
        )}
      </FormActions>
    </>
  )
}
