// 通知规则 (?userId=): one recipient's rule — switch, categories, days, window (ending the next day if
// wanted), time zone and stores — with a live preview of the next windows from the shared logic. The
// main account edits anyone's and decides who is a recipient; a sub-account edits its own.
import { Button, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Store } from '@sellerinbox/shared'
import { NOTIFY_CATEGORIES, type NotifyCategory } from '@sellerinbox/shared/domain/notifications'
import type { NotificationRule, UpdateNotificationRuleBody } from '@sellerinbox/shared/api/notifications'
import { validateSchedule } from '@sellerinbox/shared/domain/schedule-window'
import { useState } from 'react'
import { CheckList } from '../../../components/check-list'
import { Section } from '../../../components/section'
import { Loadable } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { useRequiredSession } from '../../../hooks/use-session'
import { listMembers } from '../../../services/members'
import { getRule, saveRule } from '../../../services/notifications'
import { listStores } from '../../../services/stores'
import { toast, toastError } from '../../../utils/feedback'
import { Chips } from '../chips'
import { ChoiceField, TimeField } from '../fields'
import { categoryName, dayKey, TIME_ZONES } from '../format'
import { useNotifyText, useNotifyTitle } from '../text'
import { WindowPreview } from '../window-preview'
import './index.scss'

interface Loaded {
  rule: NotificationRule
  /** Stores the rule's recipient may see (what the store scope can name). */
  stores: Store[]
}

async function load(userId: number, actorIsMain: boolean): Promise<Loaded> {
  const [rule, stores] = await Promise.all([getRule(userId), listStores(false)])
  if (!actorIsMain || rule.role === 'main') return { rule, stores }
  const member = (await listMembers()).find((m) => m.id === userId)
  return { rule, stores: stores.filter((s) => member?.storeIds.includes(s.id)) }
}

export default function NotifyRulePage() {
  useNotifyTitle('rule.title')
  const { params } = useRouter<{ userId?: string }>()
  const session = useRequiredSession()
  const userId = Number(params.userId ?? session?.user.id)
  const isMain = session?.user.role === 'main'
  const data = useLoader(() => load(userId, isMain), [userId, isMain], !!session && userId > 0)
  return (
    <View className='notify-page notify-rule'>
      <Loadable data={data.data} error={data.error} loading={data.loading} onRetry={() => void data.reload()}>
        {({ rule, stores }) => <RuleForm key={rule.userId} rule={rule} stores={stores} actorIsMain={isMain} />}
      </Loadable>
    </View>
  )
}

function RuleForm({ rule, stores, actorIsMain }: { rule: NotificationRule; stores: Store[]; actorIsMain: boolean }) {
  const tt = useNotifyText()
  const { t, locale } = useI18n()
  const en = locale === 'en-US'
  const { userId, displayName, role, updatedAt: _at, ...initial } = rule
  const [form, setForm] = useState<UpdateNotificationRuleBody>(initial)
  const [saving, setSaving] = useState(false)
  const set = (patch: Partial<UpdateNotificationRuleBody>) => setForm((f) => ({ ...f, ...patch }))
  const toggle = <T,>(list: readonly T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item])

  const problems = validateSchedule(form)
  const problem =
    form.categories.length === 0
      ? tt('rule.pickCategory')
      : problems.some((p) => p.field === 'days')
        ? tt('rule.pickDay')
        : problems.some((p) => p.field === 'end')
          ? tt('rule.endBeforeStart')
          : null
  const zones = TIME_ZONES.includes(form.timeZone) ? TIME_ZONES : [form.timeZone, ...TIME_ZONES]

  const save = async () => {
    if (problem) return toast(problem)
    setSaving(true)
    try {
      await saveRule(userId, form)
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
      <Section className='rule-who' title={displayName}>
        <View className='notify-field'>
          <Text className='notify-field__label'>{tt('rule.enabled')}</Text>
          <Switch className='rule-enabled' checked={form.enabled} onChange={(e) => set({ enabled: e.detail.value })} />
        </View>
        {role === 'sub' && (
          <View className='notify-field'>
            <View>
              <Text className='notify-field__label'>{tt('rule.recipient')}</Text>
              {!actorIsMain && <Text className='notify-hint'>{tt('rule.recipientHint')}</Text>}
            </View>
            <Switch className='rule-recipient' checked={!!form.recipient} disabled={!actorIsMain} onChange={(e) => set({ recipient: e.detail.value })} />
          </View>
        )}
      </Section>

      <Section className='rule-categories' title={tt('rule.categories')}>
        <Chips
          items={NOTIFY_CATEGORIES.map((c) => ({ key: c, label: categoryName(c, en) }))}
          selected={form.categories}
          onToggle={(key) => set({ categories: toggle(form.categories, key as NotifyCategory) })}
        />
      </Section>

      <Section className='rule-window' title={tt('rule.window')}>
        <Chips
          className='rule-days'
          items={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ key: String(d), label: tt(dayKey(d)) }))}
          selected={form.days.map(String)}
          onToggle={(key) => set({ days: toggle(form.days, Number(key)).sort((a, b) => a - b) })}
        />
        <TimeField className='rule-start' label={tt('rule.start')} value={form.start} onChange={(start) => set({ start })} />
        <TimeField className='rule-end' label={tt('rule.end')} value={form.end} onChange={(end) => set({ end })} />
        <View className='notify-field'>
          <Text className='notify-field__label'>{tt('rule.endNextDay')}</Text>
          <Switch className='rule-end-next-day' checked={form.endNextDay} onChange={(e) => set({ endNextDay: e.detail.value })} />
        </View>
        <ChoiceField
          className='rule-time-zone'
          label={tt('rule.timeZone')}
          value={form.timeZone}
          options={zones.map((z) => ({ value: z, label: z }))}
          onChange={(timeZone) => set({ timeZone })}
        />
        <Text className='notify-hint'>{tt('rule.belongs')}</Text>
        {problem ? <Text className='rule-problem'>{problem}</Text> : <WindowPreview schedule={form} />}
      </Section>

      <Section className='rule-stores' title={tt('rule.stores')}>
        <Chips
          items={[
            { key: 'all', label: tt('rule.allStores') },
            { key: 'some', label: tt('rule.someStores') },
          ]}
          selected={[form.storeIds === null ? 'all' : 'some']}
          onToggle={(key) => set({ storeIds: key === 'all' ? null : (form.storeIds ?? stores.map((s) => s.id)) })}
        />
        {form.storeIds !== null &&
          (stores.length ? (
            <CheckList items={stores.map((s) => ({ id: s.id, label: s.name }))} selected={form.storeIds} onChange={(storeIds) => set({ storeIds })} />
          ) : (
            <Text className='notify-muted'>{tt('rule.noStores')}</Text>
          ))}
      </Section>

      <View className='rule-actions'>
        <Button className='save-rule-btn' type='primary' loading={saving} disabled={saving} onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </View>
    </>
  )
}
