import Taro from '@tarojs/taro'
import type { ScanQrText } from './types'

export const scanQrText: ScanQrText = async () => {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
    return result
  } catch (error) {
    // The user closing the scanner is not an error worth showing.
    if (/cancel/i.test((error as { errMsg?: string }).errMsg ?? '')) return null
    throw error
  }
}
