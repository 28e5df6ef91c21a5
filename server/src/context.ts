// What route handlers and jobs reach through `app.ctx`: configuration and shared services.
import type { Config } from './config'
import type { Db } from './db/kysely'
import type { SessionIssuer } from './modules/auth/sessions.service'
import type { WechatClient } from './modules/wechat/wechat.client'
import type { BlobStore } from './storage/blob-store'
import type { SecretBox } from './lib/secret-box'
import type { ChannelDirectory } from './modules/stores/channel-directory'

export interface AppContext {
  config: Config
  db: Db
  wechat: WechatClient
  sessions: SessionIssuer
  storage: BlobStore
  secrets: SecretBox
  /** The channels each user may see, reused for AUTH_USER_RECHECK_MS; forget an org after changing its stores or access. */
  channels: ChannelDirectory
  /** Wakes this process's outbox worker after a reply is queued (set when the worker role runs here). */
  nudgeOutbox?: () => void
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext
  }
}
