import { ApiError } from '../services/api-error'
import type { ScanQrText } from './types'

export const scanQrText: ScanQrText = () =>
  Promise.reject(new ApiError('UNSUPPORTED_PLATFORM', 0, 'Scanning is only available in the mini program'))
