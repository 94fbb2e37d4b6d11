import { createTemplateDatabase, startTestPostgres } from '../support/postgres'

/** One PostgreSQL server and one migrated template database for the whole bff project. */
export default async function globalSetup() {
  const server = await startTestPostgres()
  const template = `gm_template_${process.pid}`
  await createTemplateDatabase(server, template)
  process.env.GM_TEST_PG_ADMIN_URL = server.urlFor('postgres')
  process.env.GM_TEST_TEMPLATE_DB = template
  ;(globalThis as { __gmTestPostgres?: unknown }).__gmTestPostgres = server
}
