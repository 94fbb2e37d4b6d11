// One Q&A search index per process and database, rebuilt when the library's version moves, plus batched view and search counts.
import { formatShanghaiDate } from '@gm/shared'
import type { Database } from '../db/client'
import type { Deps } from '../deps'
import {
  addQaSearchStats,
  addQaStats,
  findQaSynonyms,
  findSearchableQaItems,
  readQaLibraryVersion,
  type SearchIncrement,
  type StatIncrement,
} from '../repositories/qa'
import { SearchIndex } from './engine'
import { addDictionaryWords } from './segmenter'
import { BUILT_IN_SYNONYMS, SynonymTable } from './synonyms'

/**
 * One search index per BFF process and database, rebuilt when the library changes.
 *
 * Every write that changes what search sees bumps `qa_library_state.version` in its own
 * transaction. Without the change feed, each search reads that one row (a primary-key read) and,
 * when the version moved — in this process or any other — rebuilds from the published items. With
 * the feed (`follow`, the public_change log every instance polls), the row is read only after the
 * feed reported a committed change, and at once (not on the next search), so an edit through any
 * instance is searchable on every instance within the feed's poll and one rebuild; while the feed is
 * down, every search reads the row again. Concurrent searches share one version read and one
 * rebuild. While a rebuild runs, searches wait for it up to MAX_WAIT_MS and then answer from the
 * previous index (stale by one change, never blocked for long).
 */
const MAX_WAIT_MS = 2_000
/** Buffered view/search counts are written at most this often. */
const STATS_FLUSH_MS = 5_000

interface Built {
  version: number
  index: SearchIndex
  builtMs: number
}

class Library {
  private current: Built | null = null
  private building: Promise<Built> | null = null
  private buildingVersion = -1
  private versionRead: Promise<number> | null = null
  private stats = new Map<string, StatIncrement>()
  private searches = new Map<string, SearchIncrement>()
  private flushTimer: NodeJS.Timeout | null = null
  private flushing: Promise<void> | null = null
  /** The change feed is watching (see follow). */
  private feedUp = false
  /** Changes the feed reported, and how many of them the current index is known to include. */
  private changes = 0
  private checked = -1

  constructor(private readonly db: Database) {}

  /** The freshest index available within the wait bound. */
  async index(deps: Pick<Deps, 'log'>): Promise<SearchIndex> {
    if (this.feedUp && this.checked === this.changes && this.current) return this.current.index
    const seen = this.changes
    const version = await this.readVersion()
    if (this.current && this.current.version >= version) {
      this.checked = seen
      return this.current.index
    }
    const build = this.rebuild(version, deps, seen)
    if (!this.current) return (await build).index
    const waited = await Promise.race([build, new Promise<null>((resolve) => setTimeout(() => resolve(null), MAX_WAIT_MS).unref())])
    return (waited ?? this.current).index
  }

  /**
   * Handlers for the change feed: after a reported change the version is read again and the index
   * rebuilt if it moved, without waiting for a search; while the feed is down, every search checks.
   */
  follow(deps: Pick<Deps, 'log'>) {
    const refresh = () => {
      this.changes++
      if (this.current) void this.index(deps).catch((err) => deps.log.warn({ err }, 'qa search index refresh failed'))
    }
    return {
      onChange: refresh,
      onUp: () => {
        this.feedUp = true
        refresh()
      },
      onDown: () => {
        this.feedUp = false
      },
    }
  }

  /** Drop the index so the next search rebuilds (used after this process changed the library). */
  invalidate() {
    this.current = null
  }

  info() {
    return this.current ? { version: this.current.version, items: this.current.index.size, builtMs: this.current.builtMs } : null
  }

  private readVersion(): Promise<number> {
    if (!this.versionRead) {
      this.versionRead = readQaLibraryVersion(this.db).finally(() => {
        this.versionRead = null
      })
    }
    return this.versionRead
  }

  private rebuild(version: number, deps: Pick<Deps, 'log'>, seen = -1): Promise<Built> {
    if (this.building && this.buildingVersion >= version) return this.building
    this.buildingVersion = version
    const started = performance.now()
    const build = (async () => {
      // Version first, content second: content can only be newer than the version it is filed under.
      const [items, synonyms] = await Promise.all([findSearchableQaItems(this.db), findQaSynonyms(this.db)])
      const table = SynonymTable.from(
        BUILT_IN_SYNONYMS,
        synonyms.map((s) => ({ terms: s.terms, expansions: s.expansions })),
      )
      // Every dictionary term is a word to the segmenter (staff entries included, once added).
      addDictionaryWords(table.terms())
      const index = new SearchIndex(items, table)
      const built = { version, index, builtMs: Math.round(performance.now() - started) }
      if (!this.current || this.current.version < version) {
        this.current = built
        // The feed's changes up to the version read are in it (the version was read after them).
        if (seen > this.checked) this.checked = seen
      }
      deps.log.info({ version, items: items.length, ms: built.builtMs }, 'qa search index built')
      return built
    })()
    this.building = build
    build.then(
      () => {
        if (this.building === build) this.building = null
      },
      (err) => {
        if (this.building === build) this.building = null
        deps.log.warn({ err }, 'qa search index build failed')
      },
    )
    return build
  }

  /** Count a view or a search hit; written in batches (best effort: counts are lost if the process dies). */
  count(itemId: number, kind: 'views' | 'searchHits', now: Date, log: Deps['log']) {
    const day = formatShanghaiDate(now)
    const key = `${itemId}:${day}`
    const entry = this.stats.get(key) ?? { itemId, day, views: 0, searchHits: 0 }
    entry[kind] += 1
    this.stats.set(key, entry)
    this.scheduleFlush(log)
  }

  /** Count a search, and whether it found no good answer (statistics; written with the view counts). */
  countSearch(unanswered: boolean, now: Date, log: Deps['log']) {
    const day = formatShanghaiDate(now)
    const entry = this.searches.get(day) ?? { day, searches: 0, unanswered: 0 }
    entry.searches += 1
    if (unanswered) entry.unanswered += 1
    this.searches.set(day, entry)
    this.scheduleFlush(log)
  }

  private scheduleFlush(log: Deps['log']) {
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => void this.flush(log), STATS_FLUSH_MS)
      this.flushTimer.unref()
    }
  }

  async flush(log: Deps['log']): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    if (this.flushing) await this.flushing
    if (this.stats.size === 0 && this.searches.size === 0) return
    const batch = [...this.stats.values()]
    const searches = [...this.searches.values()]
    this.stats = new Map()
    this.searches = new Map()
    this.flushing = Promise.all([addQaStats(this.db, batch), addQaSearchStats(this.db, searches)])
      .then(() => undefined)
      .catch((err) => log.warn({ err, entries: batch.length + searches.length }, 'qa stats flush failed'))
      .finally(() => {
        this.flushing = null
      })
    await this.flushing
  }
}

const libraries = new WeakMap<Database, Library>()

export function libraryOf(db: Database): Library {
  let library = libraries.get(db)
  if (!library) {
    library = new Library(db)
    libraries.set(db, library)
  }
  return library
}
