// 子账号管理 (main account): sub-accounts with the stores they see, pending invites, and the way to invite.
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Invite, Member, Store } from '@sellerinbox/shared'
import { Section } from '../../../components/section'
import { EmptyState, Loadable } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { PAGES, pageUrl } from '../../../routes'
import { listInvites, listMembers, removeMember, revokeInvite } from '../../../services/members'
import { listStores } from '../../../services/stores'
import { confirm, toast, toastError } from '../../../utils/feedback'
import { formatTime } from '../../../utils/format'
import './index.scss'

interface Data {
  members: Member[]
  stores: Store[]
  invites: Invite[]
}

async function loadAll(): Promise<Data> {
  const [members, stores, invites] = await Promise.all([listMembers(), listStores(true), listInvites()])
  return { members, stores, invites }
}

export default function MembersPage() {
  const { t } = useI18n()
  usePageTitle('members.title')
  const session = useRequiredSession()
  const data = useLoader(loadAll, [], !!session)

  const storeNames = (ids: number[]) => {
    const names = (data.data?.stores ?? []).filter((s) => ids.includes(s.id)).map((s) => s.name)
    return names.length ? names.join('、') : t('members.noStores')
  }

  const remove = async (member: Member) => {
    if (!(await confirm(t('members.removeConfirm', { name: member.displayName })))) return
    try {
      await removeMember(member.id)
      toast(t('members.removed'), 'success')
      await data.reload()
    } catch (error) {
      toastError(error)
    }
  }

  const revoke = async (invite: Invite) => {
    if (!(await confirm(t('members.revokeConfirm')))) return
    try {
      await revokeInvite(invite.id)
      toast(t('members.revoked'), 'success')
      await data.reload()
    } catch (error) {
      toastError(error)
    }
  }

  return (
    <View className='members-page'>
      <View className='members-page__bar'>
        <Button className='invite-member-btn' type='primary' onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.memberInvite) })}>
          {t('members.invite')}
        </Button>
      </View>
      <Loadable data={data.data} error={data.error} loading={data.loading} onRetry={() => void data.reload()}>
        {({ members, invites }) => {
          const subs = members.filter((m) => m.role === 'sub')
          const pending = invites.filter((i) => i.status === 'pending')
          return (
            <>
              <Section title={t('members.subAccounts')}>
                {subs.length === 0 && <EmptyState text={t('members.empty')} />}
                {subs.map((member) => (
                  <View key={member.id} className='member-row' data-member-id={String(member.id)}>
                    <View className='member-row__main'>
                      <Text className='member-row__name'>{member.displayName}</Text>
                      <Text className='member-row__stores'>{t('members.stores', { names: storeNames(member.storeIds) })}</Text>
                    </View>
                    <View className='member-row__actions'>
                      <Text
                        className='member-row__action member-access-btn'
                        onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.memberAccess, { id: member.id }) })}
                      >
                        {t('members.setAccess')}
                      </Text>
                      <Text className='member-row__action member-row__action--danger member-remove-btn' onClick={() => void remove(member)}>
                        {t('members.remove')}
                      </Text>
                    </View>
                  </View>
                ))}
              </Section>

              <Section title={t('members.invites')}>
                {pending.length === 0 && <Text className='members-page__muted'>{t('members.noInvites')}</Text>}
                {pending.map((invite) => (
                  <View key={invite.id} className='member-row invite-row' data-invite-id={String(invite.id)}>
                    <View className='member-row__main'>
                      <Text className='member-row__name'>{invite.note || t('members.noteless')}</Text>
                      <Text className='member-row__stores'>
                        {t('members.stores', { names: storeNames(invite.storeIds) })} ·{' '}
                        {t('members.inviteExpiresAt', { time: formatTime(invite.expiresAt) })}
                      </Text>
                    </View>
                    <Text className='member-row__action member-row__action--danger invite-revoke-btn' onClick={() => void revoke(invite)}>
                      {t('members.revoke')}
                    </Text>
                  </View>
                ))}
              </Section>
            </>
          )
        }}
      </Loadable>
    </View>
  )
}
