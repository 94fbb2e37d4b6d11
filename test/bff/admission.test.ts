// The admission gate of burst endpoints: at most N signups run at once on an instance, the rest start in arrival order, late ones are not started, other endpoints pass by; 0 turns it off.
import type { AddressInfo } from 'node:net'
import Koa from 'koa'
import { admission } from '../../bff/src/http/admission'
import { loadConfig } from '../../bff/src/config'
import { AppError } from '../../bff/src/domain/errors'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A Koa app with the gate (or none) in front of a handler that records how many requests run at once and in which order they started. */
async function gated(limit: number | null, handleMs = 30, refuseOnTurn?: (ctx: Koa.Context) => AppError | null) {
  const app = new Koa()
  const seen = { running: 0, max: 0, arrived: [] as string[], started: [] as string[] }
  app.use(async (ctx, next) => {
    seen.arrived.push(ctx.get('x-who'))
    ctx.state.deadlinePassed = ctx.get('x-late') === '1'
    try {
      await next()
    } catch (err) {
      ctx.status = (err as AppError).status
    }
    if (ctx.state.deadlinePassed) ctx.status = 503
  })
  if (limit !== null) app.use(admission(limit, refuseOnTurn))
  app.use(async (ctx) => {
    seen.running++
    seen.max = Math.max(seen.max, seen.running)
    seen.started.push(ctx.get('x-who'))
    await sleep(handleMs)
    seen.running--
    ctx.body = { ok: true }
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const send = (path: string, who: string, late = false) =>
    fetch(base + path, { method: 'POST', headers: { 'x-who': who, 'x-late': late ? '1' : '0' }, body: '{}' }).then((r) => r.status)
  return { seen, send, close: () => new Promise((r) => server.close(r)) }
}

describe('the admission gate of signups (抢票)', () => {
  it('runs at most the limit at once and starts the rest in arrival order', async () => {
    const g = await gated(2)
    try {
      const answers: Promise<number>[] = []
      for (let i = 0; i < 8; i++) {
        answers.push(g.send('/api/events/7/registrations', `p${i}`))
        await sleep(5)
      }
      expect(await Promise.all(answers)).toEqual(Array(8).fill(200))
      expect(g.seen.max).toBe(2)
      expect(g.seen.arrived).toHaveLength(8)
      expect(g.seen.started).toEqual(g.seen.arrived)
    } finally {
      await g.close()
    }
  })

  it('does not start a signup whose deadline passed while it waited, and lets other endpoints by', async () => {
    const g = await gated(1, 60)
    try {
      const first = g.send('/api/events/7/registrations', 'first')
      await sleep(10)
      const late = g.send('/api/events/7/registrations', 'late', true)
      const reads = await Promise.all([g.send('/api/consultations/1/opinions', 'r1'), g.send('/api/consultations/2/opinions', 'r2')])
      expect(reads).toEqual([200, 200])
      expect(await first).toBe(200)
      expect(await late).toBe(503)
      expect(g.seen.started).not.toContain('late')
      expect(g.seen.max).toBe(3) // the two opinions ran beside the signup
    } finally {
      await g.close()
    }
  })

  it('answers a waiting signup refused when its turn comes (the event became known full meanwhile) without starting it, and hands the turn on', async () => {
    let full = false
    const g = await gated(1, 80, (ctx) => (full && ctx.get('x-who') !== 'registrant' ? new AppError('SEATS_EXHAUSTED') : null))
    try {
      const first = g.send('/api/events/7/registrations', 'first')
      await sleep(10)
      const waiting = ['w1', 'w2', 'registrant', 'w3'].map((who) => g.send('/api/events/7/registrations', who))
      await sleep(10)
      full = true
      expect(await first).toBe(200)
      const got = await Promise.allSettled(waiting)
      expect(got.map((x) => (x.status === 'fulfilled' ? x.value : String((x.reason as Error).cause)))).toEqual([409, 409, 200, 409])
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
