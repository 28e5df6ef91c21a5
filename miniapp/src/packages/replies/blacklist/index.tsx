// 黑名单: buyer relay addresses and order ids the org never emails (the reply box refuses to send to
// them). Main account adds and removes entries; sub-accounts see the list.
import { Input, Text, View } from '@tarojs/components'
import type { BlacklistEntry } from '@sellerinbox/shared/api/replies'
import { useState } from 'react'
import { FormField } from '../../../components/form'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { addBlacklistEntry, deleteBlacklistEntry, listBlacklist } from '../../../services/reply-settings'
import { formatTime } from '../../../utils/format'
import { AddEntryForm, EditableList } from '../editable-list'
import './index.scss'

type Kind = BlacklistEntry['kind']
const KINDS: readonly Kind[] = ['relay', 'order']
const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/
const RELAY_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export default function BlacklistPage() {
  const { t } = useI18n()
  usePageTitle('replies.blacklist')
  const session = useRequiredSession()
  const entries = useLoader(listBlacklist, [], !!session)

  return (
    <View className='replies-page blacklist-page'>
      <EditableList
        list={entries}
        editable={session?.user.role === 'main'}
        form={<EntryForm onAdded={() => void entries.reload()} />}
        title={(n) => t('replies.blacklistCount', { n })}
        emptyText={t('replies.blacklistEmpty')}
        rowClassName='blacklist-row'
        idAttribute='data-entry-id'
        deleteClassName='blacklist-delete'
        deleteConfirm={(entry) => t('replies.deleteEntryConfirm', { value: entry.value })}
        remove={(entry) => deleteBlacklistEntry(entry.id)}
      >
        {(entry) => (
          <View className='replies-row__main'>
            <Text className='replies-row__title'>
              {entry.value}
              <Text className='replies-badge'>{t(`replies.kind.${entry.kind}`)}</Text>
            </Text>
            <Text className='replies-row__meta'>{[entry.note, formatTime(entry.createdAt)].filter(Boolean).join(' · ')}</Text>
          </View>
        )}
      </EditableList>
    </View>
  )
}

function EntryForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n()
  const [kind, setKind] = useState<Kind>('relay')
  const [value, setValue] = useState('')
  const [note, setNote] = useState('')

  const check = () => ((kind === 'order' ? ORDER_ID : RELAY_ADDRESS).test(value.trim()) ? null : t(`replies.problem.${kind}`))
  const add = async () => {
    await addBlacklistEntry({ kind, value: value.trim(), ...(note.trim() ? { note: note.trim() } : {}) })
    setValue('')
    setNote('')
  }

  return (
    <AddEntryForm title={t('replies.addEntry')} buttonClassName='blacklist-add-btn' check={check} add={add} onAdded={onAdded}>
      <View className='replies-choices'>
        {KINDS.map((k) => (
          <Text key={k} className={`replies-choice blacklist-kind ${kind === k ? 'replies-choice--active' : ''}`} data-value={k} onClick={() => setKind(k)}>
            {t(`replies.kind.${k}`)}
          </Text>
        ))}
      </View>
      <FormField>
        <Input
          className='form-field__input blacklist-value-input'
          value={value}
          maxlength={320}
          placeholder={kind === 'order' ? '111-2223334-5556667' : t('replies.relayPlaceholder')}
          onInput={(e) => setValue(e.detail.value)}
        />
      </FormField>
      <FormField>
        <Input className='form-field__input blacklist-note-input' value={note} maxlength={200} placeholder={t('replies.notePlaceholder')} onInput={(e) => setNote(e.detail.value)} />
      </FormField>
    </AddEntryForm>
  )
}
