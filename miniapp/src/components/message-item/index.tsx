// One row of the inbox: buyer, time, subject, snippet, store · marketplace, status, SLA and tags. In
// select mode a tap ticks the row instead of opening it. data-* attributes are e2e selectors.
import { Text, View } from '@tarojs/components'
import type { MessageSummary } from '@sellerinbox/shared'
import { memo } from 'react'
import { useI18n } from '../../hooks/use-i18n'
import { kindName, listTime } from '../../utils/inbox-format'
import { MessageStatusChip } from '../message-status'
import { SlaBadge } from '../sla-badge'
import { TagChip } from '../tag-chip'
import './index.scss'

interface Props {
  message: MessageSummary
  now: number
  selecting?: boolean
  selected?: boolean
  /** Highlights the row (the message the history page was opened from). */
  current?: boolean
  onOpen: (message: MessageSummary) => void
  onToggle?: (message: MessageSummary) => void
}

export const MessageItem = memo(function MessageItem({ message: m, now, selecting, selected, current, onOpen, onToggle }: Props) {
  const { t } = useI18n()
  const who = m.direction === 'out' ? t('inbox.me') : (m.buyerName ?? m.fromName ?? m.fromAddress ?? t('inbox.unknownSender'))
  const classes = ['message-item', m.isRead ? '' : 'message-item--unread', selected ? 'message-item--selected' : '', current ? 'message-item--current' : '']
  return (
    <View
      className={classes.filter(Boolean).join(' ')}
      data-message-id={String(m.id)}
      data-status={m.status}
      data-read={m.isRead ? 'read' : 'unread'}
      data-marketplace={m.marketplace}
      onClick={() => (selecting && onToggle ? onToggle(m) : onOpen(m))}
    >
      {selecting && <Text className='message-item__check'>{selected ? '✓' : ''}</Text>}
      <View className='message-item__main'>
        <View className='message-item__top'>
          {!m.isRead && <View className='message-item__dot' />}
          <Text className='message-item__buyer'>{who}</Text>
          <Text className='message-item__time'>{listTime(m.receivedAt, now)}</Text>
        </View>
        <Text className='message-item__subject'>{m.subject || t('inbox.noSubject')}</Text>
        {m.snippet && <Text className='message-item__snippet'>{m.snippet}</Text>}
        <View className='message-item__meta'>
          <Text className='message-item__store'>
            {m.storeName} · {m.marketplace}
          </Text>
          <Text className='message-item__kind'>{kindName(m.kind)}</Text>
          {m.orderId && <Text className='message-item__order'>{m.orderId}</Text>}
          {m.attachmentCount > 0 && <Text className='message-item__attachments'>📎{m.attachmentCount}</Text>}
        </View>
        <View className='message-item__badges'>
          <MessageStatusChip status={m.status} />
          <SlaBadge message={m} now={now} />
          {m.suspicious && <Text className='message-item__warning'>{t('inbox.suspicious')}</Text>}
          {m.parseError && <Text className='message-item__warning'>{t('inbox.parseError')}</Text>}
          {m.tags.map((tag) => (
            <TagChip key={tag.id} tag={tag} />
          ))}
        </View>
      </View>
    </View>
  )
})
