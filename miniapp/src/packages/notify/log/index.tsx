// 通知记录: what was sent, combined into digests, is waiting (cool-down or window), had no credit,
// failed (with WeChat's reason) or was cancelled — newest first, page by page.
import { Button, Text, View } from '@tarojs/components'
import type { NotificationLogItem } from '@sellerinbox/shared/api/notifications'
import { useState } from 'react'
import { EmptyState, Loadable } from '../../../components/status'
import { useLoader } from '../../../hooks/use-loader'
import { useRequiredSession } from '../../../hooks/use-session'
import { getNotificationLog } from '../../../services/notifications'
import { toastError } from '../../../utils/feedback'
import { formatTime } from '../../../utils/format'
import { useNotifyText, useNotifyTitle, type NotifyKey } from '../text'
import './index.scss'

export default function NotifyLogPage() {
  const tt = useNotifyText()
  useNotifyTitle('log.title')
  const session = useRequiredSession()
  const first = useLoader(() => getNotificationLog(), [], !!session)
  const [more, setMore] = useState<{ items: NotificationLogItem[]; nextBefore: number | null } | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)

  const loadMore = async (before: number) => {
    setLoadingMore(true)
    try {
      const page = await getNotificationLog(before)
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], nextBefore: page.nextBefore }))
    } catch (error) {
      toastError(error)
    } finally {
      setLoadingMore(false)
    }
  }

  return (
    <View className='notify-page notify-log'>
      <Loadable data={first.data} error={first.error} loading={first.loading} onRetry={() => void (setMore(null), first.reload())}>
        {(page) => {
          const items = [...page.items, ...(more?.items ?? [])]
          const nextBefore = more ? more.nextBefore : page.nextBefore
          if (!items.length) return <EmptyState text={tt('log.empty')} />
          return (
            <View className='log-list'>
              {items.map((item) => (
                <LogRow key={item.id} item={item} />
              ))}
              {nextBefore && (
                <Button className='log-more' size='mini' loading={loadingMore} onClick={() => void loadMore(nextBefore)}>
                  {tt('log.more')}
                </Button>
              )}
            </View>
          )
        }}
      </Loadable>
    </View>
  )
}

function LogRow({ item }: { item: NotificationLogItem }) {
  const tt = useNotifyText()
  const waiting = item.state === 'queued' || item.state === 'deferred'
  return (
    <View className={`log-row log-row--${item.state}`} data-state={item.state}>
      <View className='log-row__head'>
        <Text className='log-row__title'>{item.title ?? tt(`kind.${item.kind}` as NotifyKey)}</Text>
        <Text className={`log-row__state log-row__state--${item.state}`}>{tt(`state.${item.state}` as NotifyKey)}</Text>
      </View>
      <View className='log-row__meta'>
        <Text>{tt(`kind.${item.kind}` as NotifyKey)}</Text>
        {item.messageCount > 1 && <Text>{tt('log.count', { n: item.messageCount })}</Text>}
        <Text>{waiting ? tt('log.due', { time: formatTime(item.dueAt) }) : item.sentAt ? tt('log.sentAt', { time: formatTime(item.sentAt) }) : formatTime(item.createdAt)}</Text>
      </View>
      {item.reason && !waiting && (
        <Text className='log-row__reason'>
          {item.errcode !== null ? `[${item.errcode}] ` : ''}
          {item.reason}
        </Text>
      )}
    </View>
  )
}
