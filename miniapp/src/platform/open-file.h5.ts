// Web version: fetch with the bearer header into a blob URL; images open in Taro's previewer, other
// files are saved under their own name (the server serves them as downloads the browser must not render).
import Taro from '@tarojs/taro'
import { ApiError } from '../services/api-error'
import type { OpenFile } from './types'

const REVOKE_AFTER_MS = 60_000

export const openFile: OpenFile = async ({ url, header, filename, contentType }) => {
  const response = await fetch(url, { headers: header }).catch((error: unknown) => {
    throw new ApiError('NETWORK_FAILED', 0, String(error))
  })
  if (!response.ok) return response.status
  const blobUrl = URL.createObjectURL(await response.blob())
  setTimeout(() => URL.revokeObjectURL(blobUrl), REVOKE_AFTER_MS)
  if (contentType.startsWith('image/')) {
    await Taro.previewImage({ urls: [blobUrl], current: blobUrl })
  } else {
    const link = document.createElement('a')
    link.href = blobUrl
    link.download = filename
    link.rel = 'noopener'
    document.body.appendChild(link)
    link.click()
    link.remove()
  }
  return response.status
}
