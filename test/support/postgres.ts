import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import pino from 'pino'
import { startEmbeddedPostgres } from '../../bff/src/db/embeddedPostgres'
import { runMigrations } from '../../bff/src/db/migrate'

/**
 * A PostgreSQL server for a test run: the one DATABASE_URL points at (e.g. the machine's
 * PostgreSQL in CI), or a fresh embedded one — the product's own default — in a temporary folder.
 */
export interface TestPostgres {
  /** URL of a database on that server. */
  urlFor(database: string): string
  stop(): Promise<void>
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const external = process.env.DATABASE_URL
  if (external) {
    return {
      urlFor(database) {
        const url = new URL(external)
        url.pathname = `/${database}`
        return url.toString()
      },
      stop: async () => undefined,
    }
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gm-test-pg-'))
  // As root the server runs as the `postgres` user, which must be able to reach its data folder.
  chmodSync(dir, 0o755)
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: 0, database: 'postgres', log: pino({ level: 'warn' }) })
  return {
    urlFor: server.urlFor,
    async stop() {
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function withAdmin<T>(server: TestPostgres, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server.urlFor('postgres') })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** A migrated, empty database every test file clones (CREATE DATABASE … TEMPLATE is fast). */
export async function createTemplateDatabase(server: TestPostgres, name: string): Promise<void> {
  await withAdmin(server, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${quote(name)}`)
  })
  await runMigrations(server.urlFor(name))
}

export async function cloneDatabase(server: TestPostgres, template: string, name: string): Promise<string> {
  await withAdmin(server, (client) => client.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`))
  return server.urlFor(name)
}

export async function dropDatabase(server: TestPostgres, name: string): Promise<void> {
  await withAdmin(server, (client) => client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`))
}

/** The server a globalSetup started, described for the test workers (they inherit process.env). */
export function serverFromEnv(): TestPostgres {
  const admin = process.env.GM_TEST_PG_ADMIN_URL
  if (!admin) throw new Error('GM_TEST_PG_ADMIN_URL is not set: run these tests through jest (test/bff/globalSetup.ts)')
  return {
    urlFor(database) {
      const url = new URL(admin)
      url.pathname = `/${database}`
      return url.toString()
    },
    stop: async () => undefined,
  }
}

/** A database of its own for a test file that runs BFF processes: a clone of the test template, a small pool on it, and its removal. */
export async function cloneTestDatabase(prefix: string): Promise<{ url: string; pool: pg.Pool; drop(): Promise<void> }> {
  const server = serverFromEnv()
  const name = `${prefix}_${randomBytes(4).toString('hex')}`
  const url = await cloneDatabase(server, process.env.GM_TEST_TEMPLATE_DB!, name)
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  return {
    url,
    pool,
    async drop() {
      await pool.end()
      await dropDatabase(server, name)
    },
  }
}
