import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort } from '../../../bff/src/db/embeddedPostgres'
import { databaseUrl, provisionStaff } from './staffAccounts'

const root = path.resolve(__dirname, '../../..')

/**
 * The product as a newcomer runs it: the built BFF serving the built H5 pages, on the embedded
 * database in a fresh folder (or a fresh database on the DATABASE_URL server), migrated and seeded.
 */
export default async function globalSetup() {
  for (const built of ['bff/dist/server.js', 'miniapp/dist/h5/index.html']) {
    if (!existsSync(path.join(root, built))) throw new Error(`${built} is missing: run \`npm run build\` first (npm test does it)`)
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gm-e2e-'))
  chmodSync(dir, 0o755)
  const port = await freePort()
  // The H5 demo login for citizens, and a first administrator with a one-time password.
  const admin = { username: 'e2e.admin', password: `E2e-${randomBytes(9).toString('base64url')}1` }
  process.env.E2E_ADMIN_USERNAME = admin.username
  process.env.E2E_ADMIN_PASSWORD = admin.password
  const env: Record<string, string> = {
    PORT: String(port),
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    DEMO_LOGIN: 'true',
    // Every walk runs from 127.0.0.1 within minutes: budgets ten times production's (rate limits have their own suite).
    RATE_LIMIT: '10',
    BOOTSTRAP_ADMIN_USERNAME: admin.username,
    BOOTSTRAP_ADMIN_PASSWORD: admin.password,
  }
  if (process.env.DATABASE_URL) {
    const database = `gm_e2e_${process.pid}`
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${database}`)
    await admin.end()
    const url = new URL(process.env.DATABASE_URL)
    url.pathname = `/${database}`
    env.DATABASE_URL = url.toString()
  } else {
    env.EMBEDDED_PG_DIR = path.join(dir, 'pg')
    // a known port, so that the staff set-up below can reach the embedded database
    env.EMBEDDED_PG_PORT = String(await freePort())
  }

  let output = ''
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'bff/dist/server.js')], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))

  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`BFF exited during e2e set-up:\n${output}`)
    if (Date.now() > deadline) throw new Error(`BFF not ready for e2e:\n${output}`)
    try {
      if ((await fetch(`${base}/readyz`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  process.env.E2E_BASE_URL = base
  process.env.E2E_DATABASE_URL = databaseUrl(env)
  await provisionStaff(base, admin, process.env.E2E_DATABASE_URL)
  Object.assign(globalThis, { __gmE2e: { child, dir } })
}
