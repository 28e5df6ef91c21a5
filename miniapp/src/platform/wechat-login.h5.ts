import { ApiError } from '../services/api-error'
import type { GetWechatLoginCode } from './types'

export const getWechatLoginCode: GetWechatLoginCode = () =>
  Promise.reject(new ApiError('UNSUPPORTED_PLATFORM', 0, 'WeChat login is only available in the mini program'))
