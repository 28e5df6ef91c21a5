// The server's configuration: one schema, read from the environment, validated at boot with every
// problem listed at once. `.env.example` at the repo root documents each variable.
import { Type, type Static } from 'typebox'
import Value from 'typebox/value'

const Bool = { pattern: '^(true|false)$' }
const Int = (min: number, max: number, def: number, description: string) =>
  Type.String({ pattern: '^[0-9]+$', default: String(def), description: `${description} (integer ${min}–${max})` })

// `slot=keyword,…`: which template keyword (its name gives its type, e.g. thing1, time3) shows which
// part of a notification. Slots: title, store, time, deadline, detail, count.
const FIELDS_PATTERN = '^(title|store|time|deadline|detail|count)=[a-z_]+[0-9]+(,(title|store|time|deadline|detail|count)=[a-z_]+[0-9]+){1,4}$'
const FIELDS_DESCRIPTION = '2–5 slot=keyword pairs, e.g. title=thing1,store=thing2,time=time3 (slots: title, store, time, deadline, detail, count)'

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
  AUTH_USER_RECHECK_MS: Int(0, 10000, 1000, 'how long a process trusts its last read of a signed-in user (0: read it on every request)'),
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
  NOTIFY_TEMPLATE_NEW_MESSAGE: Type.String({ default: '', description: 'subscription template id for new-message pushes and digests; empty = notifications off' }),
  NOTIFY_TEMPLATE_NEW_MESSAGE_FIELDS: Type.String({ pattern: FIELDS_PATTERN, default: 'title=thing1,store=thing2,time=time3,detail=thing4', description: FIELDS_DESCRIPTION }),
  NOTIFY_TEMPLATE_SLA: Type.String({ default: '', description: 'subscription template id for reply-deadline reminders; empty = no reminders' }),
  NOTIFY_TEMPLATE_SLA_FIELDS: Type.String({ pattern: FIELDS_PATTERN, default: 'title=thing1,store=thing2,deadline=time3,detail=thing4', description: FIELDS_DESCRIPTION }),
  NOTIFY_COOLDOWN_SECONDS: Int(0, 86400, 600, 'after a push, further messages wait this long and go out as one digest'),
  NOTIFY_SLA_REMINDER_MINUTES: Int(1, 1440, 120, 'remind this long before an unanswered buyer message is due'),
  NOTIFY_TICK_MS: Int(50, 60000, 300, 'how often a worker looks for new messages and due notifications'),
  NOTIFY_SENDING_TIMEOUT_SECONDS: Int(5, 3600, 60, 'a push still "sending" after this long (its worker died) is marked unknown, never re-sent'),
  NOTIFY_MINIPROGRAM_STATE: Type.String({ pattern: '^(developer|trial|formal)$', default: 'formal', description: 'which mini program version a notification opens: developer, trial or formal' }),
  WECHAT_PUSH_TOKEN: Type.String({ default: '', pattern: '^([A-Za-z0-9]{3,32})?$', description: 'message-push token (3–32 letters or digits) from the WeChat console; empty = the push endpoint refuses every call' }),
  SMTP_HOST: Type.String({ default: '', description: 'global SMTP relay for replies (empty: only organisations with their own relay can send)' }),
  SMTP_PORT: Int(1, 65535, 587, 'SMTP relay port'),
  SMTP_TLS_MODE: Type.String({ pattern: '^(tls|starttls|none)$', default: 'starttls', description: 'tls, starttls or none' }),
  SMTP_USER: Type.String({ default: '' }),
  SMTP_PASSWORD: Type.String({ default: '' }),
  OUTBOX_SENDING_TIMEOUT_SECONDS: Int(5, 3600, 300, 'a reply still "sending" after this long was interrupted and becomes "unknown" (never re-sent)'),
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
  /** How long a process reuses its read of a token's user row; removal elsewhere takes effect within it. */
  authUserRecheckMs: number
  refreshTokenTtlSeconds: number
  wechat: { appid: string; secret: string; apiBase: string }
  inboundDomain: string
  inviteTtlHours: number
  qrTicketTtlSeconds: number
  authRateLimitPerMinute: number
  qrPollRateLimitPerMinute: number
  webRoot: string
  storageDir: string
  smtp: { host: string; port: number; tlsMode: 'tls' | 'starttls' | 'none'; username: string | null; password: string | null } | null
  outboxSendingTimeoutSeconds: number
  mailLeaseTtlSeconds: number
  mailSyncTickSeconds: number
  notify: NotifyConfig
  demoMode: boolean
  trustProxy: boolean
}

export type TemplateSlot = 'title' | 'store' | 'time' | 'deadline' | 'detail' | 'count'

export interface TemplateConfig {
  id: string
  /** slot → template keyword name (thing1, time3, …) */
  keywords: Partial<Record<TemplateSlot, string>>
}

