import { dropDatabase, type TestPostgres } from '../support/postgres'

export default async function globalTeardown() {
  const server = (globalThis as { __gmTestPostgres?: TestPostgres }).__gmTestPostgres
  if (!server) return
  const template = process.env.GM_TEST_TEMPLATE_DB
  if (template) await dropDatabase(server, template).catch(() => undefined)
  await server.stop()
}
