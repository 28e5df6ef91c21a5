import { describe, expect, it } from 'vitest'
import { redactUrl } from '@sellerinbox/server/plugins/logger'
import { code2sessionError } from '@sellerinbox/server/modules/wechat/wechat.client'

describe('log redaction', () => {
  it('masks secrets in query strings and keeps the rest', () => {
    expect(redactUrl('/api/auth/qr-tickets/abc?pollToken=SECRET&x=1')).toBe('/api/auth/qr-tickets/abc?pollToken=***&x=1')
    expect(redactUrl('/sns/jscode2session?appid=a&secret=S&js_code=C')).toBe('/sns/jscode2session?appid=a&secret=***&js_code=***')
    expect(redactUrl('/api/stores?includeArchived=true')).toBe('/api/stores?includeArchived=true')
  })
})

describe('jscode2session errors', () => {
  it('maps each errcode to what the user can do', () => {
    expect(code2sessionError(40029).code).toBe('WECHAT_CODE_INVALID')
    expect(code2sessionError(40163).code).toBe('WECHAT_CODE_INVALID')
    expect(code2sessionError(45011).code).toBe('WECHAT_RATE_LIMITED')
    expect(code2sessionError(40226).code).toBe('WECHAT_USER_BLOCKED')
    expect(code2sessionError(-1).code).toBe('WECHAT_UNAVAILABLE')
    expect(code2sessionError(-1).statusCode).toBe(503)
  })
})
