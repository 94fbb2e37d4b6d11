// Middleware giving each request an id, a child logger and one access-log line.
import { randomUUID } from 'node:crypto'
import type { Middleware } from 'koa'
import type { Logger } from 'pino'

const INCOMING_ID = /^[\w.:-]{1,100}$/

/** Request id (reused from X-Request-Id when well-formed), a child logger, and one access-log line per request. */
export function requestContext(logger: Logger): Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get('X-Request-Id')
    const requestId = INCOMING_ID.test(incoming) ? incoming : randomUUID()
    const log = logger.child({ requestId })
    ctx.state.requestId = requestId
    ctx.state.log = log
    ctx.set('X-Request-Id', requestId)
    const started = process.hrtime.bigint()
    try {
      await next()
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      log.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request')
    }
  }
}
