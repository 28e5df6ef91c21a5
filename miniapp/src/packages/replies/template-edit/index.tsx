// One reply template: name, marketplace and language (optional: "all"), and the text with variable
// chips that insert {{variable}} where the cursor is. The preview fills the variables with sample
// values and runs the same policy check as the reply box, so a template Amazon would refuse shows
// here first. Main account edits and deletes; sub-accounts see it read-only.
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ReplyTemplate } from '@sellerinbox/shared/api/replies'
import { MARKETPLACE_CODES } from '@sellerinbox/shared/domain/marketplaces'
import { checkReply } from '@sellerinbox/shared/domain/reply-policy'
import { TEMPLATE_VARIABLES, renderTemplate, unknownPlaceholders, type TemplateValues, type TemplateVariable } from '@sellerinbox/shared/domain/reply-template'
import { useRef, useState } from 'react'
import { PolicyWarnings } from '../../../components/reply-box/policy-warnings'
import { FormActions, FormError, FormField, FormProblems } from '../../../components/form'
import { Section } from '../../../components/section'
import { Loadable } from '../../../components/status'
import { useFormAction } from '../../../hooks/use-form-action'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { ApiError } from '../../../services/api-error'
import { createTemplate, deleteTemplate, listForbiddenWords, listTemplates, updateTemplate } from '../../../services/reply-settings'
import { disabledIf } from '../../../utils/button'
import { confirm, toast } from '../../../utils/feedback'
import './index.scss'

const LANGUAGES = ['en', 'de', 'fr', 'it', 'es', 'pt', 'nl', 'sv', 'pl', 'tr', 'ar', 'ja', 'zh'] as const
const MAX_NAME = 60
const MAX_BODY = 4000

async function loadTemplate(id: number | undefined): Promise<ReplyTemplate | null> {
  if (!id) return null
  const found = (await listTemplates()).find((template) => template.id === id)
  if (!found) throw new ApiError('NOT_FOUND', 404, 'template not found')
  return found
}

export default function TemplateEditPage() {
  const { params } = useRouter<{ id?: string }>()
  const id = params.id ? Number(params.id) : undefined
  const session = useRequiredSession()
  const isMain = session?.user.role === 'main'
  usePageTitle(!isMain ? 'replies.templateView' : id ? 'replies.editTemplate' : 'replies.newTemplate')
  const template = useLoader(() => loadTemplate(id), [id], !!session)
  return (
    <View className='replies-page template-edit-page'>
      <Loadable data={template.data} error={template.error} loading={template.loading} onRetry={() => void template.reload()}>
        {(current) => <TemplateForm key={current?.id ?? 'new'} template={current} readOnly={!isMain} />}
      </Loadable>
    </View>
  )
}

