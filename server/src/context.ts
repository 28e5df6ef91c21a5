// What route handlers and jobs reach through `app.ctx`: configuration and shared services.
import type { Config } from './config'
import type { Db } from './db/kysely'
import type { SessionIssuer } from './modules/auth/sessions.service'
import type { WechatClient } from './modules/wechat/wechat.client'

export interface AppContext {
  config: Config
  db: Db
  wechat: WechatClient
  sessions: SessionIssuer
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext
  }
}
