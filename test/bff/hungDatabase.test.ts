// Fault test: the BFF over a PostgreSQL that hangs (SIGSTOP) answers 503 within its deadline and recovers by itself on SIGCONT.
import pg from 'pg'
import { PRIVACY_NOTICE_VERSION } from '@gm/shared'
import { hashToken } from '../../bff/src/security/tokens'
import { type Answer, type BffProcess, call, requireBuiltServer, startBffProcess } from '../support/bffProcess'
import { startTestCluster, type TestCluster } from '../support/pgCluster'

/**
 * A PostgreSQL cluster owned by this test (its own data folder and port), a real BFF process on it
 * with short limits, then the whole cluster — postmaster and every backend — stopped with SIGSTOP:
 * the server keeps its sockets open and answers nothing, as a hung host or a stalled disk does.
 * Reads, writes and signed-in requests must each get a 503 SERVICE_UNAVAILABLE with Retry-After
 * well before the database comes back (a public read already cached is answered from the cache until
 * the change feed's poll finds the server gone); /healthz keeps answering. After SIGCONT the same BFF process
 * serves again without a restart, and a write retried with the key that got the 503 is stored once.
 * A restart of the server (stopped, then started) is answered the same way and recovered from.
 */
const STATEMENT_TIMEOUT_MS = 1_500
const REQUEST_TIMEOUT_MS = 3_000
/** Generous: the deadline plus a loaded 2-core machine. The point is "seconds, not as long as the hang". */
const ANSWER_BOUND_MS = 15_000
const TOKEN = `hungdatabasetoken${'z'.repeat(20)}`

let cluster: TestCluster | undefined
let bff: BffProcess | undefined

/** One request, abandoned (status 0) if it is not answered within twice the bound: without a deadline it would hang as long as the database. */
async function timed(work: (signal: AbortSignal) => Promise<Answer>): Promise<{ answer: Answer; ms: number }> {
  const started = Date.now()
  const answer = await work(AbortSignal.timeout(2 * ANSWER_BOUND_MS))
  return { answer, ms: Date.now() - started }
}

const asCitizen = { authorization: `Bearer ${TOKEN}` }
const question = (key: string) => ({ text: '企业研发费用加计扣除政策如何申请？', idempotencyKey: key })

beforeAll(async () => {
  requireBuiltServer()
  cluster = await startTestCluster()
  bff = await startBffProcess(cluster.urlFor('postgres'), {
    SEED_DEMO: 'true',
    RATE_LIMIT: 'off',
    DB_POOL_MAX: '4',
    DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  })
  // A citizen who accepted the privacy notice, with a session whose token we know.
  const admin = new pg.Client({ connectionString: cluster.urlFor('postgres') })
  await admin.connect()
  try {
    await admin.query(
      `WITH c AS (INSERT INTO citizen (openid, privacy_version, privacy_accepted_at) VALUES ('hung-db-citizen', $1, now()) RETURNING id)
       INSERT INTO session (token_hash, citizen_id, expires_at) SELECT $2, id, now() + interval '1 day' FROM c`,
      [PRIVACY_NOTICE_VERSION, hashToken(TOKEN)],
    )
  } finally {
    await admin.end()
  }
}, 180_000)

afterAll(async () => {
  // Always: the cluster resumed and stopped, the process stopped, the folder removed.
  cluster?.resume()
  await bff?.stop()
  cluster?.destroy()
}, 60_000)

/** Poll until the endpoint answers 200 again (bounded), without touching the BFF process. */
async function untilServed(base: string, pathname: string): Promise<Answer> {
  let answer: Answer = await call(base, pathname)
  for (let i = 0; i < 60 && answer.status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 500))
    answer = await call(base, pathname)
  }
  return answer
}

