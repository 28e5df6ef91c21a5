// A browser cannot subscribe to WeChat messages: notifications need the mini program.
import { ApiError } from '../services/api-error'
import type { ReadSubscribeSettings, RequestSubscribe } from './types'

export const canSubscribe = false

export const requestSubscribe: RequestSubscribe = () =>
  Promise.reject(new ApiError('UNSUPPORTED_PLATFORM', 0, 'Subscription messages are only available in the mini program'))

export const readSubscribeSettings: ReadSubscribeSettings = () => Promise.resolve(null)

export const openSubscribeSettings = (): Promise<unknown> => Promise.resolve()
