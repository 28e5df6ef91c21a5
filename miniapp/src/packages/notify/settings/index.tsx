// 通知设置: my rule with a preview of the next windows; for the main account, the recipients — which
// sub-accounts get notifications — each with its rule; entries to 通知额度 and 通知记录.
import { Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { NotificationRule } from '@sellerinbox/shared/api/notifications'
import { Section } from '../../../components/section'
import { Loadable } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { useRequiredSession } from '../../../hooks/use-session'
import { canSubscribe } from '../../../platform/subscribe'
import { PAGES, pageUrl } from '../../../routes'
import { listRules, saveRule } from '../../../services/notifications'
import { toastError } from '../../../utils/feedback'
import { categoryName, daysLabel, windowLabel } from '../format'
import { useNotifyText, useNotifyTitle } from '../text'
import { WindowPreview } from '../window-preview'
import './index.scss'

const editRule = (userId: number) => void Taro.navigateTo({ url: pageUrl(PAGES.notifyRule, { userId }) })

export default function NotifySettingsPage() {
  const tt = useNotifyText()
  useNotifyTitle('settings.title')
  const session = useRequiredSession()
  const data = useLoader(listRules, [], !!session)

  const setRecipient = async (rule: NotificationRule, recipient: boolean) => {
    const { userId, displayName: _name, role: _role, updatedAt: _at, ...settings } = rule
    try {
      await saveRule(userId, { ...settings, recipient })
    } catch (error) {
      toastError(error)
    }
    await data.reload()
  }

  return (
    <View className='notify-page notify-settings'>
      {!canSubscribe && <Text className='notify-banner h5-notice'>{tt('h5.notice')}</Text>}
      <Loadable data={data.data} error={data.error} loading={data.loading} onRetry={() => void data.reload()}>
        {(list) => {
          const mine = list.rules.find((r) => r.userId === session?.user.id)
          const subs = list.rules.filter((r) => r.role === 'sub' && r.userId !== session?.user.id)
          return (
            <>
              {mine && (
                <Section
                  className='my-rule'
                  title={tt('settings.my')}
                  extra={
                    <Text className='notify-link edit-my-rule' onClick={() => editRule(mine.userId)}>
                      {tt('settings.edit')}
                    </Text>
                  }
                >
                  <RuleSummary rule={mine} />
                  {mine.enabled && mine.recipient && <WindowPreview schedule={mine} />}
                </Section>
              )}
              {session?.user.role === 'main' && (
                <Section className='recipients' title={tt('settings.recipients')}>
                  <Text className='notify-hint'>{tt('settings.recipientsHint')}</Text>
                  {subs.length === 0 && <Text className='notify-muted'>{tt('settings.noSubs')}</Text>}
                  {subs.map((rule) => (
                    <View key={rule.userId} className='recipient-row' data-user-id={String(rule.userId)}>
                      <View className='recipient-row__main' onClick={() => editRule(rule.userId)}>
                        <Text className='recipient-row__name'>{rule.displayName}</Text>
                        <RuleSummary rule={rule} />
                      </View>
                      <Switch className='recipient-switch' checked={rule.recipient} onChange={(e) => void setRecipient(rule, e.detail.value)} />
                    </View>
                  ))}
                </Section>
              )}
              <View className='notify-entries'>
                <View className='notify-entry credits-entry' onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.notifyCredits) })}>
                  <Text className='notify-entry__label'>{tt('settings.credits')}</Text>
                  <Text className='notify-entry__arrow'>›</Text>
                </View>
                <View className='notify-entry log-entry' onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.notifyLog) })}>
                  <Text className='notify-entry__label'>{tt('settings.log')}</Text>
                  <Text className='notify-entry__arrow'>›</Text>
                </View>
              </View>
              <Text className='notify-footnote'>{tt('settings.cooldown', { minutes: list.cooldownMinutes })}</Text>
            </>
          )
        }}
      </Loadable>
    </View>
  )
}

/** "买家消息、Q&A问题 · 工作日 21:00 → 次日 09:00", or why nothing arrives. */
function RuleSummary({ rule }: { rule: NotificationRule }) {
  const tt = useNotifyText()
  const { locale } = useI18n()
  const en = locale === 'en-US'
  if (!rule.recipient) return <Text className='rule-summary rule-summary--off'>{tt('settings.notReceiving')}</Text>
  if (!rule.enabled) return <Text className='rule-summary rule-summary--off'>{tt('settings.off')}</Text>
  return (
    <View className='rule-summary'>
      <Text className='rule-summary__when'>{`${daysLabel(rule.days, tt, en)} ${windowLabel(rule, tt)}`}</Text>
      <Text className='rule-summary__what'>{rule.categories.map((c) => categoryName(c, en)).join(en ? ', ' : '、')}</Text>
    </View>
  )
}