describe('a database that hangs, holds a lock or restarts', () => {
  it('is answered 503 with Retry-After within the deadline, and the same process recovers by itself after it resumes', async () => {
    const base = bff!.base
    // Warm: the pool holds open connections to the server about to hang, and the consultation list is in the
    // public-read cache (once the change feed is subscribed).
    let warm = await call(base, '/api/consultations')
    for (let i = 0; i < 100 && warm.headers.get('x-cache') !== 'HIT'; i++) {
      await new Promise((r) => setTimeout(r, 100))
      warm = await call(base, '/api/consultations')
    }
    expect([warm.status, warm.headers.get('x-cache')]).toEqual([200, 'HIT'])
    expect((await call(base, '/api/me', { headers: asCitizen })).status).toBe(200)
    const pidBefore = bff!.child.pid

    cluster!.pause()
    const retriedKey = 'hung-db-question-1'
    const [cached, ...during] = await Promise.all([
      timed((signal) => call(base, '/api/consultations', { signal })),
      timed((signal) => call(base, '/api/qa?page=1', { signal })),
      timed((signal) => call(base, '/api/me', { headers: asCitizen, signal })),
      timed((signal) => call(base, '/api/me/registrations', { headers: asCitizen, signal })),
      timed((signal) => call(base, '/api/policy-questions', { method: 'POST', headers: asCitizen, json: question(retriedKey), signal })),
      timed((signal) => call(base, '/api/qa/1/feedback', { method: 'POST', json: { helpful: true }, signal })),
    ])
    for (const { answer, ms } of during) {
      expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' })
      expect(answer.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(answer.headers.get('retry-after')).toBe('5')
      expect(ms).toBeLessThan(ANSWER_BOUND_MS)
    }
    // A cached public read needs no database: nothing can commit while the server is stopped, so it is still true.
    expect([cached!.answer.status, cached!.answer.headers.get('x-cache')]).toEqual([200, 'HIT'])
    // Until the change feed's poll finds the server gone: then the cache is not trusted, and the read waits on the database too.
    let unverified = await timed((signal) => call(base, '/api/consultations', { signal }))
    for (let i = 0; i < 30 && unverified.answer.status === 200; i++) {
      await new Promise((r) => setTimeout(r, 500))
      unverified = await timed((signal) => call(base, '/api/consultations', { signal }))
    }
    expect([unverified.answer.status, unverified.answer.body?.error?.code]).toEqual([503, 'SERVICE_UNAVAILABLE'])
    // A second wave while still hung: the pool's connections are stuck or cut, new ones get no greeting.
    const again = await timed((signal) => call(base, '/api/events', { signal }))
    expect([again.answer.status, again.answer.body?.error?.code]).toEqual([503, 'SERVICE_UNAVAILABLE'])
    expect(again.ms).toBeLessThan(ANSWER_BOUND_MS)
    // Liveness does not depend on the database; readiness says it is gone.
    expect((await call(base, '/healthz')).status).toBe(200)
    expect((await call(base, '/readyz')).status).toBe(503)

    cluster!.resume()
    // The same process serves again, without a restart.
    expect((await untilServed(base, '/api/consultations')).status).toBe(200)
    expect(bff!.child.pid).toBe(pidBefore)
    expect(bff!.child.exitCode).toBeNull()
    expect((await call(base, '/readyz')).status).toBe(200)
    expect((await call(base, '/api/me', { headers: asCitizen })).status).toBe(200)

    // The write that got the 503 is retried with its key: stored once, and a second retry gets the same receipt.
    const first = await call(base, '/api/policy-questions', { method: 'POST', headers: asCitizen, json: question(retriedKey) })
    expect(first.status).toBe(201)
    const replay = await call(base, '/api/policy-questions', { method: 'POST', headers: asCitizen, json: question(retriedKey) })
    expect(replay).toMatchObject({ status: 201, body: { id: first.body.id, receiptCode: first.body.receiptCode } })
    const mine = await call(base, '/api/me/policy-questions', { headers: asCitizen })
    expect(mine.body.total).toBe(1)
    expect(bff!.output()).not.toMatch(/unhandled|uncaught/i)
  }, 150_000)

  it('cancels a statement past DB_STATEMENT_TIMEOUT_MS (here a lock held elsewhere): 503, rolled back, and the retry with the same key stores one opinion', async () => {
    const base = bff!.base
    cluster!.resume()
    expect((await untilServed(base, '/api/consultations')).status).toBe(200)
    const admin = new pg.Client({ connectionString: cluster!.urlFor('postgres') })
    await admin.connect()
    try {
      const open = await admin.query<{ id: number }>(
        `SELECT id FROM consultation WHERE published_at < now() AND opens_at < now() AND closes_at > now() ORDER BY id LIMIT 1`,
      )
      const consultationId = open.rows[0]!.id
      const opinion = { text: '建议在园区东门增设一处非机动车停放点，方便上下班。', consent: 'PUBLISH_MASKED', idempotencyKey: 'hung-db-opinion-1' }
      const submit = () => call(base, `/api/consultations/${consultationId}/opinions`, { method: 'POST', headers: asCitizen, json: opinion })
      await admin.query('BEGIN')
      await admin.query('SELECT id FROM consultation WHERE id = $1 FOR UPDATE', [consultationId])
      const blocked = await submit()
      await admin.query('ROLLBACK')
      expect([blocked.status, blocked.body?.error?.code, blocked.headers.get('retry-after')]).toEqual([503, 'SERVICE_UNAVAILABLE', '5'])
      // PostgreSQL cancelled it (not the request deadline) and nothing of it is left open or stored.
      expect(bff!.output()).toMatch(/statement timeout/)
      const idle = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()`)
      expect(idle.rows[0].n).toBe(0)
      const countOpinions = async () =>
        (await admin.query(`SELECT count(*)::int AS n FROM opinion o JOIN citizen c ON c.id = o.citizen_id WHERE c.openid = 'hung-db-citizen'`)).rows[0].n
      expect(await countOpinions()).toBe(0)

      const stored = await submit()
      expect(stored.status).toBe(201)
      expect((await submit()).body).toEqual(stored.body)
      expect(await countOpinions()).toBe(1)
    } finally {
      await admin.end()
    }
  }, 60_000)

  it('answers 503 with Retry-After while the server restarts and serves again once it is back', async () => {
    const base = bff!.base
    cluster!.resume() // in case the test before failed while the server was paused
    expect((await untilServed(base, '/api/consultations')).status).toBe(200)
    const pidBefore = bff!.child.pid
    cluster!.stop('fast')
    for (const pathname of ['/api/consultations', '/api/me']) {
      const { answer, ms } = await timed((signal) => call(base, pathname, { headers: asCitizen, signal }))
      expect([answer.status, answer.body?.error?.code, answer.headers.get('retry-after')]).toEqual([503, 'SERVICE_UNAVAILABLE', '5'])
      expect(ms).toBeLessThan(ANSWER_BOUND_MS)
    }
    cluster!.start()
    expect((await untilServed(base, '/api/consultations')).status).toBe(200)
    expect((await call(base, '/api/me', { headers: asCitizen })).status).toBe(200)
    expect(bff!.child.pid).toBe(pidBefore)
  }, 120_000)
})
