// Notification rules, subscription credits and the notification log (/api/notifications/*).
import type {
  Credits,
  NotificationLog,
  NotificationRule,
  NotificationRuleList,
  RecordSubscribeBody,
  UpdateNotificationRuleBody,
} from '@sellerinbox/shared/api/notifications'
import { api } from './request'

export const listRules = () => api.get<NotificationRuleList>('/api/notifications/rules')
export const getRule = (userId: number) => api.get<NotificationRule>(`/api/notifications/rules/${userId}`)
export const saveRule = (userId: number, body: UpdateNotificationRuleBody) => api.put<NotificationRule>(`/api/notifications/rules/${userId}`, body)

export const getCredits = () => api.get<Credits>('/api/notifications/credits')
/** Reports what the subscription popup answered; the server adds a credit per accepted template. */
export const reportSubscribe = (results: RecordSubscribeBody['results']) => api.post<Credits>('/api/notifications/credits', { results })

export const getNotificationLog = (before?: number) => api.get<NotificationLog>('/api/notifications/log', { before, limit: 30 })
