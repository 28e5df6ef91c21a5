// One marketplace channel: the dedicated address to copy, its binding state and the Seller Central guide
// for that marketplace's host. The main account confirms or resets the binding here. Class names differ from
// the list's (channel-address, copy-address-btn, …): Taro H5 keeps the list page in the DOM underneath.
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { Channel, Store } from '@sellerinbox/shared'
import { BindingChip } from '../../../components/binding-chip'
import { BindingGuide } from '../../../components/binding-guide'
import { Section } from '../../../components/section'
import { EmptyState, Loadable } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { confirmBinding, getStore, resetBinding } from '../../../services/stores'
import { confirm, copyText, toast, toastError } from '../../../utils/feedback'
import { formatTime, marketplaceName, sellerCentralHost } from '../../../utils/format'
import './index.scss'

export default function ChannelPage() {
  const { t } = useI18n()
  usePageTitle('channel.title')
  const { params } = useRouter<{ id?: string; storeId?: string }>()
  const session = useRequiredSession()
  const store = useLoader(() => getStore(Number(params.storeId)), [params.storeId], !!session)
  const isMain = session?.user.role === 'main'

  const replaceChannel = (current: Store, next: Channel) =>
    store.setData({ ...current, channels: current.channels.map((c) => (c.id === next.id ? next : c)) })

  const bind = async (current: Store, channel: Channel, host: string) => {
    const body = t('channel.confirmBindingBody', { host, address: channel.dedicatedAddress })
    if (!(await confirm(body, t('channel.confirmBindingTitle')))) return
    try {
      replaceChannel(current, await confirmBinding(channel.id))
      toast(t('channel.boundToast'), 'success')
    } catch (error) {
      toastError(error)
    }
  }

  const unbind = async (current: Store, channel: Channel) => {
    if (!(await confirm(t('channel.unbindConfirm')))) return
    try {
      replaceChannel(current, await resetBinding(channel.id))
    } catch (error) {
      toastError(error)
    }
  }

  return (
    <View className='channel-page'>
      <Loadable data={store.data} error={store.error} loading={store.loading} onRetry={() => void store.reload()}>
        {(current) => {
          const channel = current.channels.find((c) => c.id === Number(params.id))
          if (!channel) return <EmptyState text={t('channel.notFound')} />
          const host = sellerCentralHost(channel.marketplace) ?? t('guide.anyHost')
          const canManage = isMain && !current.archived
          return (
            <>
              <Section
                className='channel-detail'
                title={`${current.name} · ${channel.marketplace} ${marketplaceName(channel.marketplace)}`}
                extra={<BindingChip status={channel.bindingStatus} />}
              >
                <Text className='channel-page__label'>{t('channel.address')}</Text>
                <View className='channel-page__address'>
                  <Text className='channel-detail-address' userSelect>
                    {channel.dedicatedAddress}
                  </Text>
                </View>
                <Button className='channel-detail-copy-btn' onClick={() => void copyText(channel.dedicatedAddress)}>
                  {t('common.copy')}
                </Button>
                <View className='channel-page__facts'>
                  {channel.boundAt && <Text>{t('channel.boundAt', { time: formatTime(channel.boundAt) })}</Text>}
                  <Text>
                    {t('channel.lastMailAt', {
                      time: channel.lastMailAt ? formatTime(channel.lastMailAt) : t('channel.neverMail'),
                    })}
                  </Text>
                </View>
              </Section>

              <Section title={t('guide.title')}>
                <BindingGuide host={host} address={channel.dedicatedAddress} />
              </Section>

              {canManage && (
                <View className='channel-page__actions'>
                  {channel.bindingStatus === 'unbound' ? (
                    <Button className='channel-detail-confirm-btn' type='primary' onClick={() => void bind(current, channel, host)}>
                      {t('channel.confirmBinding')}
                    </Button>
                  ) : (
                    <Button className='channel-detail-reset-btn' onClick={() => void unbind(current, channel)}>
                      {t('channel.unbind')}
                    </Button>
                  )}
                </View>
              )}
            </>
          )
        }}
      </Loadable>
    </View>
  )
}
