// The reply's attachments while it is written: each picked file uploads at once (with progress); a
// file over 10 MB is refused before uploading; the server's refusals (too large, wrong type by
// content) stay on the file with what to do, until the seller removes it.
import { ALLOWED_ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, type ReplyAttachmentInfo } from '@sellerinbox/shared/domain/reply-policy'
import type { Upload } from '@sellerinbox/shared/api/replies'
import { useState } from 'react'
import { t } from '../../i18n'
import { describeError, isApiError } from '../../services/api-error'
import { uploadAttachment } from '../../services/uploads'
import type { PickedFile } from '../../platform/types'

export interface DraftAttachment {
  key: string
  name: string
  size: number
  /** 0–100 while uploading. */
  progress: number
  upload?: Upload
  error?: string
}

export interface DraftAttachments {
  items: DraftAttachment[]
  add: (files: PickedFile[]) => void
  remove: (key: string) => void
  clear: () => void
  uploading: boolean
  failed: boolean
  uploadIds: string[]
  /** The uploaded files as the policy check sees them (type decided by the server). */
  infos: ReplyAttachmentInfo[]
}

let sequence = 0

function uploadError(error: unknown, name: string): string {
  if (isApiError(error, 'PAYLOAD_TOO_LARGE')) return t('attachment.tooLarge')
  if (isApiError(error, 'UNSUPPORTED_FILE_TYPE')) return t('attachment.wrongType')
  return t('attachment.uploadFailed', { name, message: describeError(error) })
}

export function useDraftAttachments(): DraftAttachments {
  const [items, setItems] = useState<DraftAttachment[]>([])
  const patch = (key: string, change: Partial<DraftAttachment>) => setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)))

  const start = async (key: string, file: PickedFile) => {
    try {
      const upload = await uploadAttachment(file, (progress) => patch(key, { progress }))
      patch(key, { upload, progress: 100 })
    } catch (error) {
      patch(key, { error: uploadError(error, file.name) })
    }
  }

  const add = (files: PickedFile[]) => {
    const added = files.map((file) => {
      sequence += 1
      const key = `a${sequence}`
      const tooLarge = file.size > MAX_ATTACHMENT_BYTES
      if (!tooLarge) void start(key, file)
      return { key, name: file.name, size: file.size, progress: 0, ...(tooLarge ? { error: t('attachment.tooLarge') } : {}) }
    })
    setItems((current) => [...current, ...added])
  }

  const uploaded = items.filter((item): item is DraftAttachment & { upload: Upload } => !!item.upload)
  return {
    items,
    add,
    remove: (key) => setItems((current) => current.filter((item) => item.key !== key)),
    clear: () => setItems([]),
    uploading: items.some((item) => !item.upload && !item.error),
    failed: items.some((item) => !!item.error),
    uploadIds: uploaded.map((item) => item.upload.id),
    infos: uploaded.map(({ upload }) => ({ filename: upload.filename, size: upload.size, contentType: upload.contentType })),
  }
}

/** A short type label: PNG, PDF… from the server's content type once uploaded, else from the name. */
export function typeLabel(item: DraftAttachment): string {
  const fromContent = item.upload ? ALLOWED_ATTACHMENT_TYPES[item.upload.contentType] : undefined
  const fromName = item.name.includes('.') ? item.name.split('.').pop() : undefined
  return (fromContent ?? fromName ?? '?').toUpperCase()
}
