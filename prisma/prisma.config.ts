// Prisma CLI configuration: the JS schema engine through a driver adapter, so no native engine is
// ever downloaded. The CLI's adapter is @prisma/adapter-pg 7 (aliased): 6.19's cannot read
// PostgreSQL's `name` type, which `migrate deploy` queries. The app itself uses adapter-pg 6.19.
import path from 'node:path'
import { defineConfig } from 'prisma/config'
import { PrismaPg } from 'adapter-pg-migrate'

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(__dirname, 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'migrations') },
  async adapter() {
    const connectionString = process.env.DATABASE_URL
    if (!connectionString) {
      throw new Error('DATABASE_URL 未设置：迁移需要一个 PostgreSQL 连接（npm start 会为内置数据库自动设置）')
    }
    return new PrismaPg({ connectionString })
  },
})
