// Admission of burst endpoints (抢票 signups): a few at a time per instance, in arrival order, waiting in front of everything else the app does.
import type { Context, Middleware } from 'koa'
import type { EndpointName } from '@gm/shared'
import { endpointFor } from './endpoints'

/** Endpoints a crowd hits at one moment: each request runs its statements start to finish before the next one starts. */
const BURST_ENDPOINTS = new Set<EndpointName>(['joinEvent'])

export interface AdmissionOptions {
  /** At most this many burst requests run at once on this instance (BURST_CONCURRENCY). */
  limit: number
  /**
   * The budget of a burst request (the deadline middleware's, the same for every burst endpoint). A request
   * that has waited that long is let through at once, without a turn, and the deadline answers it 503.
   */
  budgetMs: number
  /** Requests that need no turn because the app refuses them at once (an event this instance knows is full). */
  passesBy?: (ctx: Context) => boolean
}

interface Waiting {
  /** true: its turn (a place among the running); false: its budget ran out while it waited. */
  resolve(turn: boolean): void
  expiresAt: number
}

/**
 * The gate is the app's first middleware, so a waiting request holds only Node's request and Koa's
 * context — not the request log, the error handler, the deadline's timer and the other middleware
 * frames (about 21 KB per request in a heap snapshot of a 2,300-request burst when it waited behind
 * them; bench/README.md, "Memory"). Without it a crowd of thousands advances together and its first
 * answers come near the end of the burst; with it answers leave in arrival order, and only `limit`
 * requests hold parsed bodies, Prisma calls and pool slots. What runs after it counts time from
 * arrival (`ctx.state.arrivedAt`): a request whose budget ran out while it waited is let through
 * without a turn and answered 503 at once; a request let through when its turn comes that the app
 * now refuses at once (the event became known full meanwhile, `passesBy`) hands its turn on first.
 * A turn is held until the request's work has finished, also when its deadline answered it earlier
 * (`ctx.state.lateWork`), so a hung database does not get more than `limit` signups' statements.
 */
export function admission({ limit, budgetMs, passesBy }: AdmissionOptions): Middleware {
  let running = 0
  const waiting: Waiting[] = []
  let timer: NodeJS.Timeout | undefined

  // One timer, for the request that has waited longest (all burst requests have the same budget).
  const schedule = () => {
    if (timer !== undefined || waiting.length === 0) return
    timer = setTimeout(sweep, Math.max(0, waiting[0]!.expiresAt - Date.now()))
  }
  const sweep = () => {
    timer = undefined
    const now = Date.now()
    while (waiting.length > 0 && waiting[0]!.expiresAt <= now) waiting.shift()!.resolve(false)
    schedule()
  }
  const release = () => {
    const next = waiting.shift()
    if (next) next.resolve(true)
    else running--
  }

  return async (ctx, next) => {
    const match = endpointFor(ctx.method, ctx.path)
    if (!match || !BURST_ENDPOINTS.has(match.name)) return next()
    const arrivedAt = Date.now()
    ctx.state.arrivedAt = arrivedAt
    if (passesBy?.(ctx)) return next()
    if (running < limit) running++
    else {
      const turn = await new Promise<boolean>((resolve) => {
        waiting.push({ resolve, expiresAt: arrivedAt + budgetMs })
        schedule()
      })
      if (!turn) return next()
      if (passesBy?.(ctx)) {
        release()
        return next()
      }
    }
    try {
      await next()
      await ctx.state.lateWork
    } finally {
      release()
    }
  }
}
