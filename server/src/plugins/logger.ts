// pino options: secrets never reach the log (tokens, passwords, WeChat codes and secrets).
import type { FastifyServerOptions } from 'fastify'
import type { DestinationStream } from 'pino'

const SECRET_QUERY = /([?&](?:pollToken|access_token|token|code|secret|js_code)=)[^&]*/gi

export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1***')
}

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.secret',
  '*.accessToken',
  '*.refreshToken',
  '*.pollToken',
  '*.token',
  '*.code',
  '*.passwordEnc',
  'config.jwtSecret',
  'config.secretsKey',
  'config.wechat.secret',
  'config.databaseUrl',
]

export function loggerOptions(level: string, stream?: DestinationStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACT_PATHS, censor: '***' },
    serializers: {
      req(request) {
        return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip }
      },
    },
  }
}
