#!/usr/bin/env node
// Author a migration: diff the schema as of the last migration (one copy, kept next to the latest
// migration.sql) against prisma/schema.prisma and write prisma/migrations/<timestamp>_<name>/; the copy
// moves to the new folder, so the migrations folder holds exactly one schema snapshot.
// `prisma migrate dev` does not work with the JS engine (see ../shared/docs/environment.md).
//   npm run db:migration -- <name>          write a new migration
//   npm run db:migration -- --check         exit 1 when the schema has changes no migration covers
// The CLI connects its adapter even for a datamodel diff: DATABASE_URL must reach any PostgreSQL.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const migrationsDir = path.join(root, 'prisma', 'migrations')
const schema = path.join(root, 'prisma', 'schema.prisma')
const arg = process.argv[2]
if (!arg) {
  console.error('用法：npm run db:migration -- <英文名称>  或  npm run db:migration -- --check')
  process.exit(2)
}
if (!process.env.DATABASE_URL) {
  console.error('需要 DATABASE_URL（任意可连接的 PostgreSQL，仅用于让 Prisma CLI 建立连接）')
  process.exit(2)
}

const snapshots = existsSync(migrationsDir)
  ? readdirSync(migrationsDir)
      .filter((d) => existsSync(path.join(migrationsDir, d, 'schema.prisma')))
      .sort()
  : []
const previous = snapshots.at(-1)
const from = previous ? ['--from-schema-datamodel', path.join(migrationsDir, previous, 'schema.prisma')] : ['--from-empty']
const cli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js')
const args = [cli, 'migrate', 'diff', ...from, '--to-schema-datamodel', schema, '--script', '--config', path.join(root, 'prisma', 'prisma.config.ts')]

const sql = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
const empty = sql.trim() === '' || /^-- This is an empty migration\.?$/m.test(sql.trim())
if (arg === '--check') {
  if (empty) {
    console.log('迁移与 schema.prisma 一致')
    process.exit(0)
  }
  console.error(`schema.prisma 有未生成迁移的改动：\n${sql}`)
  process.exit(1)
}
if (empty) {
  console.log('schema.prisma 没有改动，无需新迁移')
  process.exit(0)
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
const dir = path.join(migrationsDir, `${stamp}_${arg.replace(/\W+/g, '_')}`)
mkdirSync(dir, { recursive: true })
writeFileSync(path.join(dir, 'migration.sql'), sql)
copyFileSync(schema, path.join(dir, 'schema.prisma'))
for (const old of snapshots) rmSync(path.join(migrationsDir, old, 'schema.prisma'))
if (!existsSync(path.join(migrationsDir, 'migration_lock.toml'))) {
  writeFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n')
}
console.log(`已生成 ${path.relative(root, dir)}/migration.sql`)
