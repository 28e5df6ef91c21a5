// Writing and sending a reply: template, text, attachments, [Important] where allowed, live policy
// warnings (the shared checker with the org's words and the blacklist flag), and the two send buttons,
// disabled while a problem remains. The server checks again; its 422 details show the same way.
import { Button, Switch, Text, Textarea, View } from '@tarojs/components'
import type { Reply, ReplyContext, ReplyTemplate } from '@sellerinbox/shared/api/replies'
import { MAX_ATTACHMENTS, checkReply, replySubject, type PolicyProblem } from '@sellerinbox/shared/domain/reply-policy'
import { renderTemplate, type TemplateValues } from '@sellerinbox/shared/domain/reply-template'
import { useMemo, useRef, useState } from 'react'
import { useI18n } from '../../hooks/use-i18n'
import type { MessageKey } from '../../i18n'
import type { PickedFile } from '../../platform/types'
import { describeError, isApiError } from '../../services/api-error'
import { sendReply } from '../../services/replies'
import { disabledIf } from '../../utils/button'
import { confirm, toast } from '../../utils/feedback'
import { AttachButton } from './attach-button'
import { DraftAttachmentList } from './draft-attachment-list'
import { newIdempotencyKey } from '../../utils/request-id'
import { PolicyWarnings } from './policy-warnings'
import { problemsFromServer } from './problems'
import { TemplatePicker } from './template-picker'
import { useDraftAttachments } from './use-draft-attachments'

// The server's limit for a reply body (SendReplyBody); Taro's Textarea defaults to 140 characters.
const MAX_BODY = 20_000

/** Why the send buttons are disabled, if they are. */
function blockReason(state: { sending: boolean; problems: number; shown: number; uploading: boolean; failed: boolean }): MessageKey | null {
  if (state.sending) return 'reply.blocked.sending'
  if (state.shown > 0) return 'reply.blocked.problems'
  if (state.problems > 0) return 'reply.blocked.empty'
  if (state.uploading) return 'reply.blocked.uploading'
  if (state.failed) return 'reply.blocked.failedAttachment'
  return null
}

interface Props {
  messageId: number
  marketplace: string
  values: TemplateValues
  context: ReplyContext
  /** The server stored the reply (`markProcessed` as asked). */
  onQueued: (reply: Reply, markProcessed: boolean) => void
}

