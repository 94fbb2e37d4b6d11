// One LISTEN connection per BFF instance: hears PostgreSQL's notice that published content changed (any instance, job or direct SQL).
import pg from 'pg'
import type { Logger } from 'pino'

/** The channel the statement-level triggers of migration 20261206050000_public_change_notify notify. */
export const PUBLIC_CHANGE_CHANNEL = 'gm_public_changed'
/**
 * Tables without the trigger: no public read shows them (sessions, the audit log, notifications and
 * their deliveries, subscription credits, idempotency keys, per-voter Q&A votes and view marks, import
 * staging, staff invites, citizens' accounts, the daily search counts the statistics read). Q&A vote counts live on qa_item, imports commit into
 * qa_item, opinions keep their own rows. Every other table notifies.
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
] as const

/** How the listener shows in pg_stat_activity (tests end it there to check a lost connection is handled). */
export const CHANGE_FEED_APPLICATION = 'gm-change-feed'

export interface ChangeFeedHandlers {
  /** A transaction that changed a table public reads show committed (payload: the table). */
  onChange(table: string): void
  /** Subscribed (first time or again after a loss). */
  onUp(): void
  /** The connection is lost or not answering: notifications may be missed until onUp. */
  onDown(): void
}

export interface ChangeFeedOptions {
  log: Logger
  /** A liveness query this often; no answer within `heartbeatTimeoutMs` counts as a lost connection. */
  heartbeatMs?: number
  heartbeatTimeoutMs?: number
  /** Wait before reconnecting, doubled after each failure up to `maxRetryMs`. */
  retryMs?: number
  maxRetryMs?: number
}

export interface ChangeFeed {
  stop(): Promise<void>
}

export function startChangeFeed(url: string, handlers: ChangeFeedHandlers, options: ChangeFeedOptions): ChangeFeed {
  const { log, heartbeatMs = 5_000, heartbeatTimeoutMs = 3_000, retryMs = 500, maxRetryMs = 10_000 } = options
  let stopped = false
  let client: pg.Client | null = null
  let heartbeat: NodeJS.Timeout | null = null
  let retry: NodeJS.Timeout | null = null
  let delay = retryMs

  const lost = (current: pg.Client, err?: unknown) => {
    if (client !== current) return
    client = null
    if (heartbeat) clearInterval(heartbeat)
    heartbeat = null
    handlers.onDown()
    if (!stopped) log.warn({ err }, '变更通知连接中断：公开数据缓存暂停，正在重连')
    // The socket may be half-open (a heartbeat timed out): close it without waiting for the server.
    current.removeAllListeners('notification')
    current.end().catch(() => undefined)
    ;(current as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy()
    schedule()
  }

  const schedule = () => {
    if (stopped || retry) return
    retry = setTimeout(() => {
      retry = null
      void connect()
    }, delay)
    retry.unref()
    delay = Math.min(delay * 2, maxRetryMs)
  }

  const connect = async () => {
    const current = new pg.Client({ connectionString: url, keepAlive: true, application_name: CHANGE_FEED_APPLICATION })
    current.on('error', (err) => lost(current, err))
    current.on('end', () => lost(current))
    current.on('notification', (message) => {
      if (message.channel === PUBLIC_CHANGE_CHANNEL) handlers.onChange(message.payload ?? '')
    })
    client = current
    try {
      await current.connect()
      await current.query(`LISTEN ${PUBLIC_CHANGE_CHANNEL}`)
    } catch (err) {
      lost(current, err)
      return
    }
    if (stopped || client !== current) {
      await current.end().catch(() => undefined)
      return
    }
    delay = retryMs
    handlers.onUp()
    heartbeat = setInterval(() => {
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('heartbeat timeout')), heartbeatTimeoutMs).unref())
      Promise.race([current.query('SELECT 1'), timeout]).catch((err) => lost(current, err))
    }, heartbeatMs)
    heartbeat.unref()
  }

  void connect()
  return {
    async stop() {
      stopped = true
      if (retry) clearTimeout(retry)
      const current = client
      if (current) {
        lost(current)
        await current.end().catch(() => undefined)
      }
    },
  }
}
