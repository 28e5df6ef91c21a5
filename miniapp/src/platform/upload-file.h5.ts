// Web version: XMLHttpRequest with FormData (fetch reports no upload progress). The browser sets the
// multipart boundary and sends the File under its own name.
import { ApiError } from '../services/api-error'
import type { UploadFile } from './types'

const TIMEOUT_MS = 60_000

export const uploadFile: UploadFile = ({ url, header, field, file, onProgress }) =>
  new Promise((resolve, reject) => {
    if (typeof file.source === 'string') throw new ApiError('UNSUPPORTED_PLATFORM', 0, 'The web version uploads a File, not a path')
    const form = new FormData()
    form.append(field, file.source, file.name)
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.timeout = TIMEOUT_MS
    xhr.responseType = 'text'
    Object.entries(header).forEach(([name, value]) => xhr.setRequestHeader(name, value))
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100))
      }
    }
    xhr.onload = () => resolve({ status: xhr.status, data: parseJson(xhr.responseText) })
    const failed = (what: string) => () => reject(new ApiError('NETWORK_FAILED', 0, `upload ${what}`))
    xhr.onerror = failed('failed')
    xhr.ontimeout = failed('timed out')
    xhr.onabort = failed('aborted')
    xhr.send(form)
  })

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
