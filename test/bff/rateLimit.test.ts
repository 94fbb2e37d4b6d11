import type { Context } from 'koa'
import { clientAddressResolver, createRateLimit, ENDPOINT_POLICIES, GENERAL_POLICY } from '../../bff/src/http/rateLimit'
import { AppError } from '../../bff/src/domain/errors'
import { createLimiterStore } from '../../bff/src/security/limiter'

const request = (peer: string, forwardedFor?: string) =>
  ({
    req: { socket: { remoteAddress: peer }, connection: { remoteAddress: peer }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} },
  }) as unknown as Context

describe('client address', () => {
  it('ignores X-Forwarded-For unless the peer is a trusted proxy', () => {
    expect(clientAddressResolver([])(request('203.0.113.9', '1.2.3.4'))).toBe('203.0.113.9')
    expect(clientAddressResolver(['10.0.0.1'])(request('203.0.113.9', '1.2.3.4'))).toBe('203.0.113.9')
    expect(clientAddressResolver(['10.0.0.1'])(request('10.0.0.1', '1.2.3.4'))).toBe('1.2.3.4')
  })

  it('takes the nearest untrusted hop, so a client cannot prepend a fake address', () => {
    const resolve = clientAddressResolver(['loopback', '10.0.0.0/8'])
    expect(resolve(request('127.0.0.1', '6.6.6.6, 198.51.100.4, 10.1.2.3'))).toBe('198.51.100.4')
    expect(resolve(request('::ffff:127.0.0.1'))).toBe('127.0.0.1')
  })
})

describe('rate limit table', () => {
  const citizen = (citizenId: number) => ({ kind: 'citizen' as const, citizenId, sessionId: 1, privacyVersion: null })
  const anonymous = { kind: 'anonymous' as const }

  async function refusedAfter(check: () => Promise<void>, tries: number) {
    for (let i = 1; i <= tries; i++) {
      try {
        await check()
      } catch (err) {
        return { at: i, err: err as AppError }
      }
    }
    return null
  }

  it('refuses a citizen past the endpoint budget with RATE_LIMITED, seconds to wait and a Chinese message; others are unaffected', async () => {
    const limit = createRateLimit(createLimiterStore({ prefix: 't1', multiplier: 1 }))
    const refused = await refusedAfter(() => limit('submitOpinion', citizen(1), '1.1.1.1'), 20)
    expect(refused?.at).toBe(ENDPOINT_POLICIES.submitOpinion![0]!.points + 1)
    expect(refused?.err).toMatchObject({ code: 'RATE_LIMITED', status: 429, details: { retryAfterSeconds: expect.any(Number) } })
    expect(refused?.err.message).toMatch(/^操作过于频繁，请 \d+ 秒后再试$/)
    // Another citizen on the same address still has a budget.
    await expect(limit('submitOpinion', citizen(2), '1.1.1.1')).resolves.toBeUndefined()
  })

  it('counts anonymous callers per address, and scales every budget by the multiplier (0: off)', async () => {
    const half = createRateLimit(createLimiterStore({ prefix: 't2', multiplier: 0.5 }))
    const refused = await refusedAfter(() => half('loginWithWechat', anonymous, '2.2.2.2'), 20)
    expect(refused?.at).toBe(ENDPOINT_POLICIES.loginWithWechat![0]!.points / 2 + 1)
    await expect(half('loginWithWechat', anonymous, '2.2.2.3')).resolves.toBeUndefined()
    const off = createRateLimit(createLimiterStore({ prefix: 't3', multiplier: 0 }))
    expect(await refusedAfter(() => off('getOverview', anonymous, '3.3.3.3'), GENERAL_POLICY.points + 5)).toBeNull()
  })

  it('refuses an address past ten whole open-data files a minute per data set, and past 30 yearly statistics; the paged feed is not limited so', async () => {
    const limit = createRateLimit(createLimiterStore({ prefix: `t-open-${Math.random()}`, multiplier: 1 }))
    expect((await refusedAfter(() => limit('exportOpenOpinions', anonymous, '4.4.4.4'), 50))?.at).toBe(11)
    await expect(limit('exportOpenQaItems', anonymous, '4.4.4.4')).resolves.toBeUndefined()
    await expect(limit('exportOpenOpinions', anonymous, '4.4.4.5')).resolves.toBeUndefined()
    expect((await refusedAfter(() => limit('getPublicStatistics', anonymous, '4.4.4.6'), 50))?.at).toBe(31)
    expect(await refusedAfter(() => limit('listOpenOpinions', anonymous, '4.4.4.7'), 100)).toBeNull()
  })
})

describe('limiter store', () => {
  it('shares counts between instances through Redis', async () => {
    const prefix = `gm:test:rl:${Math.random().toString(36).slice(2)}`
    const redisUrl = process.env.GM_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
    const [a, b] = [createLimiterStore({ redisUrl, prefix, multiplier: 1 }), createLimiterStore({ redisUrl, prefix, multiplier: 1 })]
    try {
      const rule = { points: 3, duration: 60 }
      const takes = [
        await a.limiter('x', rule).take('k'),
        await b.limiter('x', rule).take('k'),
        await a.limiter('x', rule).take('k'),
        await b.limiter('x', rule).take('k'),
      ]
      expect(takes.map((t) => t.allowed)).toEqual([true, true, true, false])
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  it('keeps limiting in-process when Redis cannot be reached', async () => {
    const store = createLimiterStore({ redisUrl: 'redis://127.0.0.1:1', prefix: 'down', multiplier: 1 })
    try {
      const limiter = store.limiter('x', { points: 2, duration: 60 })
      const takes = [await limiter.take('k'), await limiter.take('k'), await limiter.take('k')]
      expect(takes.map((t) => t.allowed)).toEqual([true, true, false])
    } finally {
      await store.close()
    }
  })
})
