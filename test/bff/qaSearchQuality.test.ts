import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { importQaRows, parseQaFile } from '../../bff/src/services/qaImport'
import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

/**
 * Search quality on a real library: the 2,257 Beijing FAQ items imported through the product's own
 * import code, queried through the HTTP search with questions written the way citizens ask (other
 * words than the library's). The expected item must be in the top 3 for at least 90% of them.
 */
const LIBRARY = path.resolve(__dirname, '../../../shared/data/qa/beijing-faq-library.jsonl')
const FIXTURES = path.resolve(__dirname, '../fixtures/qa')

interface Query {
  query: string
  gold: string[]
}
const readQueries = (file: string): Query[] =>
  readFileSync(path.join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Query)

let app: TestApp
let idOf: Map<string, number>

beforeAll(async () => {
  if (!existsSync(LIBRARY)) throw new Error(`缺少测试用问答库 ${LIBRARY}（CI 中 ../shared 与仓库并列）`)
  app = await startTestApp()
  const reviewer = await signInStaff(app, 'REVIEWER')
  const context = {
    actor: {
      kind: 'staff' as const,
      staffId: reviewer.staff.id,
      role: 'REVIEWER' as const,
      departmentId: reviewer.staff.departmentId,
      departmentIds: [reviewer.staff.departmentId],
      mustChangePassword: false,
      sessionId: 0,
    },
  }
  const rows = await parseQaFile('jsonl', readFileSync(LIBRARY))
  const report = await importQaRows(app.deps, context, rows, { publish: true, createTopics: true, defaultTopic: '综合', dryRun: false })
  expect(report).toMatchObject({ rows: 2257, created: 2257, errors: [] })
  const items = await app.db.qaItem.findMany({ select: { id: true, externalId: true } })
  idOf = new Map(items.map((i) => [i.externalId as string, i.id]))
}, 120_000)
afterAll(() => app?.close())

async function evaluate(queries: Query[]) {
  let top1 = 0
  let top3 = 0
  const misses: string[] = []
  for (const { query, gold } of queries) {
    const { status, body } = await app.request(`/api/qa/search?q=${encodeURIComponent(query)}&pageSize=10`)
    expect(status).toBe(200)
    const wanted = new Set(gold.map((g) => idOf.get(g)))
    const rank = (body.items as { id: number }[]).findIndex((item) => wanted.has(item.id))
    if (rank === 0) top1++
    if (rank >= 0 && rank < 3) top3++
    else misses.push(`${query} → ${rank < 0 ? '前 10 名外' : `第 ${rank + 1} 名`}`)
  }
  return { n: queries.length, recall1: top1 / queries.length, recall3: top3 / queries.length, misses }
}

it('finds the right item in the top 3 for at least 90% of 50+ citizen-style queries', async () => {
  const queries = readQueries('queries.jsonl')
  expect(queries.length).toBeGreaterThanOrEqual(50)
  const result = await evaluate(queries)
  console.log(`search quality (tuning set): ${JSON.stringify({ ...result, misses: undefined })}\n  misses: ${result.misses.join('；') || '无'}`)
  expect(result.recall3).toBeGreaterThanOrEqual(0.9)
})

it('generalises to queries written after tuning (reported; floor 75%)', async () => {
  const result = await evaluate(readQueries('queries-holdout.jsonl'))
  console.log(`search quality (held-out set): ${JSON.stringify({ ...result, misses: undefined })}\n  misses: ${result.misses.join('；') || '无'}`)
  expect(result.recall3).toBeGreaterThanOrEqual(0.75)
})
