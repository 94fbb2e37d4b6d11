// The Koa application: the middleware chain in order (request log, security and cache headers, errors, deadline, body, authentication), the API router and the H5 files.
import Router from '@koa/router'
import Koa from 'koa'
import { z } from 'zod'
import type { Deps } from './deps'
import { databaseReachable } from './db/client'
import { admission } from './http/admission'
import { authenticate } from './http/authenticate'
import { cacheControl } from './http/cacheControl'
import { deadline } from './http/deadline'
import { errorHandler } from './http/errorHandler'
import { AppError } from './domain/errors'
import { jsonBody } from './http/jsonBody'
import { clientAddressResolver, createRateLimit } from './http/rateLimit'
import { requestContext } from './http/requestContext'
import { securityHeaders } from './http/securityHeaders'
import { knownSoldOut, soldOut } from './http/soldOut'
import { staticFiles } from './http/staticFiles'
import { buildOpenApiDocument } from './openapi'
import type { PublicReadCache } from './http/publicReadCache'
import { apiRoutes } from './routes'
import { publicReadPolicies } from './routes/publicReads'
import { mountAll } from './routes/route'

// Validation messages in Chinese for every schema the BFF parses.
z.config(z.locales.zhCN())

export interface AppOptions {
  bodyLimitKb: number
  /** The H5 build served at `/`; omitted in API-only tests. */
  staticDir?: string
  /** Proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES). */
  trustedProxies?: string[]
  /** Per-request deadline (REQUEST_TIMEOUT_MS, REQUEST_TIMEOUT_LONG_MS for imports and exports); 10 s and 5 min when omitted. */
  requestTimeoutMs?: number
  requestTimeoutLongMs?: number
  /** This instance's cache of public reads (PUBLIC_CACHE); without it every public read is computed. */
  publicCache?: PublicReadCache
  /** Signups (抢票) running at once on this instance; the rest wait their turn in arrival order. 24 when omitted, 0 for no gate. */
  burstConcurrency?: number
}

export function createApp(deps: Deps, options: AppOptions): Koa {
  const app = new Koa()
  // Errors are rendered and logged by errorHandler; Koa's default printer would log them twice.
  app.silent = true

  const router = new Router()
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' }
  })
  router.get('/readyz', async (ctx) => {
    if (!(await databaseReachable(deps.db))) throw new AppError('SERVICE_UNAVAILABLE', '数据库暂时无法连接')
    ctx.body = { status: 'ok' }
  })
  const openApiDocument = buildOpenApiDocument()
  router.get('/api/openapi.json', (ctx) => {
    ctx.body = openApiDocument
  })
  mountAll(router, apiRoutes(deps), deps.limits && deps.limits.multiplier > 0 ? createRateLimit(deps.limits) : undefined, {
    policies: publicReadPolicies(deps),
    cache: options.publicCache,
  })

  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000
  // Signups of a crowd wait in front of the app, holding as little as a request can (see admission.ts):
  // the handler Koa makes for a server (app.listen, app.callback) is wrapped by the gate.
  if ((options.burstConcurrency ?? 24) > 0) {
    const gate = admission({ limit: options.burstConcurrency ?? 24, budgetMs: requestTimeoutMs, passesBy: (request) => knownSoldOut(deps, request) })
    const callback = app.callback.bind(app)
    app.callback = () => gate(callback())
  }
  app.use(requestContext(deps.log))
  const clientAddress = clientAddressResolver(options.trustedProxies ?? [])
  app.use(async (ctx, next) => {
    ctx.state.clientIp = clientAddress(ctx)
    await next()
  })
  app.use(securityHeaders)
  app.use(cacheControl)
  app.use(errorHandler)
  app.use(deadline({ ms: requestTimeoutMs, longMs: options.requestTimeoutLongMs ?? 300_000 }))
  // Runs last on the way out: nothing (route, method or file) answered.
  app.use(async (ctx, next) => {
    await next()
    if (ctx.status === 404 && ctx.body == null) throw new AppError('ROUTE_NOT_FOUND')
  })
  // A crowd after the last place is refused here without queueing; a request that queued is refused here when its turn comes.
  app.use(soldOut(deps))
  app.use(jsonBody(options.bodyLimitKb))
  app.use(authenticate(deps))
  app.use(router.routes())
  app.use(
    router.allowedMethods({
      throw: true,
      methodNotAllowed: () => new AppError('METHOD_NOT_ALLOWED'),
      notImplemented: () => new AppError('METHOD_NOT_ALLOWED'),
    }),
  )
  if (options.staticDir) app.use(staticFiles(options.staticDir))
  return app
}
