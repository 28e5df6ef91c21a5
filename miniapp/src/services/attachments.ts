// Opens a message attachment: images in a previewer, documents in a viewer (mini program) or as a
// download (web). The bytes need the bearer token, so they go through here, not through a plain URL.
import type { AttachmentInfo } from '@sellerinbox/shared'
import { apiBase } from '../platform/api-base'
import { openFile } from '../platform/open-file'
import { ApiError } from './api-error'
import { refreshOnce } from './request'
import { loadSession } from './session'

export async function openAttachment(attachment: AttachmentInfo): Promise<void> {
  const attempt = () => {
    const token = loadSession()?.accessToken
    return openFile({
      url: `${apiBase}/api/attachments/${attachment.id}`,
      header: token ? { Authorization: `Bearer ${token}` } : {},
      filename: attachment.filename,
      contentType: attachment.contentType,
    })
  }
  let status = await attempt()
  // The token may have expired while the user read the message: refresh once, like every request.
  if (status === 401) {
    await refreshOnce()
    status = await attempt()
  }
  if (status === 404) throw new ApiError('NOT_FOUND', 404, 'Attachment not found')
  if (status !== 200) throw new ApiError('BAD_RESPONSE', status, '')
}

