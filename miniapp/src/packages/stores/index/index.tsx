// 我的店铺: stores with their marketplace channels, dedicated addresses and binding state. The main account
// manages stores here; sub-accounts see their assigned stores read-only.
import { Button, Switch, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { Channel, Store } from '@sellerinbox/shared'
import { useState } from 'react'
import { BindingGuide } from '../../../components/binding-guide'
import { Section } from '../../../components/section'
import { EmptyState, Loadable } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { PAGES, pageUrl } from '../../../routes'
import { addChannel, archiveStore, confirmBinding, listStores, restoreStore } from '../../../services/stores'
import { confirm, toast, toastError } from '../../../utils/feedback'
import { sellerCentralHost } from '../../../utils/format'
import { StoreCard } from './store-card'
import './index.scss'

export default function StoresPage() {
  const { t } = useI18n()
  usePageTitle('stores.title')
  const session = useRequiredSession()
  const isMain = session?.user.role === 'main'
  const [showArchived, setShowArchived] = useState(false)
  const [guideOpen, setGuideOpen] = useState(false)
  const stores = useLoader(() => listStores(isMain && showArchived), [isMain, showArchived], !!session)

  usePullDownRefresh(() => {
    void stores.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const replaceStore = (next: Store) => stores.setData((stores.data ?? []).map((s) => (s.id === next.id ? next : s)))
  const replaceChannel = (next: Channel) =>
    stores.setData(
      (stores.data ?? []).map((s) =>
        s.id === next.storeId ? { ...s, channels: s.channels.map((c) => (c.id === next.id ? next : c)) } : s,
      ),
    )

  const confirmBindingOf = async (channel: Channel) => {
    const host = sellerCentralHost(channel.marketplace) ?? t('guide.anyHost')
    const body = t('channel.confirmBindingBody', { host, address: channel.dedicatedAddress })
    if (!(await confirm(body, t('channel.confirmBindingTitle')))) return
    try {
      replaceChannel(await confirmBinding(channel.id))
      toast(t('channel.boundToast'), 'success')
    } catch (error) {
      toastError(error)
    }
  }

  const toggleArchived = async (store: Store) => {
    try {
      if (store.archived) {
        replaceStore(await restoreStore(store.id))
        toast(t('stores.restoredToast'), 'success')
      } else {
        if (!(await confirm(t('stores.archiveConfirm', { name: store.name })))) return
        const archived = await archiveStore(store.id)
        if (showArchived) replaceStore(archived)
        else stores.setData((stores.data ?? []).filter((s) => s.id !== store.id))
        toast(t('stores.archivedToast'), 'success')
      }
    } catch (error) {
      toastError(error)
    }
  }

  const addMarketplace = async (store: Store, code: string) => {
    try {
      const channel = await addChannel(store.id, code)
      replaceStore({ ...store, channels: [...store.channels, channel] })
      toast(t('stores.channelAdded', { code }), 'success')
    } catch (error) {
      toastError(error)
    }
  }

  const openChannel = (channel: Channel) =>
    void Taro.navigateTo({ url: pageUrl(PAGES.channel, { id: channel.id, storeId: channel.storeId }) })
  const editStore = (store?: Store) => void Taro.navigateTo({ url: pageUrl(PAGES.storeEdit, { id: store?.id }) })

  return (
    <View className='stores-page'>
      <View className='stores-page__bar'>
        {isMain ? (
          <>
            <Button className='add-store-btn' type='primary' size='mini' onClick={() => editStore()}>
              + {t('stores.add')}
            </Button>
            <View className='stores-page__archived-toggle'>
              <Text>{t('stores.showArchived')}</Text>
              <Switch className='show-archived-switch' checked={showArchived} onChange={(e) => setShowArchived(e.detail.value)} />
            </View>
          </>
        ) : (
          <Text className='stores-page__readonly'>{t('stores.readOnly')}</Text>
        )}
      </View>

      <Section className='stores-page__guide'>
        <View className='stores-page__guide-toggle binding-guide-toggle' onClick={() => setGuideOpen(!guideOpen)}>
          <Text>{t('stores.guideToggle')}</Text>
          <Text>{guideOpen ? '▾' : '▸'}</Text>
        </View>
        {guideOpen && <BindingGuide />}
      </Section>

      <Loadable data={stores.data} error={stores.error} loading={stores.loading} onRetry={() => void stores.reload()}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('stores.empty')} text={isMain ? t('stores.emptyMain') : t('stores.emptySub')} />
          ) : (
            list.map((store) => (
              <Section key={store.id}>
                <StoreCard
                  store={store}
                  isMain={isMain}
                  onEdit={editStore}
                  onToggleArchived={(s) => void toggleArchived(s)}
                  onAddMarketplace={(s, code) => void addMarketplace(s, code)}
                  onConfirmBinding={(c) => void confirmBindingOf(c)}
                  onOpenChannel={openChannel}
                />
              </Section>
            ))
          )
        }
      </Loadable>
    </View>
  )
}
