// 违禁词: the org's own words (main account adds and deletes; optional language) and the built-in ones
// that are always checked (review and feedback requests, off-Amazon contact), by language.
import { Input, Text, View } from '@tarojs/components'
import { BUILT_IN_FORBIDDEN_WORDS } from '@sellerinbox/shared/domain/reply-policy'
import { useState } from 'react'
import { FormField } from '../../../components/form'
import { Section } from '../../../components/section'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { addForbiddenWord, deleteForbiddenWord, listForbiddenWords } from '../../../services/reply-settings'
import { AddEntryForm, EditableList } from '../editable-list'
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
  const words = useLoader(listForbiddenWords, [], !!session)

  return (
    <View className='replies-page forbidden-words-page'>
      <EditableList
        list={words}
        editable={session?.user.role === 'main'}
        form={<WordForm onAdded={() => void words.reload()} />}
        title={(n) => t('replies.ownWords', { n })}
        emptyText={t('replies.noOwnWords')}
        rowClassName='forbidden-word-row'
        idAttribute='data-word-id'
        deleteClassName='forbidden-word-delete'
        deleteConfirm={(item) => t('replies.deleteWordConfirm', { word: item.word })}
        remove={(item) => deleteForbiddenWord(item.id)}
      >
        {(item) => (
          <Text className='replies-row__title'>
            {item.word}
            <Text className='replies-badge'>{item.language ?? t('replies.allLanguages')}</Text>
          </Text>
        )}
      </EditableList>
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

  const check = () => (word.trim() ? null : t('replies.problem.word'))
  const add = async () => {
    await addForbiddenWord(word.trim(), language)
    setWord('')
  }

  return (
    <AddEntryForm title={t('replies.addWord')} buttonClassName='forbidden-word-add-btn' check={check} add={add} onAdded={onAdded}>
      <Input className='form-field__input forbidden-word-input' value={word} maxlength={MAX_WORD} placeholder={t('replies.wordPlaceholder')} onInput={(e) => setWord(e.detail.value)} />
      <FormField label={t('replies.wordLanguage')}>
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
      </FormField>
    </AddEntryForm>
  )
}
