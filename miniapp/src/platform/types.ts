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

/** An authorized file download to show to the user: images in a previewer, documents in a viewer or saved. */
export interface FileToOpen {
  url: string
  header: Record<string, string>
  filename: string
  contentType: string
}

/**
 * Downloads and opens a file; resolves to the HTTP status (200 = opened), so the caller can refresh an
 * expired token and retry. Rejects when the download fails outright or the file cannot be shown here.
 */
export type OpenFile = (file: FileToOpen) => Promise<number>

/** Prepares literal text for a rich-text text node (WeChat decodes entities in them; the web version does not). */
export type RichTextLiteral = (text: string) => string

/** A template's answer in the subscription popup (WeChat: accept | reject | ban | filter). */
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter'

/**
 * Shows WeChat's subscription popup for up to 3 templates and resolves to each template's answer.
 * Must be the first call in a tap handler (no `await` before it): WeChat refuses it otherwise.
 */
export type RequestSubscribe = (templateIds: string[]) => Promise<Record<string, SubscribeAnswer>>

/** The user's subscription settings: the main switch, and templates ticked "always" with their answer. Null where unknown. */
export type ReadSubscribeSettings = () => Promise<{ mainSwitch: boolean; items: Record<string, string> } | null>

/** A file the user picked to attach to a reply, not uploaded yet. */
export interface PickedFile {
  name: string
  size: number
  /** Mini program: a temporary file path; web: the browser's File. */
  source: string | Blob
}

/** A multipart upload of one file with the bearer header; `onProgress` gets 0–100. */
export interface FileUpload {
  url: string
  header: Record<string, string>
  /** The multipart field the server reads. */
  field: string
  file: PickedFile
  onProgress?: (percent: number) => void
}

/** Uploads one file; resolves to the HTTP status and the parsed JSON body. Rejects when no answer came. */
export type UploadFile = (upload: FileUpload) => Promise<{ status: number; data: unknown }>
