// Lists migrations not yet applied and applies them with `prisma migrate deploy` at start-up.
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { PROJECT_ROOT } from '../config'

const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma', 'migrations')

function migrationNames(): string[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
}

/** Migrations not yet recorded as applied in Prisma's `_prisma_migrations` table. */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  client.on('error', () => undefined)
  await client.connect()
  try {
    const table = await client.query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`)
    if (!table.rows[0]?.present) return migrationNames()
    const applied = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    )
    const done = new Set(applied.rows.map((row) => row.migration_name))
    return migrationNames().filter((name) => !done.has(name))
  } finally {
    await client.end()
  }
}

function migrateDeploy(databaseUrl: string): Promise<string> {
  const cli = require.resolve('prisma/build/index.js', { paths: [PROJECT_ROOT] })
  const config = path.join(PROJECT_ROOT, 'prisma', 'prisma.config.ts')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'migrate', 'deploy', '--config', config], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c.toString()))
    child.stderr.on('data', (c: Buffer) => (output += c.toString()))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`数据库迁移失败（prisma migrate deploy 退出码 ${code}）：\n${output}`))))
  })
}

/**
 * Apply pending migrations with `prisma migrate deploy` (the JS schema engine, no native binary),
 * the same command as `npm run db:migrate`. The CLI takes seconds to load, so it runs only when
 * something is pending. Returns the names applied.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const pending = await pendingMigrations(databaseUrl)
  if (pending.length > 0) await migrateDeploy(databaseUrl)
  return pending
}
