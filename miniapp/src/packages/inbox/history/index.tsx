// A conversation's communication history (channel × buyer × order), oldest first: buyer messages,
// Amazon's notices about the order and the seller's replies. The message it was opened from is marked.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { MessageSummary } from '@sellerinbox/shared'
import { MessageItem } from '../../../components/message-item'
import { Section } from '../../../components/section'
import { EmptyState, Loadable } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { useNow } from '../../../hooks/use-now'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { PAGES, pageUrl } from '../../../routes'
import { getConversation } from '../../../services/messages'
import { copyText } from '../../../utils/feedback'
import './index.scss'

export default function ConversationPage() {
  const { t } = useI18n()
  usePageTitle('history.title')
  const { params } = useRouter<{ id?: string; current?: string }>()
  const id = Number(params.id)
  const current = Number(params.current)
  const session = useRequiredSession()
  const history = useLoader(() => getConversation(id), [id], !!session && id > 0)
  const now = useNow()

  usePullDownRefresh(() => {
    void history.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const open = (message: MessageSummary) => {
    if (message.id === current) void Taro.navigateBack()
    else void Taro.navigateTo({ url: pageUrl(PAGES.messageDetail, { id: message.id }) })
  }

  return (
    <View className='conversation-page'>
      <Loadable data={history.data} error={history.error} loading={history.loading} onRetry={() => void history.reload()}>
        {({ conversation, messages }) => (
          <>
            <Section className='conversation-head'>
              <Text className='conversation-head__buyer'>{conversation.buyerName ?? t('inbox.unknownSender')}</Text>
              <View className='conversation-head__order'>
                <Text>{conversation.orderId ? t('history.order', { orderId: conversation.orderId }) : t('history.noOrder')}</Text>
                {conversation.orderId && (
                  <Text className='conversation-copy-order' onClick={() => void copyText(conversation.orderId ?? '')}>
                    {t('common.copy')}
                  </Text>
                )}
              </View>
              <Text className='conversation-head__count'>{t('history.count', { n: messages.length })}</Text>
            </Section>
            {messages.length === 0 ? (
              <EmptyState text={t('history.empty')} />
            ) : (
              <View className='conversation-list'>
                {messages.map((message) => (
                  <MessageItem key={message.id} message={message} now={now} current={message.id === current} onOpen={open} />
                ))}
              </View>
            )}
          </>
        )}
      </Loadable>
    </View>
  )
}
