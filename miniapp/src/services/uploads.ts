// Reply attachments: uploads one picked file to POST /api/uploads with the bearer token (refreshed once
// when it expired, like every request). The server decides the type by content and refuses files
// over 10 MB (PAYLOAD_TOO_LARGE) or of other types (UNSUPPORTED_FILE_TYPE).
import type { Upload } from '@sellerinbox/shared/api/replies'
import { apiBase } from '../platform/api-base'
import type { PickedFile } from '../platform/types'
import { uploadFile } from '../platform/upload-file'
import { clearSession, loadSession } from './session'
import { refreshOnce, toApiError } from './request'

export async function uploadAttachment(file: PickedFile, onProgress?: (percent: number) => void): Promise<Upload> {
  const attempt = () => {
    const token = loadSession()?.accessToken
    // The name goes in the query: the mini program names the multipart part after a temporary path.
    return uploadFile({ url: `${apiBase}/api/uploads?filename=${encodeURIComponent(file.name)}`, header: token ? { Authorization: `Bearer ${token}` } : {}, field: 'file', file, onProgress })
  }
  let result = await attempt()
  if (result.status === 401 && toApiError(result.status, result.data).code === 'TOKEN_EXPIRED') {
    await refreshOnce()
    result = await attempt()
  }
  if (result.status >= 200 && result.status < 300) return result.data as Upload
  const error = toApiError(result.status, result.data)
  if (error.status === 401) clearSession()
  throw error
}
