// Serves the H5 build (the web version) at `/` when it has been built.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'

export const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../miniapp/dist/h5')

export default fp(async (app) => {
  const root = path.resolve(app.ctx.config.webRoot || DEFAULT_WEB_ROOT)
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ root }, 'web version not built; run `pnpm build:h5` to serve it')
    return
  }
  await app.register(fastifyStatic, { root, prefix: '/', index: ['index.html'], cacheControl: true, maxAge: '5m' })
})
