// IMAP accounts the server ingests, their health and connection tests, and mail that matched no
// dedicated address (main account only). Passwords only ever travel to the server.
import type {
  ConnectionSettings,
  ConnectionTestResult,
  CreateMailSourceBody,
  MailSource,
  TestStoredSourceBody,
  UnroutedMailPage,
  UpdateMailSourceBody,
} from '@sellerinbox/shared'
import { api } from './request'

export async function listMailSources(): Promise<MailSource[]> {
  const { sources } = await api.get<{ sources: MailSource[] }>('/api/mail-sources')
  return sources
}

export const getMailSource = (id: number) => api.get<MailSource>(`/api/mail-sources/${id}`)
export const createMailSource = (body: CreateMailSourceBody) => api.post<MailSource>('/api/mail-sources', body)
export const updateMailSource = (id: number, body: UpdateMailSourceBody) => api.patch<MailSource>(`/api/mail-sources/${id}`, body)
export const deleteMailSource = (id: number) => api.delete<unknown>(`/api/mail-sources/${id}`)

/** Tests settings before saving. A failed login is a result ({ok: false}), not a thrown error. */
export const testConnection = (settings: ConnectionSettings) => api.post<ConnectionTestResult>('/api/mail-sources/test', settings)

/** Tests a saved source; given fields replace the stored ones for this test only. */
export const testStoredSource = (id: number, overrides: TestStoredSourceBody = {}) =>
  api.post<ConnectionTestResult>(`/api/mail-sources/${id}/test`, overrides)

export const listUnroutedMail = (cursor?: string) => api.get<UnroutedMailPage>('/api/unrouted-mail', { cursor, limit: 30 })
