// Reply attachments: the upload is read as a stream and refused as soon as it passes 10 MB; its
// type is decided from the bytes (magic numbers, UTF-8 text), never from the file name. Unused
// uploads expire (the cleanup job deletes them).
import type { Readable } from 'node:stream'
import { fileTypeFromBuffer } from 'file-type'
import { ALLOWED_ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '@sellerinbox/shared/domain/reply-policy'
import type { Upload } from '@sellerinbox/shared/api/replies'
import type { Db } from '../../db/kysely'
import { AppError } from '../../lib/errors'
import { randomToken } from '../../lib/random'
import type { BlobStore } from '../../storage/blob-store'
import { sha256Of } from '../../storage/blob-store'
import type { Actor } from '../actor'
import { presentUpload } from './replies.presenter'

export const UPLOAD_TTL_MS = 24 * 3600_000

const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than 10 MB; Amazon accepts attachments up to 10 MB')

/** Reads the stream, failing the moment it passes `limit` bytes (the rest is never buffered). */
export async function readLimited(stream: Readable, limit = MAX_ATTACHMENT_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    size += (chunk as Buffer).length
    if (size > limit) {
      stream.destroy()
      throw tooLarge()
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
const WORD_DOCUMENT = Buffer.from('WordDocument', 'utf16le')

/** The attachment type by content, or null when it is not one Amazon accepts. */
export async function detectAttachmentType(data: Buffer): Promise<string | null> {
  const detected = await fileTypeFromBuffer(data)
  if (detected) {
    // Old Word files are OLE compound files; only those holding a WordDocument stream count.
    if (detected.mime === 'application/x-cfb') return data.includes(WORD_DOCUMENT) ? 'application/msword' : null
    return ALLOWED_ATTACHMENT_TYPES[detected.mime] ? detected.mime : null
  }
  if (data.length === 0 || data.includes(0)) return null
  try {
    utf8.decode(data)
    return 'text/plain'
  } catch {
    return null
  }
}

export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200)
  return cleaned || 'attachment'
}

export async function saveUpload(deps: { db: Db; storage: BlobStore }, actor: Actor, filename: string, data: Buffer, now = new Date()): Promise<Upload> {
  const contentType = await detectAttachmentType(data)
  if (!contentType) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', `"${safeFilename(filename)}" is not a txt, pdf, doc, docx, jpg, gif or png file (checked by its content)`)
  }
  const sha256 = sha256Of(data)
  const { key } = await deps.storage.put('attachment', data, sha256)
  const id = randomToken(16)
  await deps.db
    .insertInto('uploads')
    .values({ id, orgId: actor.orgId, userId: actor.userId, filename: safeFilename(filename), contentType, size: data.length, sha256, storageKey: key, expiresAt: new Date(now.getTime() + UPLOAD_TTL_MS), usedAt: null })
    .execute()
  return presentUpload(await deps.db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
}
