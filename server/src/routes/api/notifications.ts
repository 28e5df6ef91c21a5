// Notification rules (the main account manages all and picks recipients; a sub-account edits its own),
// subscription credits (what requestSubscribeMessage answered) and the signed-in user's notification log.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams } from '@sellerinbox/shared/api/common'
import {
  Credits,
  NotificationLog,
  NotificationLogQuery,
  NotificationRule,
  NotificationRuleList,
  RecordSubscribeBody,
  UpdateNotificationRuleBody,
} from '@sellerinbox/shared/api/notifications'
import { getCredits, recordSubscribeResults } from '../../modules/notifications/credits.service'
import { listNotificationLog } from '../../modules/notifications/log.service'
import { getRule, listRules, updateRule } from '../../modules/notifications/rules.service'
import { userErrors } from './errors'

const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['notifications']
  const { db, config } = app.ctx

  app.get('/rules', { schema: { tags, response: { 200: NotificationRuleList, ...userErrors } } }, async (request) => ({
    rules: await listRules(db, request.actor),
    cooldownMinutes: config.notify.cooldownMs / 60_000,
    slaReminderMinutes: config.notify.slaReminderMs / 60_000,
  }))

  app.get('/rules/:id', { schema: { tags, params: IdParams, response: { 200: NotificationRule, ...userErrors } } }, async (request) =>
    getRule(db, request.actor, request.params.id),
  )

  app.put('/rules/:id', { schema: { tags, params: IdParams, body: UpdateNotificationRuleBody, response: { 200: NotificationRule, ...userErrors } } }, async (request) =>
    updateRule(db, request.actor, request.params.id, request.body, new Date()),
  )

  app.get('/credits', { schema: { tags, response: { 200: Credits, ...userErrors } } }, async (request) => getCredits(db, request.actor, config.notify))

  app.post('/credits', { schema: { tags, body: RecordSubscribeBody, response: { 200: Credits, ...userErrors } } }, async (request) =>
    recordSubscribeResults(db, request.actor, config.notify, request.body, new Date()),
  )

  app.get('/log', { schema: { tags, querystring: NotificationLogQuery, response: { 200: NotificationLog, ...userErrors } } }, async (request) =>
    listNotificationLog(db, request.actor, request.query),
  )
}

export default notificationRoutes
