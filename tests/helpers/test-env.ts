import os from 'node:os'
import path from 'node:path'
// Test configuration: the database from .local/services.env (written by scripts/test) or
// TEST_DATABASE_URL, everything else fixed test values.
import { loadConfig, type Config } from '@sellerinbox/server/config'

export const TEST_DB_NAME = process.env.TEST_DB_NAME ?? 'sellerinbox_test'

export function testDatabaseUrl(): string {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL
  const host = process.env.DB_HOST ?? '127.0.0.1'
  const port = process.env.DB_PORT ?? '3306'
  const user = encodeURIComponent(process.env.DB_USER ?? 'root')
  const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ''
  return `mysql://${user}${password}@${host}:${port}/${TEST_DB_NAME}`
}

export const TEST_STORAGE_DIR = path.join(os.tmpdir(), `sellerinbox-test-storage-${process.env.TEST_DB_NAME ?? 'default'}`)

export const TEST_WECHAT = { appid: 'wxtestappid000001', secret: 'test-wechat-secret' }

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    DATABASE_URL: testDatabaseUrl(),
    DB_POOL_SIZE: '5',
    JWT_SECRET: 'test-jwt-secret-test-jwt-secret-0123456789',
    SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
    WECHAT_APPID: TEST_WECHAT.appid,
    WECHAT_SECRET: TEST_WECHAT.secret,
    WECHAT_API_BASE: 'http://127.0.0.1:1',
    INBOUND_DOMAIN: 'in.test.example',
    LOG_LEVEL: 'silent',
    STORAGE_DIR: TEST_STORAGE_DIR,
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    QR_POLL_RATE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  })
}

/** What every end-to-end server process runs with: both roles, this test database, the given WeChat stand-in. */
export function e2eServerEnv(wechatApiBase: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ROLES: 'web,worker',
    DATABASE_URL: testDatabaseUrl(),
    JWT_SECRET: 'e2e-jwt-secret-e2e-jwt-secret-0123456789',
    SECRETS_KEY: Buffer.alloc(32, 9).toString('base64'),
    WECHAT_APPID: TEST_WECHAT.appid,
    WECHAT_SECRET: TEST_WECHAT.secret,
    WECHAT_API_BASE: wechatApiBase,
    INBOUND_DOMAIN: 'in.e2e.example',
    LOG_LEVEL: 'warn',
    DEMO_MODE: 'false',
    ...overrides,
  }
}