function TemplateForm({ template, readOnly }: { template: ReplyTemplate | null; readOnly: boolean }) {
  const { t } = useI18n()
  const [name, setName] = useState(template?.name ?? '')
  const [marketplace, setMarketplace] = useState<string | null>(template?.marketplace ?? null)
  const [language, setLanguage] = useState<string | null>(template?.language ?? null)
  const [body, setBody] = useState(template?.body ?? '')
  const [problems, setProblems] = useState<string[]>([])
  const { busy, error, run } = useFormAction<'save' | 'delete'>()
  const cursor = useRef<number | null>(null)
  const words = useLoader(listForbiddenWords, [])

  const sample: TemplateValues = {
    buyerName: 'Jamie Rivera',
    orderId: '111-2223334-5556667',
    asin: 'B0C1234567',
    productTitle: t('replies.sampleProduct'),
    storeName: t('replies.sampleStore'),
    marketplace: marketplace ?? 'US',
  }
  const preview = renderTemplate(body, sample)
  const unknown = unknownPlaceholders(body)
  const unknownProblem = t('replies.problem.unknown', { names: unknown.map((u) => `{{${u}}}`).join(', ') })
  const policy = checkReply({ body: preview.text, forbiddenWords: words.data ?? [] }).filter((p) => p.code !== 'EMPTY_BODY')

  const insert = (variable: TemplateVariable) => {
    const at = cursor.current ?? body.length
    const token = `{{${variable}}}`
    setBody(body.slice(0, at) + token + body.slice(at))
    cursor.current = at + token.length
  }

  const check = (): string[] => {
    const list: string[] = []
    if (!name.trim()) list.push(t('replies.problem.name'))
    if (!body.trim()) list.push(t('replies.problem.body'))
    if (unknown.length) list.push(unknownProblem)
    setProblems(list)
    return list
  }

  const save = () => {
    if (check().length) return
    void run('save', async () => {
      const payload = { name: name.trim(), body, marketplace, language }
      if (template) await updateTemplate(template.id, payload)
      else await createTemplate(payload)
      toast(t('common.saved'), 'success')
      setTimeout(() => void Taro.navigateBack(), 600)
    })
  }

  const remove = async () => {
    if (!template || !(await confirm(t('replies.deleteTemplateConfirm', { name: template.name })))) return
    await run('delete', async () => {
      await deleteTemplate(template.id)
      toast(t('replies.deleted'), 'success')
      setTimeout(() => void Taro.navigateBack(), 600)
    })
  }

  const choices = (values: readonly string[], current: string | null, onPick: (value: string | null) => void, allLabel: string, kind: string) => (
    <View className='replies-choices'>
      {[null, ...values].map((value) => (
        <Text
          key={value ?? 'all'}
          className={`replies-choice template-${kind}-option ${current === value ? 'replies-choice--active' : ''}`}
          data-value={value ?? 'all'}
          onClick={() => !readOnly && onPick(value)}
        >
          {value ?? allLabel}
        </Text>
      ))}
    </View>
  )

  return (
    <>
      {readOnly && <Text className='replies-readonly'>{t('replies.templatesReadOnly')}</Text>}
      <Section>
        <FormField label={t('replies.templateName')}>
          {readOnly ? (
            <Text className='replies-row__title'>{name}</Text>
          ) : (
            <Input className='form-field__input template-name-input' value={name} maxlength={MAX_NAME} placeholder={t('replies.templateNamePlaceholder')} onInput={(e) => setName(e.detail.value)} />
          )}
        </FormField>
        <FormField label={t('replies.templateMarketplace')}>{choices(MARKETPLACE_CODES, marketplace, setMarketplace, t('replies.allMarketplaces'), 'marketplace')}</FormField>
        <FormField label={t('replies.templateLanguage')}>{choices(LANGUAGES, language, setLanguage, t('replies.allLanguages'), 'language')}</FormField>
        <FormField label={t('replies.templateBody')}>
          {readOnly ? (
            <Text className='replies-hint' userSelect>
              {body}
            </Text>
          ) : (
            <>
              <View className='replies-choices template-variables'>
                {TEMPLATE_VARIABLES.map((variable) => (
                  <Text key={variable} className='replies-choice template-variable-chip' data-variable={variable} onClick={() => insert(variable)}>
                    {t(`variable.${variable}`)}
                  </Text>
                ))}
              </View>
              <Text className='replies-hint'>{t('replies.variablesHint')}</Text>
              <Textarea
                className='form-field__textarea template-body-input'
                value={body}
                maxlength={MAX_BODY}
                placeholder={t('replies.templateBodyPlaceholder')}
                onInput={(e) => {
                  setBody(e.detail.value)
                  cursor.current = e.detail.cursor ?? e.detail.value.length
                }}
                onBlur={(e) => {
                  const at = (e.detail as { cursor?: number }).cursor
                  if (typeof at === 'number') cursor.current = at
                }}
              />
            </>
          )}
        </FormField>
      </Section>

      <Section className='template-preview' title={t('replies.preview')}>
        <Text className='replies-hint template-preview__text' userSelect>
          {preview.text || t('replies.previewEmpty')}
        </Text>
        {unknown.length > 0 && <FormProblems problems={[unknownProblem]} />}
        <PolicyWarnings problems={policy} body={preview.text} title={t('replies.previewWarnings', { n: policy.length })} />
      </Section>

      <FormProblems problems={problems} />
      <FormError error={error} />

      {!readOnly && (
        <FormActions>
          <Button className='template-save-btn' type='primary' loading={disabledIf(busy === 'save')} disabled={disabledIf(!!busy)} onClick={save}>
            {t('common.save')}
          </Button>
          {template && (
            <Button className='template-delete-btn' type='warn' loading={disabledIf(busy === 'delete')} disabled={disabledIf(!!busy)} onClick={() => void remove()}>
              {t('replies.deleteTemplate')}
            </Button>
          )}
        </FormActions>
      )}
    </>
  )
}
