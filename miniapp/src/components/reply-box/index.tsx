// The reply box of a message (DESIGN.md §6, §8): the message's replies with their delivery state, and
// a composer that can be hidden. Mail with no buyer to answer (Amazon notices, claims, suspicious mail)
// gets an explanation instead of a composer. Owns no message data: the page passes the values
// templates need and reloads the message when a reply settles (status, SLA).
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MessageDetail } from '@sellerinbox/shared/api/messages'
import type { Reply } from '@sellerinbox/shared/api/replies'
import type { TemplateValues } from '@sellerinbox/shared/domain/reply-template'
import { useRef, useState } from 'react'
import { useI18n } from '../../hooks/use-i18n'
import { useLoader } from '../../hooks/use-loader'
import { getReplyContext } from '../../services/replies'
import { emitMessagesChanged } from '../../utils/message-events'
import { Loadable } from '../status'
import { Composer } from './composer'
import { ReplyList } from './reply-list'
import { useReplies } from './use-replies'
import './index.scss'

const HIDDEN_KEY = 'replyBoxHidden'

export type ReplyTarget = Pick<MessageDetail, 'id' | 'buyerName' | 'orderId' | 'asin' | 'productTitle' | 'storeName' | 'marketplace'>

interface Props {
  message: ReplyTarget
  /** A reply left queued/sending (sent, failed…): the page reloads the message. */
  onSettled?: () => void
}

const valuesOf = (m: ReplyTarget): TemplateValues => ({
  buyerName: m.buyerName,
  orderId: m.orderId,
  asin: m.asin,
  productTitle: m.productTitle,
  storeName: m.storeName,
  marketplace: m.marketplace,
})

export function ReplyBox({ message, onSettled }: Props) {
  const { t } = useI18n()
  const context = useLoader(() => getReplyContext(message.id), [message.id])
  const [hidden, setHidden] = useState(() => Taro.getStorageSync(HIDDEN_KEY) === true)
  // Replies sent with "mark processed" from this box: the inbox hears the status change when they go out.
  const markingProcessed = useRef(new Set<number>())

  const settled = (reply: Reply) => {
    if (reply.state === 'sent') {
      emitMessagesChanged([{ id: message.id, slaDueAt: null, ...(markingProcessed.current.has(reply.id) ? { status: 'processed' as const } : {}) }])
    }
    onSettled?.()
  }
  const { replies, add } = useReplies(message.id, context.data?.replies, settled)

  const toggle = () => {
    setHidden(!hidden)
    Taro.setStorageSync(HIDDEN_KEY, !hidden)
  }

  return (
    <View className={`reply-box reply-box--live ${hidden ? 'reply-box--hidden' : ''}`}>
      <View className='reply-box__head'>
        <Text className='reply-box__title'>{t('reply.title')}</Text>
        <Text className='reply-box-toggle' onClick={toggle}>
          {hidden ? t('reply.show') : t('reply.hide')}
        </Text>
      </View>
      <Loadable data={context.data} error={context.error} loading={context.loading} onRetry={() => void context.reload()}>
        {(ctx) => (
          <>
            <ReplyList replies={replies} />
            {/* Hidden, not unmounted: the draft survives hide and show. */}
            <View className={hidden ? 'reply-box__body--hidden' : ''}>
              {ctx.replyable ? (
                <Composer
                  messageId={message.id}
                  marketplace={message.marketplace}
                  values={valuesOf(message)}
                  context={ctx}
                  onQueued={(reply, markProcessed) => {
                    if (markProcessed) markingProcessed.current.add(reply.id)
                    add(reply)
                  }}
                />
              ) : (
                <Text className='reply-not-replyable'>{t('reply.notReplyable')}</Text>
              )}
            </View>
          </>
        )}
      </Loadable>
    </View>
  )
}
