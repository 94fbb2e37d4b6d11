// Admission of burst endpoints (抢票 signups): a few at a time per instance, in arrival order, before sign-in and the database.
import type { Context, Middleware } from 'koa'
import type { EndpointName } from '@gm/shared'
import type { AppError } from '../domain/errors'
import { endpointFor } from './endpoints'

/** Endpoints a crowd hits at one moment: each request runs its statements start to finish before the next one starts. */
const BURST_ENDPOINTS = new Set<EndpointName>(['joinEvent'])

/**
 * At most `limit` requests of a burst endpoint run at once on this instance; the others wait in
 * arrival order (before authentication, so sign-in and the signup's statements of one request run
 * back to back instead of every request's first statement queueing ahead of everyone's second in
 * the database pool). Without it a crowd of thousands advances together and its first answers come
 * near the end of the burst; with it answers leave in arrival order, and only `limit` requests hold
 * parsed bodies, Prisma calls and pool slots. A request whose deadline passed while it waited is
 * not started (the deadline middleware has answered it 503 already). `refuseOnTurn` is asked again
 * when a waiting request's turn comes (e.g. the event became known full meanwhile): a request it
 * refuses is answered at once and hands its turn on.
 */
export function admission(limit: number, refuseOnTurn?: (ctx: Context) => AppError | null): Middleware {
  let running = 0
  const waiting: (() => void)[] = []
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
  return async (ctx, next) => {
    const match = endpointFor(ctx.method, ctx.path)
    if (!match || !BURST_ENDPOINTS.has(match.name)) return next()
    if (running < limit) running++
    else await new Promise<void>((resolve) => waiting.push(resolve))
    try {
      if (ctx.state.deadlinePassed) return
      const refusal = refuseOnTurn?.(ctx)
      if (refusal) throw refusal
      await next()
    } finally {
      release()
    }
  }
}
