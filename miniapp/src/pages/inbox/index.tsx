// Inbox tab. Mail ingestion is not built yet: until then it points the user at binding dedicated addresses.
import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState } from '../../components/status'
import { useI18n } from '../../hooks/use-i18n'
import { usePageTitle } from '../../hooks/use-page-title'
import { useRequiredSession } from '../../hooks/use-session'
import { useTabLabels } from '../../hooks/use-tab-labels'
import { PAGES, pageUrl } from '../../routes'
import './index.scss'

export default function InboxPage() {
  const { t } = useI18n()
  usePageTitle('inbox.title')
  useTabLabels()
  const session = useRequiredSession()

  return (
    <View className='inbox-page'>
      {session && (
        <EmptyState
          title={t('inbox.emptyTitle')}
          text={t('inbox.empty')}
          action={
            <Button className='inbox-stores-link' type='primary' size='mini' onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.stores) })}>
              {t('inbox.goStores')}
            </Button>
          }
        />
      )}
    </View>
  )
}
