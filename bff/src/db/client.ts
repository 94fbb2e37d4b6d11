// The Prisma client over a pg pool with deadlines, and the few Prisma names services need (transaction client, JSON input).
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import type { Logger } from 'pino'
import { Prisma, PrismaClient } from '../generated/prisma/client'
import { prepareRepeatedStatements, StatementNames } from './preparedStatements'

export type Database = PrismaClient
/** A transaction client: what repositories receive inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient
export type DbOrTx = Database | Tx

/** A value as a JSON column takes it. */
export type JsonInput = Prisma.InputJsonValue
/** What JSON.stringify keeps of a value (undefined and functions dropped), as a JSON column takes it. */
export const toJson = (value: unknown): JsonInput => JSON.parse(JSON.stringify(value)) as JsonInput
/** SQL NULL in a nullable JSON column (plain `null` would mean the JSON literal). */
export const SQL_NULL = Prisma.DbNull

/** Whether the database answers a trivial query within the time (the readiness probe). */
export async function databaseReachable(db: Database, timeoutMs = 2_000): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref())
  const probe = db.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  )
  return Promise.race([probe, timeout])
}

export interface DatabaseHandle {
  db: Database
  /** Disconnect Prisma and end the pool (Prisma does not end a pool it was given). */
  close(): Promise<void>
}

/** PostgreSQL's own statement limit when none is configured (DB_STATEMENT_TIMEOUT_MS). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000
/** How much longer than the statement limit the client waits for a server that does not answer at all. */
const NO_ANSWER_MARGIN_MS = 2_000
/**
 * A session left idle inside a transaction (its client gone or stuck) is ended by the server after
 * this: as long as the longest transaction we run (a Q&A import validates rows in JS between statements).
 */
const IDLE_IN_TRANSACTION_MS = 300_000

export interface DatabaseClientOptions {
  poolMax: number
  log: Logger
  /** How long a query waits for a connection (and a new connection for the server's greeting). */
  waitMs?: number
  /** statement_timeout of every session (lock waits included); a silent server is abandoned this + 2 s after a query was sent. */
  statementTimeoutMs?: number
}

/**
 * A query the server did not answer in time (pg's query_timeout) may still be running there, or
 * the server may be paused: the connection cannot be trusted with another query (or the ROLLBACK
 * of its transaction), so it is cut. The pool then drops it and opens fresh ones; the server rolls
 * back whatever the cut session had open.
 */
function dropConnectionOnNoAnswer(client: pg.PoolClient, log: Logger) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  Object.assign(client, {
    query: (...args: unknown[]) => {
      const result = query(...args)
      if (result instanceof Promise) {
        result.catch((err: unknown) => {
          if (err instanceof Error && err.message === 'Query read timeout') {
            log.warn('database did not answer in time; dropping the connection')
            ;(client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy()
          }
          if (endsTransaction(args[0])) handBackBroken(client, err, log)
        })
      }
      return result
    },
  })
}

const endsTransaction = (query: unknown) => {
  const text = typeof query === 'string' ? query : (query as { text?: unknown } | null)?.text
  return text === 'COMMIT' || text === 'ROLLBACK'
}

/**
 * Prisma's transaction manager (6.19) sends COMMIT or ROLLBACK and only after it succeeds hands the
 * connection back to the pool: when it fails (the server crashed or cut the session, a commit-time
 * error) the connection stays checked out for good. Every transaction open when the server went away
 * would hold a pool slot for ever, and once the pool is used up the instance answers 503 until it is
 * restarted. Such a connection is handed back here, as broken (the pool ends it and opens a fresh one).
 */
function handBackBroken(client: pg.PoolClient, err: unknown, log: Logger) {
  try {
    client.release(err instanceof Error ? err : new Error(String(err)))
    log.warn({ err }, 'a transaction could not be ended; its connection is handed back to the pool as broken')
  } catch {
    // Already handed back.
  }
}

/**
 * Prisma over our own node-postgres pool. Errors on idle or checked-out connections (the server
 * restarting, an admin terminating sessions) are logged instead of crashing the process; the
 * requests meanwhile fail with a clean 503 and the pool reconnects by itself. Every statement is
 * bounded by the server (statement_timeout) and, should the server stop answering
 * altogether (hung, paused, cut off), by the client too, so a hung database costs a request
 * seconds, not minutes.
 */
export function createDatabaseClient(url: string, options: DatabaseClientOptions): DatabaseHandle {
  const waitMs = options.waitMs ?? 30_000
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS
  // Under a burst (say 2,000 signups at once) requests queue for a connection rather than fail;
  // an unreachable server still fails at once (connection refused).
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax,
    connectionTimeoutMillis: waitMs,
    // Counts lock waits too (a shorter lock_timeout would refuse a burst of signups queueing for one event's row).
    statement_timeout: statementTimeoutMs,
    idle_in_transaction_session_timeout: Math.max(IDLE_IN_TRANSACTION_MS, statementTimeoutMs),
    query_timeout: statementTimeoutMs + NO_ANSWER_MARGIN_MS,
  })
  let closing = false
  // While closing, the server ending sessions we are already ending is expected, not a warning.
  const onError = (err: Error) => options.log[closing ? 'debug' : 'warn']({ err }, 'database connection error')
  pool.on('error', onError)
  const names = new StatementNames()
  pool.on('connect', (client) => {
    client.on('error', onError)
    prepareRepeatedStatements(client, names)
    dropConnectionOnNoAnswer(client, options.log)
  })
  const db = new PrismaClient({
    adapter: new PrismaPg(pool, { onPoolError: onError, onConnectionError: onError }),
    // Waiting for a connection is bounded by the pool; a transaction itself must stay short.
    transactionOptions: { maxWait: waitMs, timeout: 15_000 },
  })
  return {
    db,
    async close() {
      closing = true
      await db.$disconnect()
      await pool.end()
    },
  }
}

/**
 * Run independent queries: concurrently on the pool, one after another inside a transaction
 * (a transaction is one connection, and node-postgres does not run queries on it concurrently).
 */
export async function independent<A, B>(db: DbOrTx, first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  if ('$transaction' in db) return Promise.all([first(), second()])
  return [await first(), await second()]
}

export { Prisma }
