// Mini program: Taro.uploadFile from the temporary path chooseMedia / chooseMessageFile gave.
// WeChat names the multipart file after that temporary path, not the file's own name.
import Taro from '@tarojs/taro'
import { ApiError } from '../services/api-error'
import type { UploadFile } from './types'

const TIMEOUT_MS = 60_000

export const uploadFile: UploadFile = async ({ url, header, field, file, onProgress }) => {
  if (typeof file.source !== 'string') throw new ApiError('UNSUPPORTED_PLATFORM', 0, 'The mini program uploads from a file path')
  const task = Taro.uploadFile({ url, header, name: field, filePath: file.source, timeout: TIMEOUT_MS })
  if (onProgress) task.progress((update) => onProgress(update.progress))
  const result = await task.catch((error: unknown) => {
    throw new ApiError('NETWORK_FAILED', 0, (error as { errMsg?: string }).errMsg ?? String(error))
  })
  return { status: result.statusCode, data: parseJson(result.data) }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
