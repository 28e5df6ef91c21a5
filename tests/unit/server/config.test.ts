import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '@sellerinbox/server/config'

const valid = {
  DATABASE_URL: 'mysql://root@127.0.0.1:3306/x',
  JWT_SECRET: 'j'.repeat(32),
  SECRETS_KEY: Buffer.alloc(32, 1).toString('base64'),
  WECHAT_APPID: 'wx123',
  WECHAT_SECRET: 'shh',
  INBOUND_DOMAIN: 'in.example.com',
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).problems
  }
  throw new Error('expected a ConfigError')
}

describe('configuration', () => {
  it('applies documented defaults', () => {
    const config = loadConfig(valid)
    expect(config).toMatchObject({ roles: { web: true, worker: true }, port: 3000, accessTokenTtlSeconds: 900, qrTicketTtlSeconds: 120, demoMode: false })
    expect(config.secretsKey).toHaveLength(32)
  })

  it('lists every problem at once', () => {
    const problems = problemsOf({ ROLES: 'both', PORT: '70000', JWT_SECRET: 'short', INBOUND_DOMAIN: 'Not A Domain', DEMO_MODE: 'yes' })
    const keys = problems.map((p) => p.split(':')[0])
    expect(keys).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'SECRETS_KEY', 'WECHAT_APPID', 'WECHAT_SECRET', 'ROLES', 'PORT', 'JWT_SECRET', 'INBOUND_DOMAIN', 'DEMO_MODE']),
    )
    expect(problems.find((p) => p.startsWith('PORT'))).toContain('outside 0–65535')
  })

  it('never echoes secret values in its messages', () => {
    const problems = problemsOf({ ...valid, JWT_SECRET: 'tooshort-secret' })
    expect(problems.join('\n')).not.toContain('tooshort-secret')
  })

  it('reads roles', () => {
    expect(loadConfig({ ...valid, ROLES: 'worker' }).roles).toEqual({ web: false, worker: true })
    expect(loadConfig({ ...valid, ROLES: 'web' }).roles).toEqual({ web: true, worker: false })
  })
})