export interface NotifyConfig {
  /** null when not configured (notifications are off) */
  newMessage: TemplateConfig | null
  /** null when not configured (no reply-deadline reminders) */
  sla: TemplateConfig | null
  cooldownMs: number
  slaReminderMs: number
  tickMs: number
  sendingTimeoutMs: number
  miniprogramState: 'developer' | 'trial' | 'formal'
  /** '' = the message-push endpoint refuses every call */
  pushToken: string
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
  AUTH_USER_RECHECK_MS: [0, 10000],
  INVITE_TTL_HOURS: [1, 720],
  QR_TICKET_TTL_SECONDS: [30, 600],
  AUTH_RATE_LIMIT_PER_MINUTE: [1, 100000],
  QR_POLL_RATE_LIMIT_PER_MINUTE: [1, 100000],
  MAIL_LEASE_TTL_SECONDS: [5, 3600],
  SMTP_PORT: [1, 65535],
  OUTBOX_SENDING_TIMEOUT_SECONDS: [5, 3600],
  MAIL_SYNC_TICK_SECONDS: [1, 300],
  NOTIFY_COOLDOWN_SECONDS: [0, 86400],
  NOTIFY_SLA_REMINDER_MINUTES: [1, 1440],
  NOTIFY_TICK_MS: [50, 60000],
  NOTIFY_SENDING_TIMEOUT_SECONDS: [5, 3600],
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
  problems.push(...templateProblems(withDefaults))
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
    authUserRecheckMs: Number(raw.AUTH_USER_RECHECK_MS),
    refreshTokenTtlSeconds: Number(raw.REFRESH_TOKEN_TTL_SECONDS),
    wechat: { appid: raw.WECHAT_APPID, secret: raw.WECHAT_SECRET, apiBase: raw.WECHAT_API_BASE.replace(/\/+$/, '') },
    inboundDomain: raw.INBOUND_DOMAIN,
    inviteTtlHours: Number(raw.INVITE_TTL_HOURS),
    qrTicketTtlSeconds: Number(raw.QR_TICKET_TTL_SECONDS),
    authRateLimitPerMinute: Number(raw.AUTH_RATE_LIMIT_PER_MINUTE),
    qrPollRateLimitPerMinute: Number(raw.QR_POLL_RATE_LIMIT_PER_MINUTE),
    webRoot: raw.WEB_ROOT,
    storageDir: raw.STORAGE_DIR,
    smtp: raw.SMTP_HOST
      ? {
          host: raw.SMTP_HOST,
          port: Number(raw.SMTP_PORT),
          tlsMode: raw.SMTP_TLS_MODE as 'tls' | 'starttls' | 'none',
          username: raw.SMTP_USER || null,
          password: raw.SMTP_PASSWORD || null,
        }
      : null,
    outboxSendingTimeoutSeconds: Number(raw.OUTBOX_SENDING_TIMEOUT_SECONDS),
    mailLeaseTtlSeconds: Number(raw.MAIL_LEASE_TTL_SECONDS),
    mailSyncTickSeconds: Number(raw.MAIL_SYNC_TICK_SECONDS),
    notify: {
      newMessage: templateConfig(raw.NOTIFY_TEMPLATE_NEW_MESSAGE, raw.NOTIFY_TEMPLATE_NEW_MESSAGE_FIELDS),
      sla: templateConfig(raw.NOTIFY_TEMPLATE_SLA, raw.NOTIFY_TEMPLATE_SLA_FIELDS),
      cooldownMs: Number(raw.NOTIFY_COOLDOWN_SECONDS) * 1000,
      slaReminderMs: Number(raw.NOTIFY_SLA_REMINDER_MINUTES) * 60_000,
      tickMs: Number(raw.NOTIFY_TICK_MS),
      sendingTimeoutMs: Number(raw.NOTIFY_SENDING_TIMEOUT_SECONDS) * 1000,
      miniprogramState: raw.NOTIFY_MINIPROGRAM_STATE as NotifyConfig['miniprogramState'],
      pushToken: raw.WECHAT_PUSH_TOKEN,
    },
    demoMode: raw.DEMO_MODE === 'true',
    trustProxy: raw.TRUST_PROXY === 'true',
  }
}

function parseKeywords(value: string): [string, string][] {
  return value.split(',').map((pair) => pair.split('=') as [string, string])
}

function templateConfig(id: string, keywords: string): TemplateConfig | null {
  if (!id) return null
  return { id, keywords: Object.fromEntries(parseKeywords(keywords)) as TemplateConfig['keywords'] }
}

/** A slot or a keyword named twice would make a template's data ambiguous. */
function templateProblems(values: Record<string, unknown>): string[] {
  const problems: string[] = []
  for (const key of ['NOTIFY_TEMPLATE_NEW_MESSAGE_FIELDS', 'NOTIFY_TEMPLATE_SLA_FIELDS']) {
    const value = values[key]
    if (typeof value !== 'string') continue
    const pairs = parseKeywords(value)
    if (new Set(pairs.map(([slot]) => slot)).size !== pairs.length) problems.push(`${key}: a slot is listed twice`)
    if (new Set(pairs.map(([, keyword]) => keyword)).size !== pairs.length) problems.push(`${key}: a keyword is listed twice`)
  }
  return problems
}

function describe(key: string): string {
  const schema = (ConfigSchema.properties as Record<string, { description?: string }>)[key]
  return schema?.description ? ` — expected ${schema.description}` : ''
}

function isSecret(key: string): boolean {
  return /SECRET|KEY|PASSWORD|DATABASE_URL|PUSH_TOKEN/.test(key)
}
