// The application as a Fastify plugin tree: external plugins, then the app's own, then routes.
// The process entry (server.ts) decides roles and listening; tests build this and use inject().
import Fastify, { type FastifyInstance } from 'fastify'
import type { DestinationStream } from 'pino'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import { MAX_ATTACHMENT_BYTES } from '@sellerinbox/shared/domain/reply-policy'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Config } from './config'
import type { AppContext } from './context'
import { createDb, type Db } from './db/kysely'
import { AppError } from './lib/errors'
import { createSessionIssuer } from './modules/auth/sessions.service'
import { createChannelDirectory } from './modules/stores/channel-directory'
import { createWechatClient, type WechatClient } from './modules/wechat/wechat.client'
import { createSecretBox } from './lib/secret-box'
import { createLocalBlobStore, type BlobStore } from './storage/blob-store'
import authPlugin from './plugins/auth'
import errorsPlugin from './plugins/errors'
import { loggerOptions } from './plugins/logger'
import openapiPlugin from './plugins/openapi'
import webPlugin from './plugins/web'
import healthRoutes from './routes/health'
import apiRoutes from './routes/api'

export interface BuildOptions {
  db?: Db
  wechat?: WechatClient
  storage?: BlobStore
  /** Serve the H5 build (default true). */
  web?: boolean
  /** Register the /api routes (default true; a worker-only process has health checks only). */
  api?: boolean
  logger?: boolean
  /** Where logs go (default stdout); tests capture them to prove secrets are redacted. */
  logStream?: DestinationStream
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config.logLevel, options.logStream),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: true, useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  const ownsDb = !options.db
  const db = options.db ?? createDb(config.databaseUrl, config.dbPoolSize)
  const ctx: AppContext = {
    config,
    db,
    wechat: options.wechat ?? createWechatClient(config.wechat),
    sessions: undefined as unknown as AppContext['sessions'],
    storage: options.storage ?? createLocalBlobStore(config.storageDir),
    secrets: createSecretBox(config.secretsKey),
    channels: createChannelDirectory(db, config.authUserRecheckMs),
  }
  app.decorate('ctx', ctx)
  if (ownsDb) app.addHook('onClose', async () => db.destroy())

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', `Too many attempts; wait ${Math.ceil(context.ttl / 1000)} s and try again`),
  })
  // One file per upload request; our own reader refuses it the moment it passes 10 MB.
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1, fields: 5 } })
  await app.register(openapiPlugin)
  await app.register(errorsPlugin)
  await app.register(authPlugin)
  ctx.sessions = createSessionIssuer({
    db,
    signAccessToken: (claims) => app.jwt.sign(claims),
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
  })

  await app.register(healthRoutes)
  if (options.api !== false) await app.register(apiRoutes, { prefix: '/api' })
  if (options.web !== false) await app.register(webPlugin)
  return app
}
