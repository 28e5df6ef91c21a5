// A browser has no WeChat identity (no Taro.login), no scanner and no chat to share to.
import type { Capabilities } from './types'

export const capabilities: Capabilities = { signIn: 'qr', scanQrCode: false, shareToChat: false }
