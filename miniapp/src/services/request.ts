// The only place that talks HTTP: adds the bearer token, maps failures to ApiError, and on TOKEN_EXPIRED
// refreshes the session once and retries. A failed refresh ends the session (listeners go to login).
import Taro from '@tarojs/taro'
import type { ErrorBody, Session } from '@sellerinbox/shared'
import { isErrorCode } from '@sellerinbox/shared/errors'
import { apiBase } from '../platform/api-base'
import { ApiError } from './api-error'
import { clearSession, loadSession, saveSession } from './session'

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface RequestOptions {
  body?: object
  query?: Record<string, string | number | boolean | undefined>
  /** Public endpoints (sign-in, meta, invite preview) go without a token. */
  auth?: boolean
}

const TIMEOUT_MS = 15_000

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const auth = options.auth ?? true
  try {
    return await send<T>(method, path, options, auth)
  } catch (error) {
    if (!auth || !(error instanceof ApiError)) throw error
    if (error.code === 'TOKEN_EXPIRED') {
      await refreshOnce()
      return send<T>(method, path, options, auth).catch(endSessionOnAuthError)
    }
    return endSessionOnAuthError(error)
  }
}

/** Body-less convenience wrappers keep the service files short. */
export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], auth?: boolean) => request<T>('GET', path, { query, auth }),
  post: <T>(path: string, body: object = {}, auth?: boolean) => request<T>('POST', path, { body, auth }),
  patch: <T>(path: string, body: object) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: object) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
}

let refreshing: Promise<void> | null = null

/** Concurrent requests that all hit TOKEN_EXPIRED share one refresh call. Also used by downloads. */
export function refreshOnce(): Promise<void> {
  refreshing ??= refresh().finally(() => {
    refreshing = null
  })
  return refreshing
}

async function refresh(): Promise<void> {
  const session = loadSession()
  if (!session) throw endSession(new ApiError('UNAUTHENTICATED', 401, 'Not signed in'))
  try {
    const next = await send<Session>('POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } }, false)
    saveSession(next)
  } catch (error) {
    // A network failure keeps the session: the user may simply be offline.
    if (error instanceof ApiError && error.code !== 'NETWORK_FAILED') throw endSession(error)
    throw error
  }
}

function endSessionOnAuthError(error: unknown): never {
  if (error instanceof ApiError && error.status === 401) throw endSession(error)
  throw error
}

function endSession(error: ApiError): ApiError {
  clearSession()
  return error
}

async function send<T>(method: Method, path: string, options: RequestOptions, auth: boolean): Promise<T> {
  const header: Record<string, string> = { Accept: 'application/json' }
  if (options.body) header['Content-Type'] = 'application/json'
  const token = auth ? loadSession()?.accessToken : undefined
  if (token) header.Authorization = `Bearer ${token}`

  let response: Taro.request.SuccessCallbackResult
  try {
    response = await Taro.request({
      url: apiBase + path + queryString(options.query),
      method,
      header,
      data: options.body,
      dataType: 'json',
      timeout: TIMEOUT_MS,
    })
  } catch (error) {
    throw new ApiError('NETWORK_FAILED', 0, (error as { errMsg?: string }).errMsg ?? String(error))
  }
  const data: unknown = response.data
  if (response.statusCode >= 200 && response.statusCode < 300) return data as T
  throw toApiError(response.statusCode, data)
}

/** Maps an error answer to ApiError; also used by uploads, which do not go through Taro.request. */
export function toApiError(status: number, data: unknown): ApiError {
  const body = (typeof data === 'object' && data !== null ? data : {}) as Partial<ErrorBody>
  if (isErrorCode(body.code)) return new ApiError(body.code, status, body.message ?? '', body.details ?? [], data)
  return new ApiError('BAD_RESPONSE', status, typeof body.message === 'string' ? body.message : '')
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return ''
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return pairs.length ? `?${pairs.join('&')}` : ''
}
