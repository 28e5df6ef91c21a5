// The server's configuration: one schema, read from the environment, validated at boot with every
// problem listed at once. `.env.example` at the repo root documents each variable.
import { Type, type Static } from 'typebox'
import Value from 'typebox/value'

const Bool = { pattern: '^(true|false)$' }
const Int = (min: number, max: number, def: number, description: string) =>
  Type.String({ pattern: '^[0-9]+$', default: String(def), description: `${description} (integer ${min}–${max})` })

export const ConfigSchema = Type.Object({
  ROLES: Type.String({ pattern: '^(web|worker)(,(web|worker))?$', default: 'web,worker', description: 'web, worker or web,worker' }),
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Int(0, 65535, 3000, 'HTTP port'),
  LOG_LEVEL: Type.String({ pattern: '^(fatal|error|warn|info|debug|trace|silent)$', default: 'info', description: 'fatal, error, warn, info, debug, trace or silent' }),
  DATABASE_URL: Type.String({ pattern: '^mysql://', description: 'mysql://user:password@host:port/database' }),
  DB_POOL_SIZE: Int(1, 200, 10, 'database connections per process'),
  JWT_SECRET: Type.String({ minLength: 32, description: 'at least 32 characters' }),
  SECRETS_KEY: Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: '32 random bytes, base64 (openssl rand -base64 32)' }),
  ACCESS_TOKEN_TTL_SECONDS: Int(60, 86400, 900, 'access token lifetime'),
  REFRESH_TOKEN_TTL_SECONDS: Int(3600, 31536000, 2592000, 'refresh token lifetime'),
  WECHAT_APPID: Type.String({ minLength: 1 }),
  WECHAT_SECRET: Type.String({ minLength: 1 }),
  WECHAT_API_BASE: Type.String({ pattern: '^https?://', default: 'https://api.weixin.qq.com' }),
  INBOUND_DOMAIN: Type.String({ pattern: '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$', description: 'domain of dedicated addresses, lower case' }),
  INVITE_TTL_HOURS: Int(1, 720, 72, 'invite lifetime'),
  QR_TICKET_TTL_SECONDS: Int(30, 600, 120, 'web QR sign-in ticket lifetime'),
  AUTH_RATE_LIMIT_PER_MINUTE: Int(1, 100000, 20, 'sign-in attempts per client IP per minute'),
  QR_POLL_RATE_LIMIT_PER_MINUTE: Int(1, 100000, 90, 'QR ticket polls per client IP per minute'),
  MAIL_LEASE_TTL_SECONDS: Int(5, 3600, 30, 'how long a crashed worker keeps a mailbox before another worker takes it over'),
  MAIL_SYNC_TICK_SECONDS: Int(1, 300, 5, 'how often a worker looks for mail sources to own and renews its leases'),
  STORAGE_DIR: Type.String({ default: '.local/storage', description: 'folder for raw emails and attachments (relative to the working directory or absolute)' }),
  WEB_ROOT: Type.String({ default: '', description: 'folder of the H5 build to serve at /; empty = miniapp/dist/h5 when it exists' }),
  DEMO_MODE: Type.String({ ...Bool, default: 'false', description: 'true: demo sign-in and the local WeChat stand-in' }),
  TRUST_PROXY: Type.String({ ...Bool, default: 'false', description: 'true behind a reverse proxy (client IP from X-Forwarded-For)' }),
})

type RawConfig = Static<typeof ConfigSchema>

