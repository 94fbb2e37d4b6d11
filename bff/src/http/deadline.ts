// Per-request deadline: a request held up past its budget (a hung database, say) is answered 503 with Retry-After.
import type { Middleware } from 'koa'
import type { EndpointName } from '@gm/shared'
import { admitted } from './admission'
import { endpointFor } from './endpoints'
import { AppError } from '../domain/errors'

/** File imports and exports: the upload is parsed and the import committed in one request, exports read whole lists. */
const LONG_RUNNING = new Set<EndpointName>(['createQaImport', 'addQaImportPart', 'commitQaImport'])

export interface DeadlineOptions {
  /** Budget of an ordinary request (REQUEST_TIMEOUT_MS). */
  ms: number
  /** Budget of imports, file uploads and downloads (REQUEST_TIMEOUT_LONG_MS). */
  longMs: number
}

/** The budget of this request. */
export function budgetOf(method: string, path: string, options: DeadlineOptions): number {
  const match = endpointFor(method, path)
  const long = match !== null && (LONG_RUNNING.has(match.name) || match.endpoint.download === true || match.endpoint.upload === true)
  return long ? options.longMs : options.ms
}

/**
 * Race the rest of the chain against the request's budget. When the budget runs out first the
 * request is answered 503 SERVICE_UNAVAILABLE (the error handler adds Retry-After) and the late
 * work is left to finish on its own: its database calls are bounded by statement_timeout and the
 * client's query timeout, a transaction it had open is rolled back, and whatever it later sets on
 * the response is ignored because the response has been sent (Koa ignores writes after that). A
 * write that still commits late is why citizen writes carry idempotency keys: the client's retry
 * with the same key gets that result.
 */
export function deadline(options: DeadlineOptions): Middleware {
  return async (ctx, next) => {
    const ms = budgetOf(ctx.method, ctx.path, options)
    const late = () => new AppError('SERVICE_UNAVAILABLE', '请求处理超时，请稍后再试', { deadlineMs: ms })
    // A burst request counts from its arrival, before it waited at the admission gate.
    const gate = admitted(ctx.req)
    const left = gate === undefined ? ms : ms - (Date.now() - gate.arrivedAt)
    if (left <= 0) {
      ctx.state.deadlinePassed = true
      throw late()
    }
    const work = next()
    // A late failure after the answer was sent is logged, never an unhandled rejection.
    work.catch((err: unknown) => {
      if (ctx.state.deadlinePassed) ctx.state.log?.warn({ err }, 'request failed after its deadline')
    })
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        ctx.state.deadlinePassed = true
        // What the admission gate waits for before it gives the request's turn to the next one.
        if (gate)
          gate.lateWork = work.then(
            () => undefined,
            () => undefined,
          )
        reject(late())
      }, left)
    })
    try {
      await Promise.race([work, expired])
    } finally {
      clearTimeout(timer)
    }
  }
}
