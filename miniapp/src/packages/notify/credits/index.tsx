// 通知额度: credits per template, a top-up button, and why the WeChat popup may not appear (main switch
// off, a template rejected with "always keep this choice"). The web version cannot subscribe: it says so.
import { Button, Text, View } from '@tarojs/components'
import type { CreditTemplate, Credits } from '@sellerinbox/shared/api/notifications'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Section } from '../../../components/section'
import { Loadable } from '../../../components/status'
import { useLoader } from '../../../hooks/use-loader'
import { useRequiredSession } from '../../../hooks/use-session'
import { canSubscribe, openSubscribeSettings, readSubscribeSettings, requestSubscribe } from '../../../platform/subscribe'
import { getCredits, reportSubscribe } from '../../../services/notifications'
import { toast, toastError } from '../../../utils/feedback'
import { formatTime } from '../../../utils/format'
import { useNotifyText, useNotifyTitle, type NotifyKey } from '../text'
import './index.scss'

type SubscribeSettings = Awaited<ReturnType<typeof readSubscribeSettings>>

export default function NotifyCreditsPage() {
  const tt = useNotifyText()
  useNotifyTitle('credits.title')
  const session = useRequiredSession()
  const data = useLoader(getCredits, [], !!session)
  const [settings, setSettings] = useState<SubscribeSettings>(null)
  const refreshSettings = () => void readSubscribeSettings().then(setSettings, () => setSettings(null))
  useEffect(refreshSettings, [])
  // Back from WeChat's settings page: the switches may have changed.
  useDidShow(refreshSettings)

  // WeChat shows the popup only when requestSubscribeMessage is the first thing a tap does: the call
  // comes before any await, and the answers are reported afterwards.
  const topUp = (credits: Credits) => {
    const answers = requestSubscribe(credits.templates.slice(0, 3).map((c) => c.templateId))
    void (async () => {
      try {
        const results = Object.entries(await answers).map(([templateId, result]) => ({ templateId, result }))
        if (results.length) data.setData(await reportSubscribe(results))
        const added = results.filter((r) => r.result === 'accept').length
        toast(added ? tt('credits.added', { n: added }) : tt('credits.none'), added ? 'success' : 'none')
      } catch (error) {
        toastError(error)
      }
      refreshSettings()
    })()
  }

  return (
    <View className='notify-page notify-credits'>
      {!canSubscribe && <Text className='notify-banner h5-notice'>{tt('credits.h5')}</Text>}
      <Loadable data={data.data} error={data.error} loading={data.loading} onRetry={() => void data.reload()}>
        {(credits) =>
          !credits.configured ? (
            <Text className='notify-banner'>{tt('credits.notConfigured')}</Text>
          ) : (
            <>
              <Text className='notify-footnote credits-explain'>{tt('credits.explain')}</Text>
              {settings && !settings.mainSwitch && <Guidance text={tt('credits.mainSwitchOff')} />}
              <Section>
                {credits.templates.map((c) => (
                  <CreditRow key={c.templateId} credit={c} always={settings?.items[c.templateId]} />
                ))}
              </Section>
              {canSubscribe && (
                <View className='credits-actions'>
                  <Button className='top-up-btn' type='primary' onClick={() => topUp(credits)}>
                    {tt('credits.topUp')}
                  </Button>
                </View>
              )}
            </>
          )
        }
      </Loadable>
    </View>
  )
}

function CreditRow({ credit, always }: { credit: CreditTemplate; always: string | undefined }) {
  const tt = useNotifyText()
  const name = tt(`credits.${credit.purpose}` as NotifyKey)
  return (
    <View className='credit-row' data-template-id={credit.templateId}>
      <View className='credit-row__head'>
        <Text className='credit-row__name'>{name}</Text>
        <Text className={`credit-row__balance ${credit.balance === 0 ? 'credit-row__balance--empty' : ''}`}>{tt('credits.balance', { n: credit.balance })}</Text>
      </View>
      {credit.lastResult && (
        <Text className='notify-hint'>
          {tt('credits.last', { result: tt(`result.${credit.lastResult}` as NotifyKey) })} {formatTime(credit.lastResultAt)}
        </Text>
      )}
      {always === 'reject' && <Guidance text={tt('credits.rejectedAlways', { name })} />}
      {always === 'accept' && <Text className='notify-hint'>{tt('credits.acceptedAlways')}</Text>}
    </View>
  )
}

function Guidance({ text }: { text: string }) {
  const tt = useNotifyText()
  return (
    <View className='credits-guidance'>
      <Text className='credits-guidance__text'>{text}</Text>
      <Button className='credits-guidance__action' size='mini' onClick={() => void openSubscribeSettings()}>
        {tt('credits.openSettings')}
      </Button>
    </View>
  )
}
