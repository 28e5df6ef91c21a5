// The mini program calls the API on an allow-listed HTTPS domain, set at build time.
import type { ApiBase } from './types'

export const apiBase: ApiBase = (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '')
