// Picks a reply template (those for this marketplace or for all); the box fills it in with the message's values.
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReplyTemplate } from '@sellerinbox/shared/api/replies'
import { useI18n } from '../../hooks/use-i18n'
import { PAGES, pageUrl } from '../../routes'
import { Sheet } from '../sheet'

interface Props {
  templates: ReplyTemplate[]
  onPick: (template: ReplyTemplate) => void
  onClose: () => void
}

export function TemplatePicker({ templates, onPick, onClose }: Props) {
  const { t } = useI18n()
  const manage = () => {
    onClose()
    void Taro.navigateTo({ url: pageUrl(PAGES.replyTemplates) })
  }
  return (
    <Sheet
      title={t('reply.templates')}
      className='template-picker'
      onClose={onClose}
      footer={
        <Button className='template-manage-btn' size='mini' onClick={manage}>
          {t('reply.manageTemplates')}
        </Button>
      }
    >
      {templates.length === 0 && <Text className='template-picker__empty'>{t('reply.noTemplates')}</Text>}
      {templates.map((template) => (
        <View key={template.id} className='template-option' data-template-id={String(template.id)} onClick={() => onPick(template)}>
          <View className='template-option__head'>
            <Text className='template-option__name'>{template.name}</Text>
            {template.marketplace && <Text className='template-option__badge'>{template.marketplace}</Text>}
            {template.language && <Text className='template-option__badge'>{template.language}</Text>}
          </View>
          <Text className='template-option__body'>{template.body}</Text>
        </View>
      ))}
    </Sheet>
  )
}
