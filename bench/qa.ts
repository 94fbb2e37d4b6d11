/**
 * Q&A search benchmark: quality and latency for any (library, queries) pair, through the product's
 * own import and search code on a real PostgreSQL.
 *
 *   npm run bench:qa -- --library <library.jsonl> --queries <queries.jsonl>
 *   npm run bench:qa -- --make-synthetic 20000 --library <library.jsonl> --out <bigger.jsonl>
 *
 * Library lines: {"id","question","answer","topic"}; query lines: {"query","gold":[ids]}.
 * The database is DATABASE_URL's server (a fresh database is created and dropped) or, without it,
 * an embedded PostgreSQL in a temporary folder. The library is imported with `importQaRows` (the
 * commit step of the staff import), each query runs through `searchQa` (what GET /api/qa/search
 * calls: index freshness check, ranking, loading the page's items, highlights), once to warm up
 * and once measured. The last line printed is one JSON object:
 *   {"items":N,"queries":N,"recall1":x,"recall3":x,"recall10":x,"mrr10":x,"p95Ms":x}
 */
import { readFileSync, writeFileSync } from 'node:fs'
import pino from 'pino'
import { createDatabaseClient } from '../bff/src/db/client'
import type { Deps } from '../bff/src/deps'
import { libraryOf } from '../bff/src/search/library'
import { searchQa } from '../bff/src/services/qa'
import { importQaRows, parseQaFile } from '../bff/src/services/qaImport'
import { freshBenchDatabase } from './database'

function args(argv: string[]): Map<string, string> {
  const map = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i] as string
    if (!key.startsWith('--')) throw new Error(`无法识别的参数：${key}`)
    map.set(key.slice(2), argv[i + 1] ?? '')
    i++
  }
  return map
}

const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits

interface LibraryLine {
  id: string
  question: string
  answer: string
  topic: string
}

/**
 * A larger library for latency and for ranking among more distractors: the given items plus
 * synthetic ones that reuse their words (halves of two real questions, sentences of three real
 * answers, a real topic), so they compete on the same vocabulary. Deterministic.
 */
function synthesize(items: LibraryLine[], size: number): LibraryLine[] {
  let seed = 20261121
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)] as T
  const sentences = (text: string) => text.split(/(?<=[。；！？])/).filter((s) => s.trim() !== '')
  const out = [...items]
  for (let n = 1; out.length < size; n++) {
    const a = pick(items)
    const b = pick(items)
    const question = a.question.slice(0, Math.ceil(a.question.length / 2)) + b.question.slice(Math.floor(b.question.length / 2))
    const answer = [pick(items), pick(items), pick(items)].map((i) => pick(sentences(i.answer)) ?? i.answer).join('')
    out.push({ id: `synthetic-${n}`, question, answer, topic: pick(items).topic })
  }
  return out
}

async function main() {
  const options = args(process.argv.slice(2))
  const libraryFile = options.get('library')
  if (!libraryFile) throw new Error('用法：npm run bench:qa -- --library <问答库.jsonl> --queries <查询.jsonl>')

  if (options.has('make-synthetic')) {
    const size = Number(options.get('make-synthetic'))
    const out = options.get('out')
    if (!Number.isInteger(size) || size < 1 || !out)
      throw new Error('用法：npm run bench:qa -- --make-synthetic 20000 --library <问答库.jsonl> --out <输出.jsonl>')
    const library = synthesize(readJsonl<LibraryLine>(libraryFile), size)
    writeFileSync(out, `${library.map((line) => JSON.stringify(line)).join('\n')}\n`)
    console.log(`已生成 ${library.length} 条：${out}`)
    return
  }
  const queriesFile = options.get('queries')
  if (!queriesFile) throw new Error('缺少 --queries <查询.jsonl>')
  const queries = readJsonl<{ query: string; gold: string[] }>(queriesFile)
  const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' })

  const database = await freshBenchDatabase('gm_bench', log)
  const databaseUrl = database.url
  const connection = createDatabaseClient(databaseUrl, { poolMax: 5, log })
  try {
    const db = connection.db
    const department = await db.department.create({ data: { name: '基准测试' } })
    const staff = await db.staff.create({
      data: {
        username: 'bench.reviewer',
        displayName: '基准测试',
        role: 'REVIEWER',
        departmentId: department.id,
        passwordHash: 'unused',
        mustChangePassword: false,
      },
    })
    const deps: Deps = { db, log, clock: () => new Date(), wechat: null, settings: { demoLogin: false, sessionTtlHours: 1, templates: {} } }
    const context = {
      actor: {
        kind: 'staff' as const,
        staffId: staff.id,
        role: 'REVIEWER' as const,
        departmentId: department.id,
        departmentIds: [department.id],
        mustChangePassword: false,
        sessionId: 0,
      },
    }

    let started = performance.now()
    const rows = await parseQaFile('jsonl', readFileSync(libraryFile))
    const report = await importQaRows(deps, context, rows, { publish: true, createTopics: true, defaultTopic: '综合', dryRun: false })
    const importMs = performance.now() - started
    console.log(`导入：${report.created} 条（${report.rows} 行，新增主题 ${report.createdTopics.length} 个），${Math.round(importMs)} ms`)

    started = performance.now()
    await libraryOf(db).index(deps)
    console.log(`建立检索索引：${Math.round(performance.now() - started)} ms（含读取全部已发布条目）`)

    const items = await db.qaItem.findMany({ select: { id: true, externalId: true } })
    const idOf = new Map(items.map((i) => [i.externalId, i.id]))
    const overLimit = queries.filter((q) => q.query.trim().length > 50).length
    if (overLimit > 0) console.log(`注意：${overLimit} 条查询超过接口的 50 字上限（此处直接调用检索函数，不受该限制）`)

    const run = async () => {
      const latencies: number[] = []
      const ranks: number[] = []
      for (const { query, gold } of queries) {
        const wanted = new Set(gold.map((g) => idOf.get(g)))
        const t = performance.now()
        const result = await searchQa(deps, { q: query, page: 1, pageSize: 10 })
        latencies.push(performance.now() - t)
        ranks.push(result.items.findIndex((item) => wanted.has(item.id)))
      }
      return { latencies, ranks }
    }
    await run() // warm-up: JIT, connection pool, the index's lazy tables
    const { latencies, ranks } = await run()
    const n = queries.length || 1
    const share = (k: number) => ranks.filter((r) => r >= 0 && r < k).length / n
    const mrr = ranks.reduce((sum, r) => sum + (r >= 0 && r < 10 ? 1 / (r + 1) : 0), 0) / n
    const sorted = [...latencies].sort((a, b) => a - b)
    console.log(
      `延迟（ms）：p50 ${round(percentile(sorted, 0.5), 2)}，p95 ${round(percentile(sorted, 0.95), 2)}，最大 ${round(sorted[sorted.length - 1] ?? 0, 2)}`,
    )
    await libraryOf(db).flush(log)
    console.log(
      JSON.stringify({
        items: report.created,
        queries: queries.length,
        recall1: round(share(1)),
        recall3: round(share(3)),
        recall10: round(share(10)),
        mrr10: round(mrr),
        p95Ms: round(percentile(sorted, 0.95), 2),
      }),
    )
  } finally {
    await connection.close()
    await database.drop()
  }
}

main().catch((err: Error) => {
  console.error(err.message)
  process.exit(1)
})
