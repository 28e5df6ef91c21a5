import type { Capabilities } from './types'

export const capabilities: Capabilities = { signIn: 'wechat', scanQrCode: true, shareToChat: true }
