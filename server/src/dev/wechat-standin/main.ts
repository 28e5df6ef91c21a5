// Runs the WeChat API stand-in as a process (`pnpm --filter @sellerinbox/server wechat-standin`).
// Env: WECHAT_STANDIN_PORT (9901), WECHAT_STANDIN_HOST (127.0.0.1), WECHAT_APPID, WECHAT_SECRET,
// optional WECHAT_STANDIN_TOKEN_TTL_SECONDS and WECHAT_STANDIN_DEFAULT_BALANCE; the server's
// NOTIFY_TEMPLATE_* variables register the same subscription templates, and WECHAT_STANDIN_USERS
// (comma-separated openids) makes users known that never signed in through WeChat (the demo
// accounts), so subscribe/send accepts them. Stops on SIGINT/SIGTERM.
import { startWechatStandin } from './standin'

function intFromEnv(name: string, fallback: number | undefined): number | undefined {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  if (!/^\d+$/.test(raw)) {
    console.error(`wechat-standin: ${name} must be a whole number, got ${JSON.stringify(raw)}`)
    process.exit(2)
  }
  return Number(raw)
}

const port = intFromEnv('WECHAT_STANDIN_PORT', 9901) ?? 9901
const host = process.env.WECHAT_STANDIN_HOST || '127.0.0.1'
const appid = process.env.WECHAT_APPID || 'wx0000000000standin'
const secret = process.env.WECHAT_SECRET || 'standin-secret'
const tokenTtlSeconds = intFromEnv('WECHAT_STANDIN_TOKEN_TTL_SECONDS', undefined)
const defaultBalance = intFromEnv('WECHAT_STANDIN_DEFAULT_BALANCE', undefined)

try {
  const standin = await startWechatStandin({
    port,
    host,
    appid,
    secret,
    ...(tokenTtlSeconds !== undefined ? { tokenTtlSeconds } : {}),
    ...(defaultBalance !== undefined ? { defaultBalance } : {}),
  })
  for (const [idVar, fieldsVar] of [
    ['NOTIFY_TEMPLATE_NEW_MESSAGE', 'NOTIFY_TEMPLATE_NEW_MESSAGE_FIELDS'],
    ['NOTIFY_TEMPLATE_SLA', 'NOTIFY_TEMPLATE_SLA_FIELDS'],
  ] as const) {
    const id = process.env[idVar]
    const fields = process.env[fieldsVar]
    // `slot=keyword,…` → the keywords (their names carry their types: thing1, time3, …)
    if (id && fields) standin.state.setTemplate(id, fields.split(',').map((pair) => pair.split('=')[1] ?? ''))
  }
  for (const openid of (process.env.WECHAT_STANDIN_USERS ?? '').split(',').filter(Boolean)) standin.state.registerUser(openid)
  const defaults = process.env.WECHAT_APPID ? '' : ' (WECHAT_APPID/WECHAT_SECRET not set: using stand-in defaults)'
  console.log(`wechat-standin: listening on ${standin.url} for appid ${appid}${defaults}`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    standin.close().then(
      () => {
        console.log(`wechat-standin: stopped (${signal})`)
        process.exit(0)
      },
      (error: unknown) => {
        console.error('wechat-standin: error while stopping', error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code
  console.error(
    code === 'EADDRINUSE'
      ? `wechat-standin: ${host}:${port} is already in use (set WECHAT_STANDIN_PORT)`
      : `wechat-standin: could not start: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exit(1)
}
