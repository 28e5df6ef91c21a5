// Mini program: downloadFile with the bearer header, then the system image previewer or document viewer.
import Taro from '@tarojs/taro'
import { ApiError } from '../services/api-error'
import type { OpenFile } from './types'

// The types openDocument can show (WeChat's list); other documents are for the web version.
const DOCUMENT_TYPES = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'] as const
type DocumentType = (typeof DOCUMENT_TYPES)[number]

function documentType(filename: string): DocumentType | undefined {
  const extension = filename.split('.').pop()?.toLowerCase()
  return DOCUMENT_TYPES.find((type) => type === extension)
}

const errMsg = (error: unknown) => (error as { errMsg?: string }).errMsg ?? String(error)

export const openFile: OpenFile = async ({ url, header, filename, contentType }) => {
  const isImage = contentType.startsWith('image/')
  const fileType = documentType(filename)
  if (!isImage && !fileType) throw new ApiError('FILE_OPEN_FAILED', 0, `Cannot open ${filename} in the mini program`)
  const { statusCode, tempFilePath } = await Taro.downloadFile({ url, header }).catch((error: unknown) => {
    throw new ApiError('NETWORK_FAILED', 0, errMsg(error))
  })
  if (statusCode !== 200) return statusCode
  try {
    if (isImage) await Taro.previewImage({ urls: [tempFilePath], current: tempFilePath })
    else await Taro.openDocument({ filePath: tempFilePath, fileType, showMenu: true })
  } catch (error) {
    throw new ApiError('FILE_OPEN_FAILED', 0, errMsg(error))
  }
  return statusCode
}
