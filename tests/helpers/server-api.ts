// The HTTP API of a running server process, called the way the mini program calls it, for
// end-to-end tests. Every call must answer 200; a failure names the call and shows the answer.
import { expect } from 'vitest'
import type { Session } from '@sellerinbox/shared'
import type { Standin } from './app'

/** One JSON call, signed in as `session` unless it is null. */
export type Api = <T = unknown>(session: Session | null, method: string, path: string, body?: unknown) => Promise<T>

export function apiAt(serverUrl: string): Api {
  return async <T>(session: Session | null, method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${serverUrl}${path}`, {
      method,
      headers: { ...(session ? { authorization: `Bearer ${session.accessToken}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
    const text = await res.text()
    expect(res.status, `${method} ${path}: ${text}`).toBe(200)
    return JSON.parse(text) as T
  }
}

/** What the mini program does on first open: sign in with a fresh WeChat code, so a new main account. */
export function miniProgramSignIn(api: Api, standin: Standin, displayName: string): Promise<Session> {
  return api<Session>(null, 'POST', '/api/auth/wechat', { code: standin.state.mintCode().code, displayName })
}
