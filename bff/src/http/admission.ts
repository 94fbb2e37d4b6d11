// Admission of burst endpoints (抢票 signups): a few at a time per instance, in arrival order, waiting in front of the Koa app.
import type { IncomingMessage } from 'node:http'
import type Koa from 'koa'
import type { EndpointName } from '@gm/shared'
import { endpointFor } from './endpoints'

/** Endpoints a crowd hits at one moment: each request runs its statements start to finish before the next one starts. */
const BURST_ENDPOINTS = new Set<EndpointName>(['joinEvent'])

/** What the gate needs of a request: Node's own, before Koa has made a context of it. */
export interface GateRequest {
  method: string
  /** The path without the query string. */
  path: string
  authorization: string | undefined
}

export interface AdmissionOptions {
  /** At most this many burst requests run at once on this instance (BURST_CONCURRENCY). */
  limit: number
  /**
   * The budget of a burst request (the deadline middleware's, the same for every burst endpoint). A request
   * that has waited that long is let through at once, without a turn, and the deadline answers it 503.
   */
  budgetMs: number
  /** Requests that need no turn because the app refuses them at once (an event this instance knows is full). */
  passesBy?: (request: GateRequest) => boolean
}

/** What the gate knows of a burst request it let in, read and written by the app through `admitted`. */
interface Admitted {
  /** When the request arrived, before it waited (its deadline counts from here). */
  arrivedAt: number
  /** Work that goes on after the request was answered (its deadline passed); the turn is held until it ends. */
  lateWork?: Promise<unknown>
}

const ADMITTED = Symbol('admitted')
type GatedMessage = IncomingMessage & { [ADMITTED]?: Admitted }

/** The gate's record of a burst request, or undefined for any other request (or without a gate). */
export const admitted = (req: IncomingMessage): Admitted | undefined => (req as GatedMessage)[ADMITTED]

interface Waiting {
  /** true: its turn (a place among the running); false: its budget ran out while it waited. */
  resolve(turn: boolean): void
  expiresAt: number
}

/** A server's request handler, as Koa makes it (`app.callback()`). */
type Handler = ReturnType<Koa['callback']>
type Req = Parameters<Handler>[0]
type Res = Parameters<Handler>[1]

const pathOf = (url: string | undefined) => {
  const u = url ?? '/'
  const query = u.indexOf('?')
  return query === -1 ? u : u.slice(0, query)
}

/** The Authorization header, read off the raw list so that a waiting request's `headers` object is not built yet. */
function authorizationOf(raw: readonly string[]): string | undefined {
  for (let i = 0; i + 1 < raw.length; i += 2) if (raw[i]!.length === 13 && raw[i]!.toLowerCase() === 'authorization') return raw[i + 1]
  return undefined
}

/**
 * The gate wraps the app's request handler, so a waiting request holds only Node's socket, parser, request and
 * response: not Koa's context, its response listeners and middleware promises, nor the request log, the error
 * handler, the deadline's timer and the other middleware frames. Heap snapshots of ~2,400 waiting signups
 * (bench/README.md, "Memory"): 21 KB each behind the middleware, 11 KB as Koa's first middleware, 9 KB in front
 * of Koa. Without a gate a crowd of thousands advances together and its first answers come near the end of
 * the burst; with it answers leave in arrival order, and only `limit` requests hold parsed bodies, Prisma
 * calls and pool slots. What runs after it counts time from arrival (`admitted(req).arrivedAt`): a request
 * whose budget ran out while it waited is let through without a turn and answered 503 at once; a request let
 * through when its turn comes that the app now refuses at once (the event became known full meanwhile,
 * `passesBy`) hands its turn on first. A turn is held until the request's work has finished, also when its
 * deadline answered it earlier (`admitted(req).lateWork`), so a hung database does not get more than `limit`
 * signups' statements.
 */
export function admission({ limit, budgetMs, passesBy }: AdmissionOptions): (handle: Handler) => Handler {
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

  const gated = async (handle: Handler, req: Req, res: Res, request: GateRequest, record: Admitted): Promise<void> => {
    if (running < limit) running++
    else {
      const turn = await new Promise<boolean>((resolve) => {
        waiting.push({ resolve, expiresAt: record.arrivedAt + budgetMs })
        schedule()
      })
      if (!turn) return await handle(req, res)
      if (passesBy?.(request)) {
        release()
        return await handle(req, res)
      }
    }
    try {
      await handle(req, res)
      await record.lateWork
    } finally {
      release()
    }
  }

  return (handle) => (req, res) => {
    const method = req.method ?? 'GET'
    const path = pathOf(req.url)
    const match = endpointFor(method, path)
    if (!match || !BURST_ENDPOINTS.has(match.name)) return handle(req, res)
    const record: Admitted = { arrivedAt: Date.now() }
    ;(req as unknown as GatedMessage)[ADMITTED] = record
    const request: GateRequest = { method, path, authorization: authorizationOf(req.rawHeaders) }
    if (passesBy?.(request)) return handle(req, res)
    // Koa's handler renders its own errors; the gate's promise never rejects.
    return gated(handle, req, res, request, record).catch(() => undefined)
  }
}
