// Wiring for notification tests: the app configured with two subscription templates (the stand-in
// knows the same ones), a movable clock, dispatchers restricted to one org, recipients with credits,
// and messages stored the way ingestion stores them (with their intake row).
import { randomUUID } from 'node:crypto'
import type { Db } from '@sellerinbox/server/db/kysely'
import { NotificationDispatcher, type DispatcherOptions } from '@sellerinbox/server/notify/dispatcher'
import { enqueueStoredMessages } from '@sellerinbox/server/notify/intake'
import type { Channel, Store } from '@sellerinbox/shared'
import type { NotificationRule, UpdateNotificationRuleBody } from '@sellerinbox/shared/api/notifications'
import { buildApp } from '@sellerinbox/server/app'
import { startWechatStandin } from '@sellerinbox/server/dev/wechat-standin/standin'
import { createStore, signUpMain, type Client, type TestApp } from './app'
import { quietLog } from './ingest'
import { mailFactory, type MessageFields } from './mail-factory'
import { TEST_WECHAT, testConfig } from './test-env'

export const TEMPLATES = {
  newMessage: 'tmpl-new-message-0001',
  sla: 'tmpl-reply-due-0002',
}

export const TEMPLATE_ENV = {
  NOTIFY_TEMPLATE_NEW_MESSAGE: TEMPLATES.newMessage,
  NOTIFY_TEMPLATE_NEW_MESSAGE_FIELDS: 'title=thing1,store=thing2,time=time3,detail=thing4',
  NOTIFY_TEMPLATE_SLA: TEMPLATES.sla,
  NOTIFY_TEMPLATE_SLA_FIELDS: 'title=thing1,store=thing2,deadline=time3,detail=thing4',
}

/**
 * The app with notification templates configured, and a stand-in that knows the same templates.
 * Each app gets its own appid, so its access-token row (shared by every instance of one appid) is
 * its own even when test files run side by side or one after another in the same worker process
 * (a per-process counter would start again at each file).
 */
export async function buildNotifyApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const appid = `wxnotify${randomUUID().replace(/-/g, '').slice(0, 16)}`
  const standin = await startWechatStandin({ port: 0, appid, secret: TEST_WECHAT.secret })
  const app = await buildApp(testConfig({ WECHAT_API_BASE: standin.url, WECHAT_APPID: appid, ...TEMPLATE_ENV, ...overrides }), { web: false, logger: false })
  await app.ready()
  const t = {
    app,
    standin,
    async close() {
      await app.close()
      await standin.close()
    },
  }
  registerTemplates(t)
  return t
}

export function registerTemplates(t: Pick<TestApp, 'standin'>): void {
  t.standin.state.setTemplate(TEMPLATES.newMessage, ['thing1', 'thing2', 'time3', 'thing4'])
  t.standin.state.setTemplate(TEMPLATES.sla, ['thing1', 'thing2', 'time3', 'thing4'])
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private ms: number) {}
  now = (): Date => new Date(this.ms)
  set(at: Date | string): void {
    this.ms = new Date(at).getTime()
  }
  advance(ms: number): void {
    this.ms += ms
  }
}

export function dispatcher(t: TestApp, orgIds: number[], options: Partial<DispatcherOptions> = {}): NotificationDispatcher {
  return new NotificationDispatcher({
    db: t.app.ctx.db,
    config: t.app.ctx.config.notify,
    wechat: t.app.ctx.wechat,
    appid: t.app.ctx.config.wechat.appid,
    log: quietLog,
    orgIds,
    ...options,
  })
}

export interface NotifyOrg {
  main: Client
  store: Store
  us: Channel
  de: Channel
  orgId: number
}

/** A main account with one store (US, DE) and, by default, credits for both templates. */
export async function notifyOrg(t: TestApp, options: { storeName?: string; credits?: number } = {}): Promise<NotifyOrg> {
  const main = await signUpMain(t)
  const store = await createStore(main, options.storeName ?? 'Store A', ['US', 'DE'])
  const org = { main, store, us: store.channels.find((c) => c.marketplace === 'US')!, de: store.channels.find((c) => c.marketplace === 'DE')!, orgId: main.session.org.id }
  await giveCredits(t, main, options.credits ?? 10)
  return org
}

/** Credits as a user gets them: accepts reported by the mini program, and the same at WeChat. */
export async function giveCredits(t: TestApp, user: Client, n: number, templates = [TEMPLATES.newMessage, TEMPLATES.sla]): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await user.request('POST', '/api/notifications/credits', { reportId: `grant-${crypto.randomUUID()}`, results: templates.map((templateId) => ({ templateId, result: 'accept' })) })
    if (res.statusCode !== 200) throw new Error(`credits failed: ${res.statusCode} ${res.body}`)
  }
  const openid = await openidOf(t, user)
  for (const templateId of templates) t.standin.state.setCredits(openid, templateId, t.standin.state.getCredits(openid, templateId) + n)
}

export async function openidOf(t: TestApp, user: Client): Promise<string> {
  const row = await t.app.ctx.db.selectFrom('users').select('openid').where('id', '=', user.session.user.id).executeTakeFirstOrThrow()
  return row.openid
}

export async function setRule(user: Client, userId: number, rule: Partial<UpdateNotificationRuleBody>): Promise<NotificationRule> {
  const current = (await user.request('GET', `/api/notifications/rules/${userId}`)).json<NotificationRule>()
  const { userId: _u, displayName: _d, role: _r, updatedAt: _a, ...settings } = current
  const res = await user.request('PUT', `/api/notifications/rules/${userId}`, { ...settings, ...rule })
  if (res.statusCode !== 200) throw new Error(`rule failed: ${res.statusCode} ${res.body}`)
  return res.json<NotificationRule>()
}

/** A message stored as ingestion stores it: the row plus its intake entry. */
export async function storeMessage(t: TestApp, owner: Client, channel: Channel, fields: MessageFields = {}): Promise<number> {
  const { id } = await mailFactory(t.app, owner).message(channel, fields)
  const { rawSha256 } = await t.app.ctx.db.selectFrom('messages').select('rawSha256').where('id', '=', id).executeTakeFirstOrThrow()
  await t.app.ctx.db.transaction().execute((tx) => enqueueStoredMessages(tx, owner.session.org.id, [{ channelId: channel.id, rawSha256 }]))
  return id
}

export async function notificationsOf(db: Db, userId: number) {
  return db.selectFrom('notifications').selectAll().where('userId', '=', userId).orderBy('id').execute()
}

export function sentTo(t: TestApp, openid: string) {
  return t.standin.state.sent.filter((m) => m.touser === openid)
}
