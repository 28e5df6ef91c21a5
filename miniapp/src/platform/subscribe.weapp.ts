// WeChat subscription messages: the popup (one credit per accepted template) and the settings that
// explain why it may not show (main switch off, a template rejected with "always keep this choice").
import Taro from '@tarojs/taro'
import type { ReadSubscribeSettings, RequestSubscribe, SubscribeAnswer } from './types'

export const canSubscribe = true

const ANSWERS = new Set(['accept', 'reject', 'ban', 'filter'])

// The Taro call happens synchronously inside this function, so a tap handler that calls it first
// still counts as "inside the tap" for WeChat.
export const requestSubscribe: RequestSubscribe = (templateIds) =>
  Taro.requestSubscribeMessage({ tmplIds: templateIds } as Taro.requestSubscribeMessage.Option).then((result) => {
    const out: Record<string, SubscribeAnswer> = {}
    for (const id of templateIds) {
      const answer = (result as unknown as Record<string, string>)[id]
      if (answer && ANSWERS.has(answer)) out[id] = answer as SubscribeAnswer
    }
    return out
  })

export const readSubscribeSettings: ReadSubscribeSettings = async () => {
  const { subscriptionsSetting } = await Taro.getSetting({ withSubscriptions: true })
  if (!subscriptionsSetting) return null
  return { mainSwitch: subscriptionsSetting.mainSwitch, items: { ...(subscriptionsSetting.itemSettings as Record<string, string> | undefined) } }
}

export const openSubscribeSettings = (): Promise<unknown> => Taro.openSetting({ withSubscriptions: true } as Taro.openSetting.Option)
