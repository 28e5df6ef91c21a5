// The one error handler: AppError → its stable code; validation → VALIDATION_FAILED with every
// problem; anything else → a generic 500 whose details stay in the log.
import fp from 'fastify-plugin'
import type { FastifyError } from 'fastify'
import type { ErrorBody } from '@sellerinbox/shared/errors'
import { AppError } from '../lib/errors'

export default fp(async (app) => {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.statusCode >= 500) request.log.warn({ code: error.code, msg: error.message }, 'upstream failure')
      const body: ErrorBody = { ...error.extra, code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) }
      return reply.status(error.statusCode).send(body)
    }
    if ('validation' in error && error.validation) {
      const details = error.validation.map((v) => {
        const missing = (v.params as { missingProperty?: string }).missingProperty
        const path = `${error.validationContext ?? 'body'}${v.instancePath ?? ''}${missing ? `/${missing}` : ''}`
        return { path, message: v.message ?? 'is invalid' }
      })
      const body: ErrorBody = {
        code: 'VALIDATION_FAILED',
        message: `Fix these fields: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`,
        details,
      }
      return reply.status(400).send(body)
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500
    if (status === 413) return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' })
    if (status >= 400 && status < 500) {
      return reply.status(400).send({ code: 'VALIDATION_FAILED', message: error.message } satisfies ErrorBody)
    }
    request.log.error({ err: error }, 'unhandled error')
    return reply.status(500).send({ code: 'INTERNAL', message: 'Something went wrong on our side; try again, and contact support if it keeps happening' } satisfies ErrorBody)
  })

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ code: 'ROUTE_NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` } satisfies ErrorBody)
  })
})
