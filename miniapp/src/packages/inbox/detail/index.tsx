// One message: header with status, SLA and tags; marks (pending / follow-up / processed, replied on the
// platform — final, confirmed first — and unread); the buyer's words; the order panel; the sanitized
// body as rich-text nodes; attachments; links to the conversation history; the change log; and the
// reply box. Opening a message marks it read. Changes are announced to the inbox.
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { MessageDetail, MessageStatus, SettableStatus } from '@sellerinbox/shared'
import { useEffect, useState } from 'react'
import { MessageStatusChip } from '../../../components/message-status'
import { Section } from '../../../components/section'
import { SlaBadge } from '../../../components/sla-badge'
import { EmptyState, Loadable } from '../../../components/status'
import { TagChip } from '../../../components/tag-chip'
import { ReplyBox } from '../../../components/reply-box'
import { TagPicker } from '../../../components/tag-picker'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { useNow } from '../../../hooks/use-now'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { PAGES, pageUrl } from '../../../routes'
import { getMessage, markRepliedOnPlatform, setMessageTags, updateMessage } from '../../../services/messages'
import { listTags } from '../../../services/tags'
import { confirm, toast, toastError } from '../../../utils/feedback'
import { formatTime, marketplaceName } from '../../../utils/format'
import { changeText, kindName } from '../../../utils/inbox-format'
import { emitMessagesChanged, type MessagePatch } from '../../../utils/message-events'
import { disabledIf } from '../../../utils/button'
import { AttachmentList } from './attachment-list'
import { MessageBody } from './message-body'
import { OrderPanel } from './order-panel'
import './index.scss'

const SETTABLE: readonly SettableStatus[] = ['pending', 'follow_up', 'processed']

