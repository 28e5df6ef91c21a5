// The WeChat stand-in must behave like WeChat (WECHAT.md), or tests built on it prove nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWechatStandin } from '@sellerinbox/server/dev/wechat-standin/standin'

const appid = 'wxstandintest0001'
const secret = 'standin-secret'
let standin: Awaited<ReturnType<typeof startWechatStandin>>
beforeAll(async () => {
  standin = await startWechatStandin({ port: 0, appid, secret, tokenTtlSeconds: 7200 })
})
afterAll(async () => standin.close())

const login = async (code: string) =>
  (await fetch(`${standin.url}/sns/jscode2session?appid=${appid}&secret=${secret}&js_code=${code}&grant_type=authorization_code`)).json()
const stableToken = async (force = false, creds = { appid, secret }) =>
  (
    await fetch(`${standin.url}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', ...creds, force_refresh: force }),
    })
  ).json()
const send = async (token: string, body: object) =>
  (await fetch(`${standin.url}/cgi-bin/message/subscribe/send?access_token=${token}`, { method: 'POST', body: JSON.stringify(body) })).json()

describe('WeChat stand-in', () => {
  it('jscode2session: codes work once and expire after 5 minutes', async () => {
    const { code, openid } = standin.state.mintCode()
    expect(await login(code)).toMatchObject({ openid })
    expect((await login(code)).errcode).toBe(40163)
    const late = standin.state.mintCode()
    standin.state.advanceClock(5 * 60_000 + 1000)
    expect((await login(late.code)).errcode).toBe(40029)
    expect((await login('never-minted')).errcode).toBe(40029)
  })

  it('stable_token: same token in normal mode; force refresh invalidates the old one', async () => {
    const first = await stableToken()
    expect(first.expires_in).toBeGreaterThan(0)
    expect((await stableToken()).access_token).toBe(first.access_token)
    expect((await stableToken(false, { appid, secret: 'wrong' })).errcode).toBe(40125)
    const forced = await stableToken(true)
    expect(forced.access_token).not.toBe(first.access_token)
    expect((await send(first.access_token, {})).errcode).toBe(40001)
  })

  it('subscribe/send: validates template, user, values and credit', async () => {
    const { access_token: token } = await stableToken()
    const { code, openid } = standin.state.mintCode()
    await login(code)
    standin.state.setTemplate('tmpl-new-mail', { thing1: 'thing', time2: 'time' })
    const ok = { touser: openid, template_id: 'tmpl-new-mail', data: { thing1: { value: '3 条新买家消息' }, time2: { value: '2026年11月22日 10:01' } } }

    expect((await send(token, { ...ok, template_id: 'unknown' })).errcode).toBe(40037)
    expect((await send(token, { ...ok, touser: 'not-a-user' })).errcode).toBe(40003)
    expect((await send(token, ok)).errcode).toBe(43101)

    standin.state.setCredits(openid, 'tmpl-new-mail', 1)
    const tooLong = await send(token, { ...ok, data: { ...ok.data, thing1: { value: '这是一条超过二十个字符的非常非常非常长的提醒内容' } } })
    expect(tooLong.errcode).toBe(47003)
    expect(tooLong.errmsg).toContain('thing1')
    expect((await send(token, ok)).errcode).toBe(0)
    expect((await send(token, ok)).errcode).toBe(43101)
    expect(standin.state.sent.filter((m) => m.touser === openid)).toHaveLength(1)
  })
})
