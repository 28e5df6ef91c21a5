// Create an invite (optional note and stores), then hand it over: WeChat share in the mini program,
// copyable page path everywhere. The token is shown once; the server keeps only its hash.
import { Button, Input, Text, View } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import type { CreatedInvite } from '@sellerinbox/shared'
import { useState } from 'react'
import { CheckList } from '../../../components/check-list'
import { Section } from '../../../components/section'
import { Loadable } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { capabilities } from '../../../platform/capabilities'
import { PAGES, pageUrl } from '../../../routes'
import { createInvite } from '../../../services/members'
import { listStores } from '../../../services/stores'
import { copyText, toastError } from '../../../utils/feedback'
import { formatTime } from '../../../utils/format'
import './index.scss'

/** The page path the invitee opens; the server's `path`, with the leading slash share paths need. */
function invitePath(created: CreatedInvite): string {
  if (!created.path) return pageUrl(PAGES.acceptInvite, { token: created.token })
  return created.path.startsWith('/') ? created.path : `/${created.path}`
}

export default function MemberInvitePage() {
  const { t } = useI18n()
  usePageTitle('invite.title')
  const session = useRequiredSession()
  const stores = useLoader(() => listStores(false), [], !!session)
  const [note, setNote] = useState('')
  const [storeIds, setStoreIds] = useState<number[]>([])
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<CreatedInvite>()

  useShareAppMessage(() => ({
    title: t('invite.shareTitle', { org: session?.org.name ?? '' }),
    path: created ? invitePath(created) : pageUrl(PAGES.inbox),
  }))

  const submit = async () => {
    setBusy(true)
    try {
      setCreated(await createInvite({ note: note.trim() || undefined, storeIds }))
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }

  if (created) {
    const path = invitePath(created)
    return (
      <View className='member-invite-page'>
        <Section title={t('invite.createdTitle')} className='invite-result'>
          <Text className='member-invite__hint'>{t('invite.createdHint')}</Text>
          <Text className='member-invite__label'>{t('invite.path')}</Text>
          <Text className='member-invite__path invite-path' userSelect>
            {path}
          </Text>
          <Text className='member-invite__hint'>{t('invite.expiresAt', { time: formatTime(created.invite.expiresAt) })}</Text>
          <View className='member-invite__actions'>
            {capabilities.shareToChat ? (
              <Button className='invite-share-btn' type='primary' openType='share'>
                {t('invite.share')}
              </Button>
            ) : (
              <Text className='member-invite__hint'>{t('invite.webHint')}</Text>
            )}
            <Button className='invite-copy-btn' onClick={() => void copyText(path)}>
              {t('invite.copyPath')}
            </Button>
          </View>
        </Section>
      </View>
    )
  }

  return (
    <View className='member-invite-page'>
      <Section title={t('invite.note')}>
        <Input
          className='member-invite__input invite-note-input'
          value={note}
          maxlength={40}
          placeholder={t('invite.notePlaceholder')}
          onInput={(e) => setNote(e.detail.value)}
        />
      </Section>
      <Section title={t('invite.stores')}>
        <Loadable data={stores.data} error={stores.error} loading={stores.loading} onRetry={() => void stores.reload()}>
          {(list) => (
            <CheckList items={list.map((s) => ({ id: s.id, label: s.name }))} selected={storeIds} onChange={setStoreIds} />
          )}
        </Loadable>
      </Section>
      <View className='member-invite__actions'>
        <Button className='create-invite-btn' type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
          {t('invite.create')}
        </Button>
      </View>
    </View>
  )
}