export default function MessageDetailPage() {
  const { t } = useI18n()
  usePageTitle('detail.title')
  const { params } = useRouter<{ id?: string }>()
  const id = Number(params.id)
  const session = useRequiredSession()
  const message = useLoader(() => getMessage(id), [id], !!session && id > 0)
  const tags = useLoader(listTags, [], !!session)
  const [busy, setBusy] = useState(false)
  const [pickingTags, setPickingTags] = useState(false)
  const now = useNow()
  const isMain = session?.user.role === 'main'

  // Reading a message marks it read (once; "mark unread" afterwards sticks).
  const [markedRead, setMarkedRead] = useState(false)
  useEffect(() => {
    const current = message.data
    if (!current || current.isRead || markedRead) return
    setMarkedRead(true)
    updateMessage(current.id, { isRead: true })
      .then(() => {
        message.setData({ ...current, isRead: true })
        emitMessagesChanged([{ id: current.id, isRead: true }])
      })
      .catch(() => undefined) // the message still shows; it merely stays unread
  }, [message.data])

  /** Runs a change, tells the inbox, and reloads the message so the change log shows it. */
  const change = async (work: () => Promise<unknown>, patch: MessagePatch, done?: string): Promise<boolean> => {
    setBusy(true)
    try {
      await work()
      emitMessagesChanged([patch])
      if (done) toast(done, 'success')
      await message.reload()
      return true
    } catch (error) {
      toastError(error)
      return false
    } finally {
      setBusy(false)
    }
  }

  const setStatus = (current: MessageDetail, status: SettableStatus) => {
    if (busy || current.status === status) return
    void change(() => updateMessage(current.id, { status }), { id: current.id, status }, t('detail.statusChanged', { status: t(`status.${status}`) }))
  }

  const repliedOnPlatform = async (current: MessageDetail) => {
    if (busy || !(await confirm(t('detail.repliedConfirm'), t('detail.repliedTitle')))) return
    void change(() => markRepliedOnPlatform(current.id), { id: current.id, status: 'replied_on_platform' }, t('detail.repliedDone'))
  }

  const markUnread = (current: MessageDetail) =>
    void change(() => updateMessage(current.id, { isRead: false }), { id: current.id, isRead: false }, t('detail.markedUnread'))

  const saveTags = (current: MessageDetail, tagIds: number[]) => {
    const chosen = (tags.data ?? []).filter((tag) => tagIds.includes(tag.id))
    void change(() => setMessageTags(current.id, tagIds), { id: current.id, tags: chosen }, t('detail.tagsSaved')).then((ok) => ok && setPickingTags(false))
  }

  if (!(id > 0)) {
    return (
      <View className='message-detail-page'>
        <EmptyState text={t('error.NOT_FOUND')} />
      </View>
    )
  }

  return (
    <View className='message-detail-page'>
      <Loadable data={message.data} error={message.error} loading={message.loading} onRetry={() => void message.reload()}>
        {(m) => {
          const final = m.status === 'replied_on_platform'
          return (
            <>
              <Section className='message-header'>
                <Text className='message-header__subject' userSelect>
                  {m.subject || t('inbox.noSubject')}
                </Text>
                <View className='message-header__chips'>
                  <MessageStatusChip status={m.status} />
                  <SlaBadge message={m} now={now} />
                  <Text className='message-header__kind'>{kindName(m.kind)}</Text>
                  {!m.isRead && <Text className='message-header__unread'>{t('detail.unread')}</Text>}
                </View>
                <Fact label={t('detail.from')} value={[m.fromName, m.fromAddress && `<${m.fromAddress}>`].filter(Boolean).join(' ')} />
                {m.toAddresses.length > 0 && <Fact label={t('detail.to')} value={m.toAddresses.join(', ')} />}
                <Fact label={t('detail.store')} value={`${m.storeName} · ${m.marketplace} ${marketplaceName(m.marketplace)}`} />
                <Fact label={t('detail.received')} value={formatTime(m.receivedAt)} />
                <View className='message-tags'>
                  {m.tags.map((tag) => (
                    <TagChip key={tag.id} tag={tag} />
                  ))}
                  <Text className='edit-tags-btn' onClick={() => setPickingTags(true)}>
                    {m.tags.length ? t('detail.editTags') : t('detail.addTags')}
                  </Text>
                </View>
              </Section>

              {m.suspicious && <View className='message-warning message-warning--suspicious'>{t('detail.suspicious')}</View>}
              {m.parseError && <View className='message-warning message-warning--parse'>{t('detail.parseError', { reason: m.parseError })}</View>}

              <Section className='message-actions' title={t('detail.marks')}>
                {final ? (
                  <Text className='status-final'>{t('detail.finalNotice')}</Text>
                ) : (
                  <>
                    <View className='status-actions'>
                      {SETTABLE.map((status) => (
                        <Text
                          key={status}
                          className={`status-action ${m.status === status ? 'status-action--active' : ''} ${busy ? 'status-action--busy' : ''}`}
                          data-status={status}
                          onClick={() => setStatus(m, status)}
                        >
                          {t(`status.${status}` as `status.${MessageStatus}`)}
                        </Text>
                      ))}
                    </View>
                    <Button className='replied-on-platform-btn' size='mini' disabled={disabledIf(busy)} onClick={() => void repliedOnPlatform(m)}>
                      {t('detail.markReplied')}
                    </Button>
                  </>
                )}
                <Button className='mark-unread-btn' size='mini' disabled={disabledIf(busy || !m.isRead)} onClick={() => markUnread(m)}>
                  {t('detail.markUnread')}
                </Button>
              </Section>

              {m.buyerText && (
                <Section className='buyer-text' title={t('detail.buyerText')}>
                  <Text className='buyer-text__content' userSelect>
                    {m.buyerText}
                  </Text>
                </Section>
              )}

              {m.order && <OrderPanel order={m.order} />}

              <MessageBody html={m.bodyHtml} text={m.bodyText} collapsed={!!m.buyerText} />

              {m.attachments.length > 0 && <AttachmentList attachments={m.attachments} />}

              {m.conversationId && (
                <View
                  className='conversation-link'
                  onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.conversation, { id: m.conversationId ?? undefined, current: m.id }) })}
                >
                  <Text>{t('detail.conversation')}</Text>
                  <Text className='conversation-link__arrow'>›</Text>
                </View>
              )}

              <ReplyBox message={m} onSettled={() => void message.reload()} />

              {m.history.length > 0 && (
                <Section className='change-log' title={t('detail.changeLog')}>
                  {m.history.map((entry, index) => (
                    <View key={`${entry.at}-${index}`} className='change-log__entry'>
                      <Text className='change-log__time'>{formatTime(entry.at)}</Text>
                      <Text className='change-log__text'>
                        {entry.by.displayName} {changeText(entry.change)}
                      </Text>
                    </View>
                  ))}
                </Section>
              )}

              {pickingTags && (
                <TagPicker
                  title={t('detail.tagsTitle')}
                  tags={tags.data ?? []}
                  mode='many'
                  initial={m.tags.map((tag) => tag.id)}
                  busy={busy}
                  onClose={() => setPickingTags(false)}
                  onConfirm={(ids) => saveTags(m, ids)}
                  onManage={isMain ? () => void Taro.navigateTo({ url: pageUrl(PAGES.tags) }) : undefined}
                />
              )}
            </>
          )
        }}
      </Loadable>
    </View>
  )
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='message-fact'>
      <Text className='message-fact__label'>{label}</Text>
      <Text className='message-fact__value' userSelect>
        {value}
      </Text>
    </View>
  )
}
