// A fresh, migrated database for one benchmark run: on DATABASE_URL's server, or an embedded PostgreSQL in a temporary folder.
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { Logger } from 'pino'
import { startEmbeddedPostgres } from '../bff/src/db/embeddedPostgres'
import { runMigrations } from '../bff/src/db/migrate'

export interface BenchDatabase {
  url: string
  /** Drops the database and stops the embedded server, if one was started. */
  drop(): Promise<void>
}

export async function freshBenchDatabase(prefix: string, log: Logger): Promise<BenchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`
  let adminUrl: string
  let stopServer = async () => undefined as unknown
  let tempDir: string | null = null
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL
  } else {
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'gm-bench-pg-'))
    chmodSync(tempDir, 0o755)
    const server = await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'data'), port: 0, database: 'postgres', log })
    adminUrl = server.urlFor('postgres')
    stopServer = () => server.stop()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined)
    await admin.end()
    await stopServer()
    if (tempDir) rmSync(tempDir, { recursive: true, force: true })
  }
  try {
    await runMigrations(url.toString())
  } catch (err) {
    await drop()
    throw err
  }
  return { url: url.toString(), drop }
}