export interface Config {
  roles: { web: boolean; worker: boolean }
  host: string
  port: number
  logLevel: string
  databaseUrl: string
  dbPoolSize: number
  jwtSecret: string
  secretsKey: Buffer
  accessTokenTtlSeconds: number
  refreshTokenTtlSeconds: number
  wechat: { appid: string; secret: string; apiBase: string }
  inboundDomain: string
  inviteTtlHours: number
  qrTicketTtlSeconds: number
  authRateLimitPerMinute: number
  qrPollRateLimitPerMinute: number
  webRoot: string
  storageDir: string
  mailLeaseTtlSeconds: number
  mailSyncTickSeconds: number
  demoMode: boolean
  trustProxy: boolean
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

const INT_RANGES: Partial<Record<keyof RawConfig, [number, number]>> = {
  PORT: [0, 65535],
  DB_POOL_SIZE: [1, 200],
  ACCESS_TOKEN_TTL_SECONDS: [60, 86400],
  REFRESH_TOKEN_TTL_SECONDS: [3600, 31536000],
  INVITE_TTL_HOURS: [1, 720],
  QR_TICKET_TTL_SECONDS: [30, 600],
  AUTH_RATE_LIMIT_PER_MINUTE: [1, 100000],
  QR_POLL_RATE_LIMIT_PER_MINUTE: [1, 100000],
  MAIL_LEASE_TTL_SECONDS: [5, 3600],
  MAIL_SYNC_TICK_SECONDS: [1, 300],
}

/** Reads and validates the configuration; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const keys = Object.keys(ConfigSchema.properties) as (keyof RawConfig)[]
  const input: Record<string, string> = {}
  for (const key of keys) {
    const value = env[key]
    if (value !== undefined && value !== '') input[key] = value
  }
  const withDefaults = Value.Default(ConfigSchema, input) as Record<string, unknown>
  const problems: string[] = []
  for (const error of Value.Errors(ConfigSchema, withDefaults)) {
    const missing = (error.params as { requiredProperties?: string[] }).requiredProperties
    if (error.keyword === 'required' && missing) {
      for (const key of missing) problems.push(`${key}: is missing${describe(key)}`)
      continue
    }
    const key = error.instancePath.replace(/^\//, '')
    const shown = isSecret(key) ? '***' : input[key]
    problems.push(`${key}: got ${JSON.stringify(shown)}${describe(key)}`)
  }
  for (const [key, [min, max]] of Object.entries(INT_RANGES) as [keyof RawConfig, [number, number]][]) {
    const raw = withDefaults[key]
    if (typeof raw === 'string' && /^[0-9]+$/.test(raw)) {
      const n = Number(raw)
      if (n < min || n > max) problems.push(`${key}: ${n} is outside ${min}–${max}`)
    }
  }
  if (problems.length > 0) throw new ConfigError([...new Set(problems)])
  const raw = withDefaults as RawConfig
  const roles = raw.ROLES.split(',')
  return {
    roles: { web: roles.includes('web'), worker: roles.includes('worker') },
    host: raw.HOST,
    port: Number(raw.PORT),
    logLevel: raw.LOG_LEVEL,
    databaseUrl: raw.DATABASE_URL,
    dbPoolSize: Number(raw.DB_POOL_SIZE),
    jwtSecret: raw.JWT_SECRET,
    secretsKey: Buffer.from(raw.SECRETS_KEY, 'base64'),
    accessTokenTtlSeconds: Number(raw.ACCESS_TOKEN_TTL_SECONDS),
    refreshTokenTtlSeconds: Number(raw.REFRESH_TOKEN_TTL_SECONDS),
    wechat: { appid: raw.WECHAT_APPID, secret: raw.WECHAT_SECRET, apiBase: raw.WECHAT_API_BASE.replace(/\/+$/, '') },
    inboundDomain: raw.INBOUND_DOMAIN,
    inviteTtlHours: Number(raw.INVITE_TTL_HOURS),
    qrTicketTtlSeconds: Number(raw.QR_TICKET_TTL_SECONDS),
    authRateLimitPerMinute: Number(raw.AUTH_RATE_LIMIT_PER_MINUTE),
    qrPollRateLimitPerMinute: Number(raw.QR_POLL_RATE_LIMIT_PER_MINUTE),
    webRoot: raw.WEB_ROOT,
    storageDir: raw.STORAGE_DIR,
    mailLeaseTtlSeconds: Number(raw.MAIL_LEASE_TTL_SECONDS),
    mailSyncTickSeconds: Number(raw.MAIL_SYNC_TICK_SECONDS),
    demoMode: raw.DEMO_MODE === 'true',
    trustProxy: raw.TRUST_PROXY === 'true',
  }
}

function describe(key: string): string {
  const schema = (ConfigSchema.properties as Record<string, { description?: string }>)[key]
  return schema?.description ? ` — expected ${schema.description}` : ''
}

function isSecret(key: string): boolean {
  return /SECRET|KEY|PASSWORD|DATABASE_URL/.test(key)
}
