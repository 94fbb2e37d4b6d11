// Where the WeChat access_token and its refresh lock live: in-process, or in Redis so every BFF instance shares one token.
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from 'pino'

/** An access_token and when to stop using it (epoch ms): `refreshAt` comes a few minutes before `expiresAt`. */
export interface CachedToken {
  token: string
  expiresAt: number
  refreshAt: number
}

/** Releases a refresh lock; releasing a lock that already expired (and maybe passed to another holder) does nothing. */
export type ReleaseLock = () => Promise<void>

/** Where the access_token lives: in-process, or Redis so that every BFF instance shares one token. */
export interface TokenCache {
  get(): Promise<CachedToken | undefined>
  /** `ttlMs`: how long the store may keep it (the token's remaining life). */
  set(value: CachedToken, ttlMs: number): Promise<void>
  /** Take the refresh lock if nobody holds it; undefined when someone else does. */
  tryLock(ttlMs: number): Promise<ReleaseLock | undefined>
  close(): Promise<void>
}

export const DEFAULT_TOKEN_KEY = 'gm:wechat:access_token'

export function createMemoryTokenCache(): TokenCache {
  let value: CachedToken | undefined
  let locked = false
  return {
    async get() {
      return value
    },
    async set(next) {
      value = next
    },
    async tryLock() {
      if (locked) return undefined
      locked = true
      return async () => {
        locked = false
      }
    },
    async close() {},
  }
}

/** Deletes the lock only if we still own it: after its TTL it may belong to another instance. */
const RELEASE_IF_OWNER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"

/** A token cache on a Redis connection the caller owns (close() leaves it open). */
export function createRedisTokenCache(redis: Redis, key: string = DEFAULT_TOKEN_KEY): TokenCache {
  const lockKey = `${key}:refresh-lock`
  // Commands wait while the first connection is made, but fail at once while a lost one is being re-made: the
  // client then carries on without the cache (WeChat's normal-mode stable_token hands every instance the same
  // token, so that is safe, only less shared) instead of every WeChat call waiting on Redis.
  const ensureConnected = () => {
    if (redis.status === 'reconnecting' || redis.status === 'close' || redis.status === 'end') throw new Error(`redis unavailable (${redis.status})`)
  }
  return {
    async get() {
      ensureConnected()
      const raw = await redis.get(key)
      return raw === null ? undefined : parseCachedToken(raw)
    },
    async set(value, ttlMs) {
      ensureConnected()
      if (ttlMs >= 1) await redis.set(key, JSON.stringify(value), 'PX', Math.floor(ttlMs))
    },
    async tryLock(ttlMs) {
      ensureConnected()
      const owner = randomUUID()
      const taken = await redis.set(lockKey, owner, 'PX', Math.ceil(ttlMs), 'NX')
      if (taken !== 'OK') return undefined
      return async () => {
        await redis.eval(RELEASE_IF_OWNER, 1, lockKey, owner)
      }
    },
    async close() {},
  }
}

/**
 * Redis when `redisUrl` is set (several BFF instances share one token), otherwise in-process.
 * close() quits the Redis connection it opened.
 */
export function createTokenCache(redisUrl?: string, options: { key?: string; log?: Logger } = {}): TokenCache {
  if (!redisUrl) return createMemoryTokenCache()
  // disconnectTimeout: ioredis keeps a timer that long after disconnecting a connection that was already down.
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000, disconnectTimeout: 200 })
  redis.on('error', (err) => options.log?.warn({ err }, 'wechat token cache: redis error'))
  return {
    ...createRedisTokenCache(redis, options.key),
    async close() {
      // quit() lets pending commands finish but would wait on a connection that is down; disconnect() stops retrying.
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect())
      else redis.disconnect()
    },
  }
}

function parseCachedToken(raw: string): CachedToken | undefined {
  try {
    const value: unknown = JSON.parse(raw)
    const { token, expiresAt, refreshAt } = value as Partial<CachedToken>
    if (typeof token === 'string' && typeof expiresAt === 'number' && typeof refreshAt === 'number') return { token, expiresAt, refreshAt }
  } catch {
    // not ours or corrupted: treat as missing, the next refresh overwrites it
  }
  return undefined
}
