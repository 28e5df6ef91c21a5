// The org's reply settings over HTTP: templates (with a preview against a message), its own forbidden
// words, the blacklist and its SMTP relay. Everyone reads templates, words and the blacklist; only the
// main account changes them, and only the main account sees the relay.
import type {
  BlacklistEntry,
  ForbiddenWordItem,
  ReplyTemplate,
  ReplyTemplateBody,
  SmtpRelay,
  SmtpRelaySetting,
  TemplatePreview,
} from '@sellerinbox/shared/api/replies'
import { api } from './request'

export async function listTemplates(): Promise<ReplyTemplate[]> {
  const { templates } = await api.get<{ templates: ReplyTemplate[] }>('/api/reply-templates')
  return templates
}
export const createTemplate = (body: ReplyTemplateBody) => api.post<ReplyTemplate>('/api/reply-templates', body)
export const updateTemplate = (id: number, body: ReplyTemplateBody) => api.put<ReplyTemplate>(`/api/reply-templates/${id}`, body)
export const deleteTemplate = (id: number) => api.delete<unknown>(`/api/reply-templates/${id}`)
export const previewTemplate = (id: number, messageId: number) => api.get<TemplatePreview>(`/api/reply-templates/${id}/preview`, { messageId })

export async function listForbiddenWords(): Promise<ForbiddenWordItem[]> {
  const { words } = await api.get<{ words: ForbiddenWordItem[] }>('/api/forbidden-words')
  return words
}
export const addForbiddenWord = (word: string, language: string | null) => api.post<ForbiddenWordItem>('/api/forbidden-words', { word, language })
export const deleteForbiddenWord = (id: number) => api.delete<unknown>(`/api/forbidden-words/${id}`)

export async function listBlacklist(): Promise<BlacklistEntry[]> {
  const { entries } = await api.get<{ entries: BlacklistEntry[] }>('/api/blacklist')
  return entries
}
export const addBlacklistEntry = (body: { kind: BlacklistEntry['kind']; value: string; note?: string }) => api.post<BlacklistEntry>('/api/blacklist', body)
export const deleteBlacklistEntry = (id: number) => api.delete<unknown>(`/api/blacklist/${id}`)

export const getSmtpRelay = () => api.get<SmtpRelaySetting>('/api/smtp-relay')
/** `password`: undefined keeps the stored one, null removes it. */
export const saveSmtpRelay = (relay: SmtpRelay & { password?: string | null }) => api.put<SmtpRelaySetting>('/api/smtp-relay', relay)
/** Back to the server's global relay. */
export const clearSmtpRelay = () => api.delete<SmtpRelaySetting>('/api/smtp-relay')
