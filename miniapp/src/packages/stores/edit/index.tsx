// Create a store (name, region, first marketplaces) or edit one (name, region). The region is where the
// seller account is registered; it orders the marketplace choices but does not restrict them.
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Store } from '@sellerinbox/shared'
import { REGIONS, marketplacesForStore, type MarketplaceCode, type Region } from '@sellerinbox/shared/domain/marketplaces'
import { useState } from 'react'
import { CheckList } from '../../../components/check-list'
import { Section } from '../../../components/section'
import { Loadable } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { createStore, getStore, updateStore } from '../../../services/stores'
import { toast, toastError } from '../../../utils/feedback'
import { marketplaceName, regionName } from '../../../utils/format'
import './index.scss'

export default function StoreEditPage() {
  const { params } = useRouter<{ id?: string }>()
  const storeId = params.id ? Number(params.id) : undefined
  usePageTitle(storeId ? 'storeEdit.editTitle' : 'storeEdit.createTitle')
  const session = useRequiredSession()
  const existing = useLoader(() => (storeId ? getStore(storeId) : Promise.resolve(null)), [storeId], !!session)

  return (
    <View className='store-edit-page'>
      <Loadable data={existing.data} error={existing.error} loading={existing.loading} onRetry={() => void existing.reload()}>
        {(store) => <StoreForm key={store?.id ?? 'new'} store={store} />}
      </Loadable>
    </View>
  )
}

function StoreForm({ store }: { store: Store | null }) {
  const { t } = useI18n()
  const [name, setName] = useState(store?.name ?? '')
  const [region, setRegion] = useState<Region>(store?.region ?? 'NA')
  const [marketplaces, setMarketplaces] = useState<MarketplaceCode[]>(['US'])
  const [saving, setSaving] = useState(false)
  const choices = marketplacesForStore(region)

  const pickRegion = (next: Region) => {
    if (next === region) return
    setRegion(next)
    if (!store) setMarketplaces(marketplacesForStore(next).slice(0, 1).map((m) => m.code))
  }

  const save = async () => {
    const trimmed = name.trim()
    if (!trimmed) return toast(t('storeEdit.nameRequired'))
    setSaving(true)
    try {
      if (store) {
        await updateStore(store.id, { name: trimmed, region })
        toast(t('common.saved'), 'success')
      } else {
        await createStore({ name: trimmed, region, marketplaces })
        toast(t('storeEdit.created'), 'success')
      }
      setTimeout(() => void Taro.navigateBack(), 600)
    } catch (error) {
      toastError(error)
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <Section title={t('storeEdit.name')}>
        <Input
          className='store-edit__input store-name-input'
          value={name}
          maxlength={60}
          placeholder={t('storeEdit.namePlaceholder')}
          onInput={(e) => setName(e.detail.value)}
        />
      </Section>

      <Section title={t('storeEdit.region')}>
        <View className='store-edit__regions'>
          {REGIONS.map((r) => (
            <Text
              key={r.code}
              className={`store-edit__region region-option ${r.code === region ? 'store-edit__region--active' : ''}`}
              data-region={r.code}
              onClick={() => pickRegion(r.code)}
            >
              {regionName(r.code)}
            </Text>
          ))}
        </View>
      </Section>

      {!store && (
        <Section title={t('storeEdit.marketplaces')}>
          <Text className='store-edit__hint'>{t('storeEdit.marketplacesHint')}</Text>
          <CheckList
            items={choices.map((m, index) => ({ id: index, label: `${m.code} ${marketplaceName(m.code)}` }))}
            selected={choices.flatMap((m, index) => (marketplaces.includes(m.code) ? [index] : []))}
            onChange={(indexes) => setMarketplaces(choices.filter((_, index) => indexes.includes(index)).map((m) => m.code))}
          />
        </Section>
      )}

      <View className='store-edit__actions'>
        <Button className='store-save-btn' type='primary' loading={saving} disabled={saving} onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </View>
    </>
  )
}
