// OpenAPI document generated from the route schemas; served at /docs (UI) and /docs/json.
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'

export default fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      info: { title: 'Seller Inbox API', version: '0.1.0', description: 'REST API of the seller inbox (mini program and web version).' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: ({ schema, url, route }) => {
      // Public routes say so in the document too.
      const open = (route.config as { access?: string } | undefined)?.access === 'public' || !url.startsWith('/api/')
      return { schema: open ? { ...schema, security: [] } : schema, url }
    },
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
})
