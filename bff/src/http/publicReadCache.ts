// This instance's cache of public read answers (serialized body + ETag), emptied whenever published content changes on any instance.
import { LRUCache } from 'lru-cache'
import type { Logger } from 'pino'
import { serializedJson } from './cacheControl'

/**
 * What a cached read answers with: the bytes sent, their strong ETag, and the answer itself for a
 * read whose per-request effect needs it (see ReadPolicy.onServe in routes/publicReads.ts).
 */
export interface ServedRead {
  body: Buffer
  etag: string
  answer: unknown
  /** HIT: from the cache · MISS: computed (and offered to it) · BYPASS: computed, the cache is not serving (sent as X-Cache). */
  cache: 'HIT' | 'MISS' | 'BYPASS'
}

interface Entry extends ServedRead {
  /** Epoch ms after which the entry is not served (the short TTL, or the next schedule instant if sooner). */
  expiresAt: number
}

export interface PublicReadCacheOptions {
  /** The longest an entry is served (PUBLIC_CACHE_TTL_MS): a safety net beside invalidation and schedule instants. */
  ttlMs: number
  /** Bytes of all entries together (PUBLIC_CACHE_MAX_MB). */
  maxBytes: number
  maxEntries?: number
  clock: () => Date
  /**
   * The first instant after `now` at which any public answer may change by time alone (a window
   * opening or closing, signup opening, a scheduled publication, the next Shanghai midnight), or
   * null when nothing is scheduled.
   */
  nextScheduleInstant: (now: Date) => Promise<Date | null>
  log: Logger
}

/**
 * Correctness rests on three rules:
 * - every committed change to a table a public read shows reaches `invalidate()` (PostgreSQL
 *   triggers record it in the change log every instance's change feed polls, db/changeFeed.ts), and an answer computed while an
 *   invalidation arrived is not stored (the generation check: it may have read the old rows);
 * - while the change feed is not subscribed (starting, connection lost, reconnecting) nothing is
 *   served from or stored in the cache, and it is emptied when the feed is back, because
 *   notifications sent meanwhile are lost;
 * - an entry never outlives the next instant at which time alone changes an answer, nor the TTL.
 */
export class PublicReadCache {
  private live = false
  private generation = 0
  private readonly entries: LRUCache<string, Entry>
  private readonly filling = new Map<string, Promise<ServedRead>>()
  private schedule: { generation: number; at: Promise<number> } | null = null
  readonly stats = { hits: 0, misses: 0, invalidations: 0 }

  constructor(private readonly options: PublicReadCacheOptions) {
    this.entries = new LRUCache<string, Entry>({
      max: options.maxEntries ?? 10_000,
      maxSize: options.maxBytes,
      sizeCalculation: (entry, key) => entry.body.length * (entry.answer === undefined ? 1 : 3) + key.length + 200,
    })
  }

  /** Whether answers are served from the cache now (the change feed is subscribed). */
  get serving(): boolean {
    return this.live
  }

  /** The cached answer for `key`, or what `compute` answers (stored when nothing changed meanwhile). */
  async read(key: string, compute: () => Promise<unknown>, keepAnswer: boolean): Promise<ServedRead> {
    if (!this.live) return { ...this.serialize(await compute(), keepAnswer), cache: 'BYPASS' }
    const entry = this.entries.get(key)
    if (entry && entry.expiresAt > this.options.clock().getTime()) {
      this.stats.hits++
      return entry
    }
    this.stats.misses++
    // Concurrent misses of one key in one generation share one computation.
    const flightKey = `${this.generation}\u0000${key}`
    const inFlight = this.filling.get(flightKey)
    if (inFlight) return inFlight
    const fill = this.fill(key, compute, keepAnswer).finally(() => this.filling.delete(flightKey))
    this.filling.set(flightKey, fill)
    return fill
  }

  private async fill(key: string, compute: () => Promise<unknown>, keepAnswer: boolean): Promise<ServedRead> {
    const generation = this.generation
    const startedAt = this.options.clock().getTime()
    const scheduleAt = this.scheduleOf(generation, startedAt)
    // Awaited only after the answer is computed: a failure meanwhile must not count as unhandled (it would end the process).
    scheduleAt.catch(() => undefined)
    const served: ServedRead = { ...this.serialize(await compute(), keepAnswer), cache: 'MISS' }
    let until: number
    try {
      until = Math.min(startedAt + this.options.ttlMs, await scheduleAt)
    } catch (err) {
      this.options.log.warn({ err }, 'public cache: next schedule instant unknown, answer not cached')
      if (this.schedule?.generation === generation) this.schedule = null
      return served
    }
    if (this.live && generation === this.generation && until > this.options.clock().getTime()) {
      this.entries.set(key, { ...served, cache: 'HIT', expiresAt: until })
    }
    return served
  }

  private serialize(answer: unknown, keepAnswer: boolean): Omit<ServedRead, 'cache'> {
    const { body, etag } = serializedJson(answer)
    return { body, etag, answer: keepAnswer ? answer : undefined }
  }

  /** The next schedule instant, read once per generation (and again once it has passed). */
  private scheduleOf(generation: number, now: number): Promise<number> {
    const known = this.schedule
    if (known && known.generation === generation) {
      return known.at.then((at) => (at > now ? at : this.readSchedule(generation, now)))
    }
    return this.readSchedule(generation, now)
  }

  private readSchedule(generation: number, now: number): Promise<number> {
    const at = this.options.nextScheduleInstant(new Date(now)).then((instant) => instant?.getTime() ?? Number.POSITIVE_INFINITY)
    // A failed read is not remembered (the next fill tries again).
    at.catch(() => undefined)
    this.schedule = { generation, at }
    return at
  }

  /** Published content changed somewhere: forget every answer (and answers being computed now). */
  invalidate(): void {
    this.generation++
    this.stats.invalidations++
    // clear() walks all maxEntries slots even when nothing is stored, and a burst of writes invalidates once per request.
    if (this.entries.size > 0) this.entries.clear()
    this.schedule = null
  }

  /** The change feed is subscribed again: anything may have changed while it was not. */
  up(): void {
    this.invalidate()
    this.live = true
  }

  /** The change feed is lost: serve nothing from the cache until it is back. */
  down(): void {
    this.live = false
    this.invalidate()
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize }
  }
}
