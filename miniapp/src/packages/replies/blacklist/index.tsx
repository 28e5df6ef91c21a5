// 黑名单: buyer relay addresses and order ids the org never emails (the reply box refuses to send to
// them). Main account adds and removes entries; sub-accounts see the list.
import { Button, Input, Text, View } from '@tarojs/components'
import type { BlacklistEntry } from '@sellerinbox/shared/api/replies'
import { useState } from 'react'
import { Section } from '../../../components/section'
import { Loadable } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { addBlacklistEntry, deleteBlacklistEntry, listBlacklist } from '../../../services/reply-settings'
import { disabledIf } from '../../../utils/button'
import { confirm, toast, toastError } from '../../../utils/feedback'
import { formatTime } from '../../../utils/format'
import './index.scss'

type Kind = BlacklistEntry['kind']
const KINDS: readonly Kind[] = ['relay', 'order']
const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/
const RELAY_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export default function BlacklistPage() {
  const { t } = useI18n()
  usePageTitle('replies.blacklist')
  const session = useRequiredSession()
  const isMain = session?.user.role === 'main'
  const entries = useLoader(listBlacklist, [], !!session)

  const remove = async (entry: BlacklistEntry) => {
    if (!(await confirm(t('replies.deleteEntryConfirm', { value: entry.value })))) return
    try {
      await deleteBlacklistEntry(entry.id)
      toast(t('replies.deleted'), 'success')
      await entries.reload()
    } catch (error) {
      toastError(error)
    }
  }

  return (
    <View className='replies-page blacklist-page'>
      {!isMain && <Text className='replies-readonly'>{t('replies.settingsReadOnly')}</Text>}
      {isMain && <EntryForm onAdded={() => void entries.reload()} />}
      <Loadable data={entries.data} error={entries.error} loading={entries.loading} onRetry={() => void entries.reload()}>
        {(list) => (
          <Section title={t('replies.blacklistCount', { n: list.length })}>
            {list.length === 0 && <Text className='replies-hint'>{t('replies.blacklistEmpty')}</Text>}
            {list.map((entry) => (
              <View key={entry.id} className='replies-row blacklist-row' data-entry-id={String(entry.id)}>
                <View className='replies-row__main'>
                  <Text className='replies-row__title'>
                    {entry.value}
                    <Text className='replies-badge'>{t(`replies.kind.${entry.kind}`)}</Text>
                  </Text>
                  <Text className='replies-row__meta'>{[entry.note, formatTime(entry.createdAt)].filter(Boolean).join(' · ')}</Text>
                </View>
                {isMain && (
                  <Text className='replies-delete-btn blacklist-delete' onClick={() => void remove(entry)}>
                    {t('replies.delete')}
                  </Text>
                )}
              </View>
            ))}
          </Section>
        )}
      </Loadable>
    </View>
  )
}

function EntryForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n()
  const [kind, setKind] = useState<Kind>('relay')
  const [value, setValue] = useState('')
  const [note, setNote] = useState('')
  const [saving, setSaving] = useState(false)

  const add = async () => {
    const trimmed = value.trim()
    if (!(kind === 'order' ? ORDER_ID : RELAY_ADDRESS).test(trimmed)) return toast(t(`replies.problem.${kind}`))
    setSaving(true)
    try {
      await addBlacklistEntry({ kind, value: trimmed, ...(note.trim() ? { note: note.trim() } : {}) })
      setValue('')
      setNote('')
      toast(t('replies.added'), 'success')
      onAdded()
    } catch (error) {
      toastError(error)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Section title={t('replies.addEntry')}>
      <View className='replies-choices'>
        {KINDS.map((k) => (
          <Text key={k} className={`replies-choice blacklist-kind ${kind === k ? 'replies-choice--active' : ''}`} data-value={k} onClick={() => setKind(k)}>
            {t(`replies.kind.${k}`)}
          </Text>
        ))}
      </View>
      <View className='replies-field'>
        <Input
          className='replies-field__input blacklist-value-input'
          value={value}
          maxlength={320}
          placeholder={kind === 'order' ? '111-2223334-5556667' : t('replies.relayPlaceholder')}
          onInput={(e) => setValue(e.detail.value)}
        />
      </View>
      <View className='replies-field'>
        <Input className='replies-field__input blacklist-note-input' value={note} maxlength={200} placeholder={t('replies.notePlaceholder')} onInput={(e) => setNote(e.detail.value)} />
      </View>
      <Button className='blacklist-add-btn' type='primary' size='mini' loading={disabledIf(saving)} disabled={disabledIf(saving)} onClick={() => void add()}>
        {t('replies.add')}
      </Button>
    </Section>
  )
}
