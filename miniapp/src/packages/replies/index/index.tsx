// 回复设置: the way to the org's reply templates, forbidden words, blacklist and (main account) SMTP relay.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Section } from '../../../components/section'
import { useI18n } from '../../../hooks/use-i18n'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import type { MessageKey } from '../../../i18n'
import { PAGES, pageUrl, type PagePath } from '../../../routes'
import './index.scss'

interface Entry {
  className: string
  page: PagePath
  label: MessageKey
  hint: MessageKey
  mainOnly?: boolean
}

const ENTRIES: readonly Entry[] = [
  { className: 'reply-templates-entry', page: PAGES.replyTemplates, label: 'replies.templates', hint: 'replies.templatesHint' },
  { className: 'forbidden-words-entry', page: PAGES.forbiddenWords, label: 'replies.forbiddenWords', hint: 'replies.forbiddenWordsHint' },
  { className: 'blacklist-entry', page: PAGES.blacklist, label: 'replies.blacklist', hint: 'replies.blacklistHint' },
  { className: 'smtp-relay-entry', page: PAGES.smtpRelay, label: 'replies.smtpRelay', hint: 'replies.smtpRelayHint', mainOnly: true },
]

export default function ReplySettingsPage() {
  const { t } = useI18n()
  usePageTitle('replies.title')
  const session = useRequiredSession()
  const isMain = session?.user.role === 'main'
  return (
    <View className='replies-page reply-settings-page'>
      <Section>
        {ENTRIES.filter((entry) => isMain || !entry.mainOnly).map((entry) => (
          <View key={entry.page} className={`replies-row ${entry.className}`} onClick={() => void Taro.navigateTo({ url: pageUrl(entry.page) })}>
            <View className='replies-row__main'>
              <Text className='replies-row__title'>{t(entry.label)}</Text>
              <Text className='replies-row__meta'>{t(entry.hint)}</Text>
            </View>
            <Text className='replies-row__arrow'>›</Text>
          </View>
        ))}
      </Section>
    </View>
  )
}
