// Counters for rate limits and sign-in throttling: Redis (shared by every BFF instance) when configured, in-process otherwise.
import { Redis } from 'ioredis'
import type { Logger } from 'pino'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

export interface LimitRule {
  /** How many units a key may use per window. */
  points: number
  /** The window, in seconds. */
  duration: number
  /** Once over the limit, the key stays refused this long (seconds); 0: until the window ends. */
  blockDuration?: number
}

/** The outcome of taking units from a key: allowed, or refused with how long to wait. */
export type Take = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number }

export interface Limiter {
  readonly rule: LimitRule
  /** Take units atomically (shared across instances with Redis); refused once the rule's units are used. */
  take(key: string, units?: number): Promise<Take>
  /** Give units back (e.g. a successful sign-in does not count against the IP's daily budget). */
  giveBack(key: string, units?: number): Promise<void>
  /** Forget a key (e.g. consecutive failures after a success). */
  reset(key: string): Promise<void>
}

export interface LimiterStore {
  /** `name` separates counters; `scaled: false` keeps the rule exact whatever the multiplier. */
  limiter(name: string, rule: LimitRule, options?: { scaled?: boolean }): Limiter
  /** Multiply every scaled rule's points by this (tests with small or large budgets); 0 turns limits off. */
  readonly multiplier: number
  close(): Promise<void>
}

export interface LimiterStoreOptions {
  redisUrl?: string
  /** Prefix of every key (one per deployment or test run). */
  prefix: string
  multiplier: number
  log?: Logger
}

const DOWN = new Set(['reconnecting', 'close', 'end'])

const NO_LIMIT: Take = { allowed: true, remaining: Number.POSITIVE_INFINITY }

function wrap(pick: () => RateLimiterAbstract, rule: LimitRule, off: boolean, log?: Logger): Limiter {
  return {
    rule,
    async take(key, units = 1) {
      if (off) return NO_LIMIT
      try {
        const res = await pick().consume(key, units)
        return { allowed: true, remaining: res.remainingPoints }
      } catch (err) {
        if (err instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(1_000, err.msBeforeNext) }
        // The store failed and so did its in-process insurance: let the request through rather than refuse everyone.
        log?.warn({ err }, 'rate limiter unavailable')
        return NO_LIMIT
      }
    },
    async giveBack(key, units = 1) {
      if (!off)
        await pick()
          .reward(key, units)
          .catch((err: unknown) => log?.warn({ err }, 'rate limiter reward failed'))
    },
    async reset(key) {
      if (!off)
        await pick()
          .delete(key)
          .catch((err: unknown) => log?.warn({ err }, 'rate limiter reset failed'))
    },
  }
}

/** Redis-backed limiters when `redisUrl` is set (with an in-process insurance limiter if Redis fails), in-process otherwise. */
export function createLimiterStore(options: LimiterStoreOptions): LimiterStore {
  const redis = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000, disconnectTimeout: 200 }) : null
  redis?.on('error', (err) => options.log?.warn({ err }, 'rate limiter: redis error'))
  const multiplier = options.multiplier
  // One limiter per name: the in-process counters live in the limiter object.
  const made = new Map<string, Limiter>()
  return {
    multiplier,
    limiter(name, rule, { scaled = true } = {}) {
      const existing = made.get(name)
      if (existing) return existing
      const points = scaled ? Math.max(1, Math.round(rule.points * multiplier)) : rule.points
      const settings = { keyPrefix: `${options.prefix}:${name}`, points, duration: rule.duration, blockDuration: rule.blockDuration ?? 0 }
      const memory = new RateLimiterMemory(settings)
      const shared = redis ? new RateLimiterRedis({ ...settings, storeClient: redis, insuranceLimiter: memory }) : null
      // Commands wait while the first connection is made; while a lost one is being re-made they would fail one by one,
      // so the in-process counters answer at once instead.
      const pick = () => (shared && redis && !DOWN.has(redis.status) ? shared : memory)
      const limiter = wrap(pick, { ...rule, points }, scaled && multiplier === 0, options.log)
      made.set(name, limiter)
      return limiter
    },
    async close() {
      if (!redis) return
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect())
      else redis.disconnect()
    },
  }
}
