// One polling connection per BFF instance: learns that published content changed (any instance, job or direct SQL) from the public_change log.
import pg from 'pg'
import type { Logger } from 'pino'

/**
 * Tables without the trigger: no public read shows them (sessions, the audit log, notifications and
 * their deliveries, subscription credits, idempotency keys, per-voter Q&A votes and view marks, import
 * staging, staff invites, citizens' accounts, the daily search counts the statistics read, citizens'
 * follows (关注, read only by their owner), searches without an answer and answer templates (staff only), and the change
 * log itself). Q&A vote counts live on qa_item, imports commit into qa_item, opinions keep
 * their own rows. Every other table records its changes.
 */
export const NOT_PUBLIC_TABLES = [
  '_prisma_migrations',
  'session',
  'audit_log',
  'notification',
  'notification_delivery',
  'subscribe_credit',
  'idempotent_request',
  'qa_vote',
  'qa_view',
  'qa_import',
  'qa_import_part',
  'staff_invite',
  'citizen',
  'qa_search_daily_stat',
  'follow',
  'qa_unanswered',
  'answer_template',
  // Invitees (names, units, staff-only phones) show on staff pages only; giving a seat changes event.invited_count, which is logged.
  'event_invitee',
  'public_change',
] as const

/** How the feed's connection shows in pg_stat_activity (tests end it there to check a lost connection is handled). */
export const CHANGE_FEED_APPLICATION = 'gm-change-feed'

export interface ChangeFeedHandlers {
  /** A transaction that changed a table public reads show has committed since the previous poll. */
  onChange(): void
  /** Watching (first time, or again after a loss): changes before this are already visible to reads. */
  onUp(): void
  /** The connection is lost or not answering: changes may be missed until onUp. */
  onDown(): void
}

export interface ChangeFeedOptions {
  log: Logger
  /** How often the log is read: the longest another instance's write stays unseen. */
  pollMs?: number
  /** A poll not answered within this counts as a lost connection. */
  pollTimeoutMs?: number
  /** Wait before reconnecting, doubled after each failure up to `maxRetryMs`. */
  retryMs?: number
  maxRetryMs?: number
}

export interface ChangeFeed {
  stop(): Promise<void>
}

/**
 * Statement-level triggers (migrations 20261206042800 and 20261206051300) insert a row stamped with
 * the writing transaction's id into the unlogged `public_change` table. Each poll takes one snapshot
 * and asks whether any row is visible now that was not visible in the previous poll's snapshot, i.e.
 * whether a change committed in between; rolled-back writes never become visible. Not NOTIFY: a
 * notifying transaction holds a database-wide lock through its commit, which serialized every write.
 */
const POLL = `SELECT pg_current_snapshot()::text AS snapshot,
  EXISTS (SELECT 1 FROM public_change WHERE xid >= pg_snapshot_xmin($1::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, $1::pg_snapshot)) AS changed`

/** Rows every instance has seen are deleted: older than a snapshot this instance took this long ago. */
const RETENTION_MS = 60_000
/** An instance whose previous poll is older than this starts over (empties its cache), so it never relies on deleted rows. */
const STALE_POLL_MS = 20_000
const CLEANUP_EVERY_MS = 30_000

export function startChangeFeed(url: string, handlers: ChangeFeedHandlers, options: ChangeFeedOptions): ChangeFeed {
  const { log, pollMs = 100, pollTimeoutMs = 3_000, retryMs = 500, maxRetryMs = 10_000 } = options
  let stopped = false
  let client: pg.Client | null = null
  let timer: NodeJS.Timeout | null = null
  let delay = retryMs

  const lost = (current: pg.Client, err?: unknown) => {
    if (client !== current) return
    client = null
    if (timer) clearTimeout(timer)
    timer = null
    handlers.onDown()
    if (!stopped) log.warn({ err }, '变更通知连接中断：公开数据缓存暂停，正在重连')
    // The socket may be half-open (a poll timed out): close it without waiting for the server.
    current.end().catch(() => undefined)
    ;(current as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy()
    if (!stopped) {
      timer = setTimeout(() => void connect(), delay)
      timer.unref()
      delay = Math.min(delay * 2, maxRetryMs)
    }
  }

  const query = <R extends pg.QueryResultRow>(current: pg.Client, text: string, values: unknown[] = []) => {
    let timeout: NodeJS.Timeout | undefined
    const late = new Promise<never>((_, reject) => {
      timeout = setTimeout(() => reject(new Error(`变更日志查询超过 ${pollTimeoutMs} ms 未响应`)), pollTimeoutMs)
    })
    return Promise.race([current.query<R>(text, values), late]).finally(() => clearTimeout(timeout))
  }

  const connect = async () => {
    timer = null
    const current = new pg.Client({ connectionString: url, keepAlive: true, application_name: CHANGE_FEED_APPLICATION })
    current.on('error', (err) => lost(current, err))
    current.on('end', () => lost(current))
    client = current
    let snapshot: string
    try {
      await current.connect()
      snapshot = (await query<{ snapshot: string }>(current, 'SELECT pg_current_snapshot()::text AS snapshot')).rows[0]!.snapshot
    } catch (err) {
      lost(current, err)
      return
    }
    if (stopped || client !== current) return void current.end().catch(() => undefined)
    delay = retryMs
    // Everything committed before `snapshot` is visible to any read from now on.
    handlers.onUp()
    let polledAt = Date.now()
    let cleanedAt = Date.now()
    const taken: Array<{ at: number; snapshot: string }> = [{ at: polledAt, snapshot }]

    const poll = async () => {
      if (client !== current) return
      if (Date.now() - polledAt > STALE_POLL_MS) return lost(current, new Error('变更日志长时间未读取'))
      try {
        const { rows } = await query<{ snapshot: string; changed: boolean }>(current, POLL, [snapshot])
        if (client !== current) return
        snapshot = rows[0]!.snapshot
        polledAt = Date.now()
        taken.push({ at: polledAt, snapshot })
        if (rows[0]!.changed) handlers.onChange()
        if (polledAt - cleanedAt > CLEANUP_EVERY_MS) {
          cleanedAt = polledAt
          while (taken.length > 1 && polledAt - taken[1]!.at >= RETENTION_MS) taken.shift()
          const old = taken[0]!
          if (polledAt - old.at >= RETENTION_MS) await query(current, 'DELETE FROM public_change WHERE xid < pg_snapshot_xmin($1::pg_snapshot)', [old.snapshot])
        }
        // Keep one snapshot a second for the clean-up, not one per poll.
        while (taken.length > 2 && taken[taken.length - 1]!.at - taken[taken.length - 2]!.at < 1_000) taken.splice(taken.length - 2, 1)
      } catch (err) {
        return lost(current, err)
      }
      if (client === current && !stopped) {
        timer = setTimeout(() => void poll(), pollMs)
        timer.unref()
      }
    }
    timer = setTimeout(() => void poll(), pollMs)
    timer.unref()
  }

  void connect()
  return {
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      const current = client
      if (current) {
        lost(current)
        await current.end().catch(() => undefined)
      }
    },
  }
}
