// Which stores one sub-account may see (PUT /api/members/:id/stores).
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Member, Store } from '@sellerinbox/shared'
import { useState } from 'react'
import { CheckList } from '../../../components/check-list'
import { Section } from '../../../components/section'
import { EmptyState, Loadable } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { listMembers, setMemberStores } from '../../../services/members'
import { listStores } from '../../../services/stores'
import { toast, toastError } from '../../../utils/feedback'
import { regionName } from '../../../utils/format'
import './index.scss'

export default function MemberAccessPage() {
  const { t } = useI18n()
  usePageTitle('access.title')
  const { params } = useRouter<{ id?: string }>()
  const session = useRequiredSession()
  const data = useLoader(
    async () => {
      const [members, stores] = await Promise.all([listMembers(), listStores(false)])
      return { member: members.find((m) => m.id === Number(params.id)), stores }
    },
    [params.id],
    !!session,
  )

  return (
    <View className='member-access-page'>
      <Loadable data={data.data} error={data.error} loading={data.loading} onRetry={() => void data.reload()}>
        {({ member, stores }) =>
          member ? <AccessForm key={member.id} member={member} stores={stores} /> : <EmptyState text={t('access.notFound')} />
        }
      </Loadable>
    </View>
  )
}

function AccessForm({ member, stores }: { member: Member; stores: Store[] }) {
  const { t } = useI18n()
  const [selected, setSelected] = useState(member.storeIds)
  const [saving, setSaving] = useState(false)

  const save = async () => {
    setSaving(true)
    try {
      await setMemberStores(member.id, selected)
      toast(t('common.saved'), 'success')
      setTimeout(() => void Taro.navigateBack(), 600)
    } catch (error) {
      toastError(error)
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <Section title={t('access.hint', { name: member.displayName })}>
        {stores.length === 0 ? (
          <Text className='member-access__muted'>{t('access.noStores')}</Text>
        ) : (
          <CheckList
            items={stores.map((s) => ({ id: s.id, label: s.name, note: regionName(s.region) }))}
            selected={selected}
            onChange={setSelected}
          />
        )}
      </Section>
      <View className='member-access__actions'>
        <Button className='save-access-btn' type='primary' loading={saving} disabled={saving} onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </View>
    </>
  )
}
