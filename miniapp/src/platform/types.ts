// Platform differences live in `name.weapp.ts` / `name.h5.ts` pairs next to this file; both files of a pair
// implement the types below, code imports `platform/name` and the Taro build picks the target's file.
// tsc resolves those imports to the weapp files (`moduleSuffixes`) and checks the h5 files on their own.

export interface Capabilities {
  /** 'wechat': Taro.login + /api/auth/wechat. 'qr': the web version signs in by a QR code the mini program confirms. */
  signIn: 'wechat' | 'qr'
  /** Can scan a web sign-in QR code (Taro.scanCode). */
  scanQrCode: boolean
  /** Can send a page to a WeChat chat (button open-type="share"). */
  shareToChat: boolean
}

/** Origin the API lives on, without a trailing slash; '' means the page's own origin. */
export type ApiBase = string

/** A one-time WeChat login code (Taro.login), exchanged by the server for the user's openid. */
export type GetWechatLoginCode = () => Promise<string>

/** Scans a QR code; resolves to its text, or null when the user cancelled. */
export type ScanQrText = () => Promise<string | null>
