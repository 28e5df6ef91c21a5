// Notification rules, subscription credits and the notification log (/api/notifications/*).
import type {
  Credits,
  NotificationLog,
  NotificationRule,
  NotificationRuleList,
  RecordSubscribeBody,
  UpdateNotificationRuleBody,
} from '@sellerinbox/shared/api/notifications'
import { newRequestId } from '../utils/request-id'
import { isApiError } from './api-error'
import { api } from './request'

export const listRules = () => api.get<NotificationRuleList>('/api/notifications/rules')
export const getRule = (userId: number) => api.get<NotificationRule>(`/api/notifications/rules/${userId}`)
export const saveRule = (userId: number, body: UpdateNotificationRuleBody) => api.put<NotificationRule>(`/api/notifications/rules/${userId}`, body)

export const getCredits = () => api.get<Credits>('/api/notifications/credits')
/**
 * Reports what the subscription popup answered; the server adds a credit per accepted template.
 * WeChat asks once, so a report lost to a bad network is retried with the same id (counted once).
 */
export async function reportSubscribe(results: RecordSubscribeBody['results']): Promise<Credits> {
  const body: RecordSubscribeBody = { reportId: newRequestId('sub'), results }
  for (let attempt = 1; ; attempt++) {
    try {
      return await api.post<Credits>('/api/notifications/credits', body)
    } catch (error) {
      if (attempt >= 3 || !isApiError(error, 'NETWORK_FAILED')) throw error
      await new Promise((resolve) => setTimeout(resolve, attempt * 1000))
    }
  }
}

export const getNotificationLog = (before?: number) => api.get<NotificationLog>('/api/notifications/log', { before, limit: 30 })
