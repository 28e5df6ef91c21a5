// One store with its marketplace channels; the main account also gets edit / archive / add-marketplace.
import { Picker, Text, View } from '@tarojs/components'
import type { Channel, Store } from '@sellerinbox/shared'
import { marketplacesForStore } from '@sellerinbox/shared/domain/marketplaces'
import { ChannelRow } from '../../../components/channel-row'
import { useI18n } from '../../../hooks/use-i18n'
import { marketplaceName, regionName } from '../../../utils/format'

interface Props {
  store: Store
  isMain: boolean
  onEdit: (store: Store) => void
  onToggleArchived: (store: Store) => void
  onAddMarketplace: (store: Store, code: string) => void
  onConfirmBinding: (channel: Channel) => void
  onOpenChannel: (channel: Channel) => void
}

export function StoreCard({ store, isMain, onEdit, onToggleArchived, onAddMarketplace, onConfirmBinding, onOpenChannel }: Props) {
  const { t } = useI18n()
  const existing = new Set(store.channels.map((c) => c.marketplace))
  const addable = marketplacesForStore(store.region).filter((m) => !existing.has(m.code))
  const canManage = isMain && !store.archived

  return (
    <View className={`store-card ${store.archived ? 'store-card--archived' : ''}`} data-store-id={String(store.id)}>
      <View className='store-card__head'>
        <View className='store-card__title'>
          <Text className='store-card__name'>{store.name}</Text>
          <Text className='store-card__region'>{regionName(store.region)}</Text>
          {store.archived && <Text className='store-card__archived'>{t('stores.archived')}</Text>}
        </View>
        {isMain && (
          <View className='store-card__tools'>
            {!store.archived && (
              <Text className='store-card__tool store-edit-btn' onClick={() => onEdit(store)}>
                {t('stores.edit')}
              </Text>
            )}
            <Text className='store-card__tool store-archive-btn' onClick={() => onToggleArchived(store)}>
              {store.archived ? t('stores.restore') : t('stores.archive')}
            </Text>
          </View>
        )}
      </View>

      {store.channels.length === 0 && <Text className='store-card__empty'>{t('stores.noChannels')}</Text>}
      {store.channels.map((channel) => (
        <ChannelRow
          key={channel.id}
          channel={channel}
          canManage={canManage}
          onConfirmBinding={onConfirmBinding}
          onOpen={onOpenChannel}
        />
      ))}

      {canManage &&
        (addable.length > 0 ? (
          <Picker
            mode='selector'
            range={addable.map((m) => `${m.code} ${marketplaceName(m.code)}`)}
            onChange={(e) => {
              const picked = addable[Number(e.detail.value)]
              if (picked) onAddMarketplace(store, picked.code)
            }}
          >
            {/* A view, not a <Button>: in the mini program a button inside a picker can swallow the tap. */}
            <View className='store-card__add add-marketplace-btn'>+ {t('stores.addMarketplace')}</View>
          </Picker>
        ) : (
          <Text className='store-card__hint'>{t('stores.allMarketplacesAdded')}</Text>
        ))}
    </View>
  )
}
