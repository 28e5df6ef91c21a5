import Taro from '@tarojs/taro'
import type { GetWechatLoginCode } from './types'

export const getWechatLoginCode: GetWechatLoginCode = async () => {
  const { code } = await Taro.login()
  if (!code) throw new Error('Taro.login returned no code')
  return code
}
