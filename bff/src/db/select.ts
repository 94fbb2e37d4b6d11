// Picks the database at boot: DATABASE_URL when set, otherwise the embedded PostgreSQL under the project.
import type { Logger } from 'pino'
import type { Config } from '../config'
import { startEmbeddedPostgres } from './embeddedPostgres'

export interface SelectedDatabase {
  url: string
  embedded: boolean
  stop(): Promise<void>
}

/** DATABASE_URL when given; otherwise the embedded PostgreSQL with its data under the project. */
export async function selectDatabase(config: Config, log: Logger): Promise<SelectedDatabase> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined }
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, database: 'gm', log })
  log.info({ dataDir: config.EMBEDDED_PG_DIR }, '内置 PostgreSQL 已启动')
  return { url: embedded.url, embedded: true, stop: () => embedded.stop() }
}
