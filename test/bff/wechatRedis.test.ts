import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { createRedisTokenCache, createTokenCache, type TokenCache } from '../../bff/src/integrations/wechat'
import { startWechat, tokenRequests } from '../support/fakeWechat'

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

/** Asked synchronously (in a child process) so that the suite can be skipped, not silently emptied. */
function redisReachable(url: string): boolean {
  const probe = `const { Redis } = require('ioredis'); const r = new Redis(process.argv[1], { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.connect().then(() => r.ping()).then(() => process.exit(0), () => process.exit(1))`
  try {
    execFileSync(process.execPath, ['-e', probe, url], { stdio: 'ignore', timeout: 5_000, cwd: __dirname })
    return true
  } catch {
    return false
  }
}

const reachable = redisReachable(REDIS_URL)
if (!reachable) console.warn(`Redis at ${REDIS_URL} is unreachable: skipping the shared-token-cache tests (set REDIS_URL to run them).`)
const describeWithRedis = reachable ? describe : describe.skip

describeWithRedis('access_token shared through Redis', () => {
  let key: string
  const caches: TokenCache[] = []
  let admin: Redis

  beforeAll(() => {
    admin = new Redis(REDIS_URL)
  })
  afterAll(() => admin.quit())
  beforeEach(() => {
    key = `gm:test:wechat:${randomUUID()}`
  })
  afterEach(async () => {
    await Promise.all(caches.splice(0).map((cache) => cache.close()))
    await admin.del(key, `${key}:refresh-lock`)
  })

  /** A token cache on its own connection, as a separate BFF instance would have. */
  function instanceCache(): TokenCache {
    const cache = createTokenCache(REDIS_URL, { key })
    caches.push(cache)
    return cache
  }

  it('two instances refreshing at the same moment make ONE stable_token request and share its token', async () => {
    const { fake, newClient, close } = await startWechat()
    try {
      const [a, b] = [newClient({ tokenCache: instanceCache() }), newClient({ tokenCache: instanceCache() })]
      const tokens = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).getAccessToken()))
      expect(new Set(tokens).size).toBe(1)
      expect(tokenRequests(fake)).toHaveLength(1)
      expect(await admin.exists(`${key}:refresh-lock`)).toBe(0)
    } finally {
      await close()
    }
  })

  it('stores the token with a TTL no longer than its life', async () => {
    const { newClient, close } = await startWechat()
    try {
      await newClient({ tokenCache: instanceCache() }).getAccessToken()
      const ttl = await admin.pttl(key)
      expect(ttl).toBeGreaterThan(7_000_000)
      expect(ttl).toBeLessThanOrEqual(7_200_000)
    } finally {
      await close()
    }
  })

  it('after WeChat expires the token, both instances recover with one refresh', async () => {
    const { fake, newClient, close } = await startWechat()
    try {
      const openid = 'o_redis'
      fake.issueLoginCode(openid)
      const [a, b] = [newClient({ tokenCache: instanceCache() }), newClient({ tokenCache: instanceCache() })]
      await a.getAccessToken()
      fake.expireTokens()
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).sendSubscribeMessage({ openid, templateId: 'tpl', data: { thing1: { value: '通知' } } })),
      )
      expect(fake.delivered).toHaveLength(20)
      expect(tokenRequests(fake)).toHaveLength(2)
    } finally {
      await close()
    }
  })

  it('a second instance starts with the token the first one stored', async () => {
    const { fake, newClient, close } = await startWechat()
    try {
      const first = await newClient({ tokenCache: instanceCache() }).getAccessToken()
      expect(await newClient({ tokenCache: instanceCache() }).getAccessToken()).toBe(first)
      expect(tokenRequests(fake)).toHaveLength(1)
    } finally {
      await close()
    }
  })

  it('hands the refresh lock to one holder at a time and frees it on release', async () => {
    const cache = createRedisTokenCache(admin, key)
    const release = await cache.tryLock(5_000)
    expect(release).toBeDefined()
    expect(await cache.tryLock(5_000)).toBeUndefined()
    await release!()
    expect(await cache.tryLock(5_000)).toBeDefined()
  })
})

describe('token cache without Redis', () => {
  it('keeps serving the last token it fetched, without waiting, when Redis cannot be reached', async () => {
    const { fake, newClient, close } = await startWechat()
    const redis = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 1, disconnectTimeout: 200 })
    redis.on('error', () => {})
    try {
      const client = newClient({ tokenCache: createRedisTokenCache(redis, 'gm:test:unreachable') })
      const token = await client.getAccessToken()
      const started = performance.now()
      expect(await client.getAccessToken()).toBe(token)
      expect(performance.now() - started).toBeLessThan(500)
      expect(tokenRequests(fake)).toHaveLength(1)
    } finally {
      redis.disconnect()
      await close()
    }
  })
})