export function Composer({ messageId, marketplace, values, context, onQueued }: Props) {
  const { t } = useI18n()
  const [body, setBody] = useState('')
  const [important, setImportant] = useState(false)
  const [picking, setPicking] = useState(false)
  const [sending, setSending] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [sendError, setSendError] = useState<unknown>(null)
  const [refused, setRefused] = useState<{ body: string; problems: PolicyProblem[] } | null>(null)
  const attachments = useDraftAttachments()
  // Made on the first press of send; kept through failed attempts of this draft; dropped once stored.
  const idempotencyKey = useRef<string | null>(null)

  const problems = useMemo(
    () => checkReply({ body, attachments: attachments.infos, forbiddenWords: context.forbiddenWords, blacklisted: context.blacklisted }),
    [body, attachments.uploadIds.join(), context],
  )
  // An empty body blocks sending but is no warning worth showing.
  const shown = problems.filter((p) => p.code !== 'EMPTY_BODY')
  const blockedBy = blockReason({ sending, problems: problems.length, shown: shown.length, uploading: attachments.uploading, failed: attachments.failed })

  const edit = (text: string) => {
    setBody(text)
    // The server's verdict was about the text it saw; the live check speaks for this one.
    setRefused(null)
  }

  const applyTemplate = async (template: ReplyTemplate) => {
    setPicking(false)
    const rendered = renderTemplate(template.body, values)
    if (body.trim() && body !== rendered.text && !(await confirm(t('reply.replaceDraft')))) return
    edit(rendered.text)
    setNotice(rendered.missing.length ? t('reply.templateMissing', { names: rendered.missing.map((name) => t(`variable.${name}`)).join('、') }) : null)
  }

  const attach = (files: PickedFile[]) => {
    const remaining = MAX_ATTACHMENTS - attachments.items.length
    if (files.length > remaining) toast(t('attachment.limit', { max: MAX_ATTACHMENTS }))
    attachments.add(files.slice(0, Math.max(0, remaining)))
  }

  const send = async (markProcessed: boolean) => {
    if (blockedBy) return
    idempotencyKey.current ??= newIdempotencyKey()
    const sentBody = body
    setSending(true)
    setSendError(null)
    setRefused(null)
    setNotice(null)
    try {
      const reply = await sendReply(messageId, {
        body: sentBody,
        uploadIds: attachments.uploadIds,
        idempotencyKey: idempotencyKey.current,
        markProcessed,
        ...(important ? { important: true } : {}),
      })
      idempotencyKey.current = null
      onQueued(reply, markProcessed)
      if (reply.body === sentBody) {
        setBody('')
        setImportant(false)
        attachments.clear()
        toast(t('reply.queuedToast'), 'success')
      } else {
        // An earlier attempt of this draft reached the server before the network failed; it stands,
        // and the edits made since were not sent.
        setNotice(t('reply.sentEarlier'))
      }
    } catch (error) {
      if (isApiError(error, 'REPLY_POLICY_VIOLATION')) setRefused({ body: sentBody, problems: problemsFromServer(error.details, sentBody) })
      else setSendError(error)
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='reply-composer'>
      <View className='reply-meta'>
        <Text className='reply-meta__row reply-to'>{t('reply.to', { address: context.toAddress ?? '' })}</Text>
        <Text className='reply-meta__row reply-subject'>{t('reply.subject', { subject: replySubject(context.subject, { important, marketplace }) })}</Text>
      </View>

      <View className='reply-tools'>
        <Text className='reply-template-btn' onClick={() => setPicking(true)}>
          {t('reply.useTemplate')}
        </Text>
        <AttachButton disabled={sending || attachments.items.length >= MAX_ATTACHMENTS} remaining={MAX_ATTACHMENTS - attachments.items.length} onPicked={attach} />
      </View>

      <Textarea
        className='reply-textarea'
        value={body}
        maxlength={MAX_BODY}
        placeholder={t('reply.placeholder')}
        disabled={disabledIf(sending)}
        onInput={(e) => edit(e.detail.value)}
      />

      {notice && <Text className='reply-notice'>{notice}</Text>}
      <PolicyWarnings className='policy-warnings--live' problems={shown} body={body} title={t('reply.liveWarnings', { n: shown.length })} />
      {refused && <PolicyWarnings className='policy-warnings--server' problems={refused.problems} body={refused.body} title={t('reply.serverRefused')} />}

      <DraftAttachmentList items={attachments.items} onRemove={attachments.remove} />

      {context.importantAllowed && (
        <View className='reply-important'>
          <Switch className='reply-important-switch' checked={important} onChange={(e) => setImportant(e.detail.value)} />
          <Text className='reply-important__text'>{t('reply.important')}</Text>
        </View>
      )}

      {sendError !== null && (
        <View className='reply-send-error' data-code={isApiError(sendError) ? sendError.code : ''}>
          <Text>{describeError(sendError)}</Text>
          {isApiError(sendError, 'NETWORK_FAILED') && <Text className='reply-send-error__hint'>{t('reply.retrySafe')}</Text>}
        </View>
      )}

      <View className='reply-actions'>
        {blockedBy && <Text className='reply-blocked-hint'>{t(blockedBy, { n: shown.length })}</Text>}
        <View className='reply-actions__buttons'>
          <Button className='reply-send-btn' size='mini' type='default' disabled={disabledIf(!!blockedBy)} onClick={() => void send(false)}>
            {t('reply.send')}
          </Button>
          <Button className='reply-send-processed-btn' size='mini' type='primary' loading={disabledIf(sending)} disabled={disabledIf(!!blockedBy)} onClick={() => void send(true)}>
            {t('reply.sendAndProcess')}
          </Button>
        </View>
      </View>

      {picking && <TemplatePicker templates={context.templates} onPick={(template) => void applyTemplate(template)} onClose={() => setPicking(false)} />}
    </View>
  )
}
