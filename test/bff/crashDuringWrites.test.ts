// kill -9 of a BFF process in the middle of 1,000 opinion submissions: nothing acknowledged is lost, nothing is stored twice.
import type pg from 'pg'
import { type Answer, type BffProcess, call, requireBuiltServer, startBffProcess } from '../support/bffProcess'
import { cloneTestDatabase } from '../support/postgres'
import { citizensWithSessions } from '../support/signupFixtures'

/**
 * 1,000 citizens each submit one opinion with their own idempotency key while the process is killed
 * with SIGKILL once 300 of them were acknowledged. A second process then receives the retries of
 * everything that was not acknowledged (a phone would retry with the same key) and a repeat of a
 * sample of acknowledged ones. Counts and identities only — never speed.
 */
const PEOPLE = 1_000
const KILL_AFTER = 300
const CONCURRENCY = 40

let database: Awaited<ReturnType<typeof cloneTestDatabase>> | undefined
let databaseUrl: string
let db: pg.Pool
let consultationId: number
const processes: BffProcess[] = []
const token = (i: number) => `crashtoken${String(i).padStart(5, '0')}${'z'.repeat(12)}`
const submission = (i: number) => ({
  method: 'POST',
  headers: { authorization: `Bearer ${token(i)}` },
  json: { text: `第${i}号市民的意见：建议在园区增设公交站点。`, consent: 'PUBLISH_MASKED', idempotencyKey: `crash-${String(i).padStart(5, '0')}` },
})
// Counts, not latency: requests may queue long on a busy machine, so the request deadline is as long as the queue.
const env = { RATE_LIMIT: 'off', DB_POOL_MAX: '10', DB_WAIT_MS: '120000', REQUEST_TIMEOUT_MS: '120000' }

beforeAll(async () => {
  requireBuiltServer()
  database = await cloneTestDatabase('gm_crash')
  databaseUrl = database.url
  db = database.pool
  const departmentId = (await db.query(`INSERT INTO department (name) VALUES ('崩溃测试部门') RETURNING id`)).rows[0].id
  consultationId = (
    await db.query(
      `INSERT INTO consultation (department_id, title, summary, is_major_decision, opens_at, closes_at, published_at)
       VALUES ($1, '园区公交线路优化方案（征求意见稿）', '—', false, now() - interval '1 day', now() + interval '40 days', now() - interval '1 day') RETURNING id`,
      [departmentId],
    )
  ).rows[0].id
  // Citizens 0…PEOPLE-1 who accepted the current privacy notice, each with a session whose token we know.
  await citizensWithSessions(db, 'crash-', PEOPLE, token)
}, 120_000)

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()))
  await database?.drop()
}, 60_000)

it('keeps every acknowledged opinion exactly once across a kill -9, and the retries with the same key store no duplicate', async () => {
  const first = await startBffProcess(databaseUrl, env)
  processes.push(first)
  const exited = new Promise<void>((resolve) => first.child.once('exit', () => resolve()))
  const answers = new Map<number, Answer>()
  let acknowledged = 0
  let next = 0
  const path = `/api/consultations/${consultationId}/opinions`
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < PEOPLE) {
        const i = next++
        const answer = await call(first.base, path, submission(i))
        answers.set(i, answer)
        if (answer.status === 201 && ++acknowledged === KILL_AFTER) first.child.kill('SIGKILL')
      }
    }),
  )
  await exited
  expect(first.child.signalCode).toBe('SIGKILL')

  // Before the kill every answer was 201; after it only dropped connections (status 0).
  const statuses = new Set([...answers.values()].map((a) => a.status))
  expect([...statuses].every((s) => s === 201 || s === 0)).toBe(true)
  const acked = [...answers.entries()].filter(([, a]) => a.status === 201)
  expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER)
  expect(acked.length).toBeLessThan(PEOPLE)

  // Every acknowledged receipt is stored once, for the citizen who got it.
  const stored = await db.query<{ receipt_code: string; n: number }>(
    `SELECT o.receipt_code, substr(c.openid, 7)::int AS n FROM opinion o JOIN citizen c ON c.id = o.citizen_id WHERE o.consultation_id = $1`,
    [consultationId],
  )
  const byReceipt = new Map(stored.rows.map((r) => [r.receipt_code, r.n]))
  for (const [i, answer] of acked) expect([answer.body.receiptCode, byReceipt.get(answer.body.receiptCode)]).toEqual([answer.body.receiptCode, i])
  expect(stored.rowCount).toBeGreaterThanOrEqual(acked.length)

  // A new process receives the phones' retries: what was lost is stored now, what was stored is replayed.
  const second = await startBffProcess(databaseUrl, env)
  processes.push(second)
  const retried = [...answers.entries()].filter(([, a]) => a.status !== 201).map(([i]) => i)
  const sample = acked.slice(0, 50).map(([i]) => i)
  const retries = new Map<number, Answer>()
  let k = 0
  const queue = [...retried, ...sample]
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (k < queue.length) {
        const i = queue[k++]!
        retries.set(i, await call(second.base, path, submission(i)))
      }
    }),
  )
  expect([...retries.values()].filter((a) => a.status !== 201).map((a) => [a.status, a.body?.error?.code])).toEqual([])
  for (const i of sample) expect(retries.get(i)!.body.receiptCode).toBe(answers.get(i)!.body.receiptCode)

  const after = await db.query<{ citizens: string; rows: string }>(
    `SELECT count(DISTINCT citizen_id) AS citizens, count(*) AS rows FROM opinion WHERE consultation_id = $1`,
    [consultationId],
  )
  expect(after.rows[0]).toEqual({ citizens: String(PEOPLE), rows: String(PEOPLE) })
  expect(second.child.exitCode).toBeNull()
}, 240_000)
