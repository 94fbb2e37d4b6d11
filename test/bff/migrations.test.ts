import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { serverFromEnv } from '../support/postgres'

const root = path.resolve(__dirname, '../..')

describe('migrations', () => {
  it('cover every change in prisma/schema.prisma', () => {
    // The same check a developer runs: `npm run db:migration -- --check`.
    const output = execFileSync(process.execPath, [path.join(root, 'prisma/scripts/new-migration.mjs'), '--check'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: serverFromEnv().urlFor('postgres') },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    expect(output).toContain('迁移与 schema.prisma 一致')
  }, 60_000)
})
