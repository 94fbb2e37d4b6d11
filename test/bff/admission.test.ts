// The admission gate of burst endpoints: at most N signups run at once on an instance, the rest start in arrival order, late ones are answered 503 at their deadline without starting, known-full ones pass by; 0 turns it off.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Koa from 'koa'
import { admission } from '../../bff/src/http/admission'
import { deadline } from '../../bff/src/http/deadline'
import { loadConfig } from '../../bff/src/config'
import { AppError } from '../../bff/src/domain/errors'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * A Koa app laid out as the BFF's: the gate in front of it, then an error renderer, the real deadline
 * (budget `budgetMs`), a refusal of requests `full` names (the BFF's soldOut) and a handler that takes
 * `handleMs` and records how many requests run at once, in which order they started and ended, and how
 * many contexts Koa has made.
 */
async function gated(limit: number | null, handleMs = 30, budgetMs = 10_000, full: (who: string) => boolean = () => false) {
  const app = new Koa()
  const t0 = Date.now()
  const seen = {
    running: 0,
    max: 0,
    contexts: 0,
    /** The most contexts Koa held at once for requests not yet done (made minus ended). */
    contextsAhead: 0,
    started: [] as string[],
    arrived: [] as string[],
    ended: {} as Record<string, number>,
    startedAt: {} as Record<string, number>,
  }
  const who = (ctx: Koa.Context) => ctx.get('x-who')
  const createContext = app.createContext.bind(app)
  app.createContext = (req, res) => {
    seen.contexts++
    seen.contextsAhead = Math.max(seen.contextsAhead, seen.contexts - Object.keys(seen.ended).length)
    return createContext(req, res)
  }
  app.use(async (ctx, next) => {
    try {
      await next()
    } catch (err) {
      ctx.status = (err as AppError).status
      ctx.body = { code: (err as AppError).code }
    }
  })
  app.use(deadline({ ms: budgetMs, longMs: budgetMs }))
  app.use(async (ctx, next) => {
    if (full(who(ctx))) throw new AppError('SEATS_EXHAUSTED')
    await next()
  })
  app.use(async (ctx) => {
    seen.running++
    seen.max = Math.max(seen.max, seen.running)
    seen.started.push(who(ctx))
    seen.startedAt[who(ctx)] = Date.now() - t0
    await sleep(handleMs)
    seen.running--
    seen.ended[who(ctx)] = Date.now() - t0
    ctx.body = { ok: true }
  })
  // The gate sees Node's request only: who is in the Authorization header there.
  const handler = limit === null ? app.callback() : admission({ limit, budgetMs, passesBy: (request) => full(request.authorization ?? '') })(app.callback())
  // Arrival order as the server sees it (the client's sockets may connect out of the order they were opened in).
  const server = http
    .createServer((req, res) => {
      seen.arrived.push(String(req.headers['x-who']))
      return handler(req, res)
    })
    .listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const send = (path: string, name: string) =>
    fetch(base + path, { method: 'POST', headers: { 'x-who': name, authorization: name }, body: '{}' }).then((r) => ({ status: r.status, at: Date.now() - t0 }))
  return { seen, send, close: () => new Promise((r) => server.close(r)) }
}

const SIGNUP = '/api/events/7/registrations'

describe('the admission gate of signups (抢票)', () => {
  it('runs at most the limit at once and starts the rest in arrival order', async () => {
    const g = await gated(2, 150)
    try {
      const answers: Promise<{ status: number }>[] = []
      for (let i = 0; i < 8; i++) {
        answers.push(g.send(SIGNUP, `p${i}`))
        await sleep(5)
      }
      expect((await Promise.all(answers)).map((a) => a.status)).toEqual(Array(8).fill(200))
      // Those waiting were not in the app yet: at no moment had Koa made contexts for more than the two running
      // (measured at each context, so a busy machine's timing cannot change it).
      expect(g.seen.contextsAhead).toBe(2)
      expect(g.seen.contexts).toBe(8)
      expect(g.seen.max).toBe(2)
      expect([...g.seen.arrived].sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'])
      expect(g.seen.started).toEqual(g.seen.arrived)
    } finally {
      await g.close()
    }
  })

  it('answers a signup whose budget ran out while it waited 503 at its deadline, never starts it, and lets other endpoints by', async () => {
    const g = await gated(1, 400, 150)
    try {
      const first = g.send(SIGNUP, 'first')
      await sleep(20)
      const late = g.send(SIGNUP, 'late')
      const reads = await Promise.all([g.send('/api/consultations/1/opinions', 'r1'), g.send('/api/consultations/2/opinions', 'r2')])
      // The reads ran beside the signup (their own handler time is longer than their budget here).
      expect(g.seen.started).toEqual(['first', 'r1', 'r2'])
      expect(reads.map((r) => r.status)).toEqual([503, 503])
      const lateAnswer = await late
      expect(lateAnswer.status).toBe(503)
      // At its own deadline (arrival + 150 ms), not when the first signup's work ended (400 ms).
      expect(lateAnswer.at).toBeLessThan(g.seen.startedAt.first! + 400)
      expect((await first).status).toBe(503)
      await sleep(450)
      expect(g.seen.started).not.toContain('late')
    } finally {
      await g.close()
    }
  })

  it('keeps a turn until the work ends, also when the deadline answered the request earlier', async () => {
    const g = await gated(1, 300, 100)
    try {
      const first = g.send(SIGNUP, 'first')
      await sleep(20)
      const second = g.send(SIGNUP, 'second')
      expect((await first).status).toBe(503) // answered at 100 ms; its work runs until 300 ms
      expect((await second).status).toBe(503)
      await sleep(350)
      // The second waited for the first's work and then its own budget had run out: it never started.
      expect(g.seen.started).toEqual(['first'])
      expect(g.seen.max).toBe(1)
    } finally {
      await g.close()
    }
  })

  it('lets requests the app refuses at once pass by the queue, and hands a turn on when its owner is refused as it comes', async () => {
    let fullNow = false
    const g = await gated(1, 120, 10_000, (name) => name.startsWith('known') || (fullNow && name !== 'registrant'))
    try {
      const first = g.send(SIGNUP, 'first')
      await sleep(10)
      const waiting = ['w1', 'w2', 'registrant', 'w3'].map((name) => g.send(SIGNUP, name))
      await sleep(10)
      // Known full at arrival: refused at once, while the first signup still runs.
      const known = await g.send(SIGNUP, 'known')
      expect(known.status).toBe(409)
      expect(g.seen.ended.first).toBeUndefined()
      fullNow = true
      expect((await first).status).toBe(200)
      expect((await Promise.all(waiting)).map((a) => a.status)).toEqual([409, 409, 200, 409])
      expect(g.seen.started).toEqual(['first', 'registrant'])
    } finally {
      await g.close()
    }
  })

  it('is on by default (24 per instance) and turned off by BURST_CONCURRENCY=0', async () => {
    expect(loadConfig({}).BURST_CONCURRENCY).toBe(24)
    expect(loadConfig({ BURST_CONCURRENCY: '0' }).BURST_CONCURRENCY).toBe(0)
    expect(() => loadConfig({ BURST_CONCURRENCY: '-1' })).toThrow(/BURST_CONCURRENCY/)
    expect(() => loadConfig({ BURST_CONCURRENCY: 'many' })).toThrow(/BURST_CONCURRENCY/)
  })
})
