// Sign-in, sign-out and QR web sign-in endpoints. Functions that yield a session store it before returning.
import type { InvitePreview, QrTicket, QrTicketState, Session } from '@sellerinbox/shared'
import { api } from './request'
import { clearSession, loadSession, saveSession } from './session'

export async function signInWithWechat(code: string, displayName?: string): Promise<Session> {
  return saveSignedIn(await api.post<Session>('/api/auth/wechat', { code, displayName }, false))
}

/** Only offered when GET /api/meta says demo mode is on. */
export async function signInDemo(as: 'main' | 'sub'): Promise<Session> {
  return saveSignedIn(await api.post<Session>('/api/auth/demo', { as }, false))
}

export async function acceptInvite(token: string, code: string, displayName?: string): Promise<Session> {
  return saveSignedIn(await api.post<Session>('/api/auth/invites/accept', { token, code, displayName }, false))
}

export function getInvitePreview(token: string): Promise<InvitePreview> {
  return api.get<InvitePreview>(`/api/auth/invites/${encodeURIComponent(token)}`, undefined, false)
}

/** Ends the session on the server too; the local session is gone even when the server is unreachable. */
export async function signOut(): Promise<void> {
  const session = loadSession()
  try {
    if (session) await api.post('/api/auth/logout', { refreshToken: session.refreshToken })
  } finally {
    clearSession(false)
  }
}

export function createQrTicket(): Promise<QrTicket> {
  return api.post<QrTicket>('/api/auth/qr-tickets', {}, false)
}

/** The session arrives once, on the first poll after the mini program confirmed; it is stored here. */
export async function pollQrTicket(ticket: string, pollToken: string): Promise<QrTicketState> {
  const state = await api.get<QrTicketState>(`/api/auth/qr-tickets/${encodeURIComponent(ticket)}`, { pollToken }, false)
  if (state.session) saveSignedIn(state.session)
  return state
}

export function confirmQrTicket(ticket: string): Promise<{ ok: true }> {
  return api.post<{ ok: true }>(`/api/auth/qr-tickets/${encodeURIComponent(ticket)}/confirm`)
}

function saveSignedIn(session: Session): Session {
  saveSession(session)
  return session
}
