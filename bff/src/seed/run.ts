// `npm run db:seed`: loads the demo content into the DATABASE_URL database when it is empty.
import { loadConfig } from '../config'
import { createDatabaseClient } from '../db/client'
import { createLogger } from '../logger'
import { hasContent, seedDemo } from './demo'

/** `npm run db:seed`: load demo content into the DATABASE_URL database when it is empty. */
async function main() {
  const config = loadConfig()
  if (!config.DATABASE_URL) throw new Error('请设置 DATABASE_URL（npm start 会为内置数据库自动填充演示数据）')
  const connection = createDatabaseClient(config.DATABASE_URL, { poolMax: 2, log: createLogger('warn') })
  const { db } = connection
  try {
    if (await hasContent(db)) console.log('数据库已有内容，未写入演示数据')
    else {
      await seedDemo(db)
      console.log('演示数据已写入')
    }
  } finally {
    await connection.close()
  }
}

main().catch((err: Error) => {
  console.error(err.message)
  process.exit(1)
})
