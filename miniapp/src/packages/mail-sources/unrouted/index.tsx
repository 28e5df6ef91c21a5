// 未匹配邮件 (main account): mail that reached a mail source but matched no dedicated address. Nothing is
// dropped: it is re-routed automatically once a matching address exists (the row then says where it went).
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { EmptyState, ErrorState, Loading } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { usePagedList } from '../../../hooks/use-paged-list'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { PAGES, pageUrl } from '../../../routes'
import { describeError } from '../../../services/api-error'
import { listUnroutedMail } from '../../../services/mail-sources'
import { formatTime } from '../../../utils/format'
import './index.scss'

export default function UnroutedMailPage() {
  const { t } = useI18n()
  usePageTitle('unrouted.title')
  const session = useRequiredSession()
  const list = usePagedList(listUnroutedMail, [], !!session)

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  return (
    <View className='unrouted-page'>
      <Text className='unrouted-page__intro'>{t('unrouted.intro')}</Text>
      {list.items === undefined ? (
        list.error !== undefined ? (
          <ErrorState error={list.error} onRetry={() => void list.refresh()} />
        ) : (
          <Loading />
        )
      ) : list.items.length === 0 ? (
        <EmptyState text={t('unrouted.empty')} />
      ) : (
        <View className='unrouted-list'>
          {list.items.map((mail) => (
            <View key={mail.id} className='unrouted-item' data-unrouted-id={String(mail.id)} data-routed={mail.routedAt ? 'yes' : 'no'}>
              <View className='unrouted-item__head'>
                <Text className='unrouted-item__subject'>{mail.subject || t('inbox.noSubject')}</Text>
                <Text className='unrouted-item__time'>{formatTime(mail.receivedAt)}</Text>
              </View>
              <Text className='unrouted-item__line'>{t('unrouted.from', { from: mail.fromAddress ?? '—' })}</Text>
              <Text className='unrouted-item__line'>{t('unrouted.to', { to: mail.recipients.join(', ') || '—' })}</Text>
              {mail.routedAt ? (
                <Text
                  className='unrouted-item__routed'
                  onClick={() => mail.routedMessageId && void Taro.navigateTo({ url: pageUrl(PAGES.messageDetail, { id: mail.routedMessageId }) })}
                >
                  {t('unrouted.routed', { time: formatTime(mail.routedAt) })}
                </Text>
              ) : (
                <Text className='unrouted-item__pending'>{t('unrouted.pending')}</Text>
              )}
            </View>
          ))}
          {list.moreError !== undefined ? (
            <View className='unrouted-footer error-message' onClick={() => void list.loadMore()}>
              {t('inbox.moreFailed', { message: describeError(list.moreError) })}
            </View>
          ) : (
            <View className='unrouted-footer' onClick={() => void list.loadMore()}>
              {list.loadingMore ? t('common.loading') : list.hasMore ? t('inbox.loadMore') : t('inbox.end')}
            </View>
          )}
        </View>
      )}
    </View>
  )
}
