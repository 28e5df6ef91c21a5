// 回复模板: the org's templates (name, marketplace, language, start of the text). The main account
// adds and edits them; sub-accounts read them here and use them in the reply box.
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { FormActions } from '../../../components/form'
import { Section } from '../../../components/section'
import { EmptyState, Loadable } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { PAGES, pageUrl } from '../../../routes'
import { listTemplates } from '../../../services/reply-settings'
import './index.scss'

export default function ReplyTemplatesPage() {
  const { t } = useI18n()
  usePageTitle('replies.templates')
  const session = useRequiredSession()
  const isMain = session?.user.role === 'main'
  // useLoader reloads when the page shows again, i.e. after the edit page saved.
  const templates = useLoader(listTemplates, [], !!session)
  const open = (id?: number) => void Taro.navigateTo({ url: pageUrl(PAGES.replyTemplateEdit, { id }) })

  return (
    <View className='replies-page reply-templates-page'>
      {!isMain && <Text className='replies-readonly'>{t('replies.templatesReadOnly')}</Text>}
      {isMain && (
        <FormActions>
          <Button className='template-new-btn' type='primary' onClick={() => open()}>
            {t('replies.newTemplate')}
          </Button>
        </FormActions>
      )}
      <Loadable data={templates.data} error={templates.error} loading={templates.loading} onRetry={() => void templates.reload()}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState text={isMain ? t('replies.noTemplatesMain') : t('replies.noTemplates')} />
          ) : (
            <Section title={t('replies.templateCount', { n: list.length })}>
              {list.map((template) => (
                <View key={template.id} className='replies-row template-row' data-template-id={String(template.id)} onClick={() => open(template.id)}>
                  <View className='replies-row__main'>
                    <Text className='replies-row__title'>
                      {template.name}
                      <Text className='replies-badge'>{template.marketplace ?? t('replies.allMarketplaces')}</Text>
                      {template.language && <Text className='replies-badge'>{template.language}</Text>}
                    </Text>
                    <Text className='replies-row__meta'>{template.body.slice(0, 80)}</Text>
                  </View>
                  <Text className='replies-row__arrow'>›</Text>
                </View>
              ))}
            </Section>
          )
        }
      </Loadable>
    </View>
  )
}
