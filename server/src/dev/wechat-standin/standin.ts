// startWechatStandin(): the local HTTP server that answers like api.weixin.qq.com (WECHAT.md) plus
// the /__standin/ control API. Tests in the same process get the typed state object; main.ts runs
// it as a process for development and end-to-end tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { handleControl } from './control-api'
import { WX, wxError } from './errors'
import { StandinState, WECHAT_PATHS, type StandinOptions } from './state'
import { callWechat, jscode2session, stableToken, subscribeSend } from './wechat-api'

export { StandinState, WECHAT_PATHS } from './state'
export type { StandinConfig, StandinOptions, SentMessage, CallsSnapshot, RecordedError, Template } from './state'

export interface WechatStandinOptions extends StandinOptions {
  /** 0 (default) = a free port */
  port?: number
  /** default 127.0.0.1 */
  host?: string
}

export interface WechatStandin {
  /** base URL, e.g. http://127.0.0.1:9901 — the product's WECHAT_API_BASE */
  url: string
  port: number
  state: StandinState
  close(): Promise<void>
}

const MAX_BODY = 1024 * 1024
const NO_BODY = Symbol('no body')
const BAD_JSON = Symbol('bad json')

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        resolve(null)
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return NO_BODY
  try {
    return JSON.parse(text) as unknown
  } catch {
    return BAD_JSON
  }
}

function send(res: ServerResponse, status: number, body: unknown, contentType = 'application/json; charset=utf-8'): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

/** Routes one request; exported for tests that want to drive the stand-in without sockets. */
export async function handleRequest(state: StandinState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://standin.local')
  const method = req.method ?? 'GET'
  const text = method === 'GET' || method === 'HEAD' ? '' : await readBody(req)
  if (text === null) return send(res, 413, { error: 'body too large' })
  const parsed = parseJson(text)

  if (url.pathname.startsWith('/__standin/')) {
    if (parsed === BAD_JSON) return send(res, 400, { error: 'body is not valid JSON' })
    const { status, body } = handleControl(state, method, url.pathname.slice('/__standin/'.length), url.searchParams, parsed === NO_BODY ? undefined : parsed)
    return send(res, status, body)
  }

  const json = parsed === NO_BODY || parsed === BAD_JSON ? undefined : parsed
  switch (url.pathname) {
    case WECHAT_PATHS.jscode2session: {
      if (method !== 'GET') return send(res, 200, wxError(WX.REQUIRE_GET))
      const q = url.searchParams
      const answer = callWechat(state, WECHAT_PATHS.jscode2session, () =>
        jscode2session(state, { appid: q.get('appid'), secret: q.get('secret'), js_code: q.get('js_code'), grant_type: q.get('grant_type') }),
      )
      // WeChat really answers jscode2session with content-type text/plain (JSON in the body)
      return send(res, 200, answer, 'text/plain')
    }
    case WECHAT_PATHS.stableToken: {
      if (method !== 'POST') return send(res, 200, wxError(WX.REQUIRE_POST))
      return send(res, 200, callWechat(state, WECHAT_PATHS.stableToken, () => stableToken(state, json)))
    }
    case WECHAT_PATHS.subscribeSend: {
      if (method !== 'POST') return send(res, 200, wxError(WX.REQUIRE_POST))
      const token = url.searchParams.get('access_token')
      return send(res, 200, callWechat(state, WECHAT_PATHS.subscribeSend, () => subscribeSend(state, token, json)))
    }
    default:
      return send(res, 404, { errcode: 404, errmsg: `the stand-in has no ${url.pathname}` })
  }
}

/** Starts the stand-in; resolves once it listens. */
export async function startWechatStandin(options: WechatStandinOptions): Promise<WechatStandin> {
  const { port = 0, host = '127.0.0.1', ...stateOptions } = options
  const state = new StandinState(stateOptions)
  const server = createServer((req, res) => {
    handleRequest(state, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { errcode: -1, errmsg: `stand-in error: ${error instanceof Error ? error.message : String(error)}` })
      else res.destroy()
    })
  })
  server.keepAliveTimeout = 5000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
