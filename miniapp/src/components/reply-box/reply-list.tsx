// The message's replies, newest first, each with its delivery state in words: queued (and retrying),
// sending, sent, failed with the reason, unknown (interrupted mid-send), rejected by Amazon.
import { Text, View } from '@tarojs/components'
import type { Reply } from '@sellerinbox/shared/api/replies'
import { t } from '../../i18n'
import { useI18n } from '../../hooks/use-i18n'
import { formatTime } from '../../utils/format'
import { fileSize } from '../../utils/inbox-format'

export function replyStateText(reply: Reply): string {
  const reason = reply.lastError || reply.smtpResponse || t('replyState.noReason')
  switch (reply.state) {
    case 'queued':
      return reply.attempts > 0 && reply.lastError ? t('replyState.retrying', { reason: reply.lastError }) : t('replyState.queued')
    case 'sending':
      return t('replyState.sending')
    case 'sent':
      return t('replyState.sent')
    case 'failed':
      return t('replyState.failed', { reason })
    case 'unknown':
      return t('replyState.unknown')
    case 'rejected_by_amazon':
      return t('replyState.rejected_by_amazon', { reason })
  }
}

export function ReplyList({ replies }: { replies: Reply[] }) {
  useI18n()
  if (replies.length === 0) return null
  return (
    <View className='reply-list'>
      <Text className='reply-list__title'>{t('reply.history', { n: replies.length })}</Text>
      {[...replies].reverse().map((reply) => (
        <View key={reply.id} className={`reply-item reply-item--${reply.state}`} data-reply-id={String(reply.id)} data-state={reply.state}>
          <View className='reply-item__head'>
            <Text className={`reply-state reply-state--${reply.state}`}>{replyStateText(reply)}</Text>
            <Text className='reply-item__time'>{formatTime(reply.sentAt ?? reply.createdAt)}</Text>
          </View>
          <Text className='reply-item__subject'>{reply.subject}</Text>
          <Text className='reply-item__body' userSelect>
            {reply.body}
          </Text>
          {reply.attachments.map((a, index) => (
            <Text key={`${a.filename}-${index}`} className='reply-item__attachment'>
              📎 {a.filename} · {fileSize(a.size)}
            </Text>
          ))}
          {reply.author && <Text className='reply-item__author'>{t('reply.by', { name: reply.author.displayName })}</Text>}
        </View>
      ))}
    </View>
  )
}
