import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import type { Logger } from 'pino'
import { Prisma, PrismaClient } from '../generated/prisma/client'

export type Database = PrismaClient
/** A transaction client: what repositories receive inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient
export type DbOrTx = Database | Tx

export interface DatabaseHandle {
  db: Database
  /** Disconnect Prisma and end the pool (Prisma does not end a pool it was given). */
  close(): Promise<void>
}

/**
 * Prisma over our own node-postgres pool. Errors on idle or checked-out connections (the server
 * restarting, an admin terminating sessions) are logged instead of crashing the process; the
 * requests meanwhile fail with a clean 503 and the pool reconnects by itself.
 */
export function createDatabaseClient(url: string, options: { poolMax: number; log: Logger; waitMs?: number }): DatabaseHandle {
  const waitMs = options.waitMs ?? 30_000
  // Under a burst (say 2,000 signups at once) requests queue for a connection rather than fail;
  // an unreachable server still fails at once (connection refused).
  const pool = new pg.Pool({ connectionString: url, max: options.poolMax, connectionTimeoutMillis: waitMs })
  let closing = false
  // While closing, the server ending sessions we are already ending is expected, not a warning.
  const onError = (err: Error) => options.log[closing ? 'debug' : 'warn']({ err }, 'database connection error')
  pool.on('error', onError)
  pool.on('connect', (client) => client.on('error', onError))
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
