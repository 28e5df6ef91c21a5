// Authentication for every /api route: a route is open only when its config says
// `access: 'public'`; `access: 'main'` also requires the main account. Every request checks the
// token's user row (its org and role come from the database, not the token), so a removed
// sub-account loses access at once, not when its token expires. A process reuses its last read
// of a user for AUTH_USER_RECHECK_MS (one read per user per second instead of one per request,
// the largest share of a cheap request's database work); the process that removes a user forgets
// it at once (`forgetUser`), other processes within that time.
import fp from 'fastify-plugin'
import fastifyJwt from '@fastify/jwt'
import type { FastifyRequest } from 'fastify'
import { AppError } from '../lib/errors'
import { recheckCache } from '../lib/recheck-cache'
import type { Actor } from '../modules/actor'
import type { AccessClaims } from '../modules/auth/sessions.service'
import { findUserById } from '../modules/users/users.repo'

export type Access = 'public' | 'user' | 'main'

export interface ApiRoute {
  method: string
  url: string
  access: Access
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    actor: Actor
  }
  interface FastifyInstance {
    /** Every /api route with its access level, for the route-table test and audits. */
    apiRoutes: ApiRoute[]
    /** Drops this process's cached check of a user: call it when the user is removed. */
    forgetUser(userId: number): void
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims
    user: AccessClaims
  }
}

export default fp(async (app) => {
  await app.register(fastifyJwt, {
    secret: app.ctx.config.jwtSecret,
    sign: { expiresIn: app.ctx.config.accessTokenTtlSeconds, algorithm: 'HS256' },
    verify: { algorithms: ['HS256'] },
  })
  app.decorateRequest('actor', null as unknown as Actor)
  // Users as last read (null: no such user).
  const users = recheckCache<number, Actor | null>(app.ctx.config.authUserRecheckMs)
  app.decorate('forgetUser', (userId: number) => users.forget(userId))
  const apiRoutes: ApiRoute[] = []
  app.decorate('apiRoutes', apiRoutes)
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    const access = (route.config as { access?: Access } | undefined)?.access ?? 'user'
    for (const method of methods) if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, access })
  })

  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url
    if (!url || !url.startsWith('/api/')) return
    const access = request.routeOptions.config.access ?? 'user'
    if (access === 'public') return
    request.actor = await authenticate(request)
    if (access === 'main' && request.actor.role !== 'main') {
      throw new AppError('FORBIDDEN_ROLE', 'Only the main account can do this; ask your main account')
    }
  })

  async function authenticate(request: FastifyRequest): Promise<Actor> {
    const header = request.headers.authorization
    if (!header || !/^Bearer\s+\S+$/i.test(header)) {
      throw new AppError('UNAUTHENTICATED', 'Sign in first: send the access token as "Authorization: Bearer <token>"')
    }
    let claims: AccessClaims
    try {
      claims = await request.jwtVerify<AccessClaims>()
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED') throw new AppError('TOKEN_EXPIRED', 'The access token has expired; refresh it')
      throw new AppError('UNAUTHENTICATED', 'The access token is invalid; sign in again')
    }
    const userId = Number(claims.sub)
    const actor = await users.get(userId, async () => {
      const user = await findUserById(app.ctx.db, userId)
      return user ? Object.freeze({ userId: user.id, orgId: user.orgId, role: user.role }) : null
    })
    if (!actor || actor.orgId !== claims.org) throw new AppError('UNAUTHENTICATED', 'This account no longer exists; sign in again')
    return actor
  }
})
