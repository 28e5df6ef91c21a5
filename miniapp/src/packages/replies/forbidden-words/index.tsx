// 违禁词: the org's own words (main account adds and deletes; optional language) and the built-in ones
// that are always checked (review and feedback requests, off-Amazon contact), by language.
import { Button, Input, Text, View } from '@tarojs/components'
import type { ForbiddenWordItem } from '@sellerinbox/shared/api/replies'
import { BUILT_IN_FORBIDDEN_WORDS } from '@sellerinbox/shared/domain/reply-policy'
import { useState } from 'react'
import { Section } from '../../../components/section'
import { Loadable } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { addForbiddenWord, deleteForbiddenWord, listForbiddenWords } from '../../../services/reply-settings'
import { disabledIf } from '../../../utils/button'
import { confirm, toast, toastError } from '../../../utils/feedback'
import './index.scss'

const LANGUAGES = ['en', 'de', 'fr', 'it', 'es', 'ja', 'zh'] as const
const MAX_WORD = 100

const builtInByLanguage = BUILT_IN_FORBIDDEN_WORDS.reduce<Record<string, string[]>>((groups, { word, language }) => {
  const key = language ?? '*'
  groups[key] = [...(groups[key] ?? []), word]
  return groups
}, {})

export default function ForbiddenWordsPage() {
  const { t } = useI18n()
  usePageTitle('replies.forbiddenWords')
  const session = useRequiredSession()
  const isMain = session?.user.role === 'main'
  const words = useLoader(listForbiddenWords, [], !!session)

  const remove = async (item: ForbiddenWordItem) => {
    if (!(await confirm(t('replies.deleteWordConfirm', { word: item.word })))) return
    try {
      await deleteForbiddenWord(item.id)
      toast(t('replies.deleted'), 'success')
      await words.reload()
    } catch (error) {
      toastError(error)
    }
  }

  return (
    <View className='replies-page forbidden-words-page'>
      {!isMain && <Text className='replies-readonly'>{t('replies.settingsReadOnly')}</Text>}
      {isMain && <WordForm onAdded={() => void words.reload()} />}
      <Loadable data={words.data} error={words.error} loading={words.loading} onRetry={() => void words.reload()}>
        {(list) => (
          <Section title={t('replies.ownWords', { n: list.length })}>
            {list.length === 0 && <Text className='replies-hint'>{t('replies.noOwnWords')}</Text>}
            {list.map((item) => (
              <View key={item.id} className='replies-row forbidden-word-row' data-word-id={String(item.id)}>
                <Text className='replies-row__title'>
                  {item.word}
                  <Text className='replies-badge'>{item.language ?? t('replies.allLanguages')}</Text>
                </Text>
                {isMain && (
                  <Text className='replies-delete-btn forbidden-word-delete' onClick={() => void remove(item)}>
                    {t('replies.delete')}
                  </Text>
                )}
              </View>
            ))}
          </Section>
        )}
      </Loadable>
      <Section title={t('replies.builtInWords')}>
        <Text className='replies-hint'>{t('replies.builtInHint')}</Text>
        {Object.entries(builtInByLanguage).map(([language, list]) => (
          <View key={language} className='replies-row'>
            <Text className='replies-row__meta'>
              <Text className='replies-badge'>{language}</Text> {list.join(' · ')}
            </Text>
          </View>
        ))}
      </Section>
    </View>
  )
}

function WordForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n()
  const [word, setWord] = useState('')
  const [language, setLanguage] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const add = async () => {
    const trimmed = word.trim()
    if (!trimmed) return toast(t('replies.problem.word'))
    setSaving(true)
    try {
      await addForbiddenWord(trimmed, language)
      setWord('')
      toast(t('replies.added'), 'success')
      onAdded()
    } catch (error) {
      toastError(error)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Section title={t('replies.addWord')}>
      <Input className='replies-field__input forbidden-word-input' value={word} maxlength={MAX_WORD} placeholder={t('replies.wordPlaceholder')} onInput={(e) => setWord(e.detail.value)} />
      <View className='replies-field'>
        <Text className='replies-field__label'>{t('replies.wordLanguage')}</Text>
        <View className='replies-choices'>
          {[null, ...LANGUAGES].map((value) => (
            <Text
              key={value ?? 'all'}
              className={`replies-choice forbidden-word-language ${language === value ? 'replies-choice--active' : ''}`}
              data-value={value ?? 'all'}
              onClick={() => setLanguage(value)}
            >
              {value ?? t('replies.allLanguages')}
            </Text>
          ))}
        </View>
      </View>
      <Button className='forbidden-word-add-btn' type='primary' size='mini' loading={disabledIf(saving)} disabled={disabledIf(saving)} onClick={() => void add()}>
        {t('replies.add')}
      </Button>
    </Section>
  )
}
