// Fault test: the BFF over a PostgreSQL that hangs (SIGSTOP) answers 503 within its deadline and recovers by itself on SIGCONT.
import pg from 'pg'
import { PRIVACY_NOTICE_VERSION } from '@gm/shared'
import { hashToken } from '../../bff/src/security/tokens'
import { type Answer, type BffProcess, call, requireBuiltServer, startBffProcess } from '../support/bffProcess'
import { startTestCluster, type TestCluster } from '../support/pgCluster'
import { citizensWithSessions, openFirstComeEvent } from '../support/signupFixtures'

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
      // PostgreSQL cancelled it (not the request deadline) and nothing of it is left open or stored. The log
      // line is written by another stream than the answer, so it may reach the output a moment after it.
      for (const until = Date.now() + 3_000; !/statement timeout/.test(bff!.output()) && Date.now() < until;) await new Promise((r) => setTimeout(r, 50))
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

/**
 * The signup that takes a seat (抢票): its transaction writes the key's claim and the notice, and the
 * one statement taking the seat runs last before COMMIT. Whatever the database does meanwhile — hang
 * with that statement waiting, or crash under a crowd — the answer is a 503 within the deadline (never
 * a hang, never a 500), and once it is back the seat counter equals the selected rows and each person's
 * retry with the same key leaves them exactly one registration.
 */
describe('the seat path while the database hangs or crashes', () => {
  const PEOPLE = 30
  const seatToken = (i: number) => `hungseattoken${String(i).padStart(3, '0')}${'s'.repeat(20)}`
  const seatAuth = (i: number) => ({ authorization: `Bearer ${seatToken(i)}` })
  let departmentId: number
  /** One statement on a connection of its own (the server is stopped and restarted between them). */
  const admin = {
    async query<R extends pg.QueryResultRow = any>(text: string, values: unknown[] = []) {
      const client = new pg.Client({ connectionString: cluster!.urlFor('postgres') })
      client.on('error', () => undefined)
      await client.connect()
      try {
        return await client.query<R>(text, values)
      } finally {
        await client.end().catch(() => undefined)
      }
    },
  }

  beforeAll(async () => {
    cluster!.resume()
    departmentId = (await admin.query(`INSERT INTO department (name) VALUES ('抢票故障测试部门') RETURNING id`)).rows[0].id
    await citizensWithSessions(admin, 'hung-seat-', PEOPLE, seatToken)
  }, 60_000)
  const firstComeEvent = (capacity: number) => openFirstComeEvent(admin, { departmentId, capacity, title: '数据库故障抢票测试' })

  const signup = (eventId: number, i: number, signal?: AbortSignal) =>
    call(bff!.base, `/api/events/${eventId}/registrations`, {
      method: 'POST',
      headers: { ...seatAuth(i), 'idempotency-key': `hung-seat-${eventId}-${i}` },
      json: { name: `抢票人${i}`, phone: '13800138000', category: 'PUBLIC' },
      signal,
    })

  /** The event's seat counter and its rows, by person (index) and status, in one snapshot (a late signup may commit meanwhile). */
  async function seatsOf(eventId: number) {
    const found = await admin.query<{ confirmed: number; rows: [number, string][] | null }>(
      `SELECT e.confirmed_count AS confirmed,
              (SELECT json_agg(json_build_array(substr(c.openid, 11)::int, r.status::text) ORDER BY r.id)
               FROM registration r JOIN citizen c ON c.id = r.citizen_id WHERE r.event_id = e.id) AS rows
       FROM event e WHERE e.id = $1`,
      [eventId],
    )
    return { confirmed: found.rows[0]!.confirmed, rows: found.rows[0]!.rows ?? [] }
  }

  /** A person's answer once the database is back: the same request (same key) sent again while it is not final (503 or no answer), bounded. */
  async function settled(eventId: number, i: number): Promise<Answer> {
    let answer = await signup(eventId, i)
    for (let attempt = 0; attempt < 20 && (answer.status === 503 || answer.status === 0); attempt++) {
      await new Promise((r) => setTimeout(r, 500))
      answer = await signup(eventId, i)
    }
    return answer
  }

  const expectUnavailable = ({ answer, ms }: { answer: Answer; ms: number }) => {
    expect([answer.status, answer.body?.error?.code, answer.headers.get('retry-after')]).toEqual([503, 'SERVICE_UNAVAILABLE', '5'])
    expect(answer.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(ms).toBeLessThan(ANSWER_BOUND_MS)
  }

  it('answers 503 within the deadline when the database hangs while the seat statement waits, and the retry with the same key holds exactly one seat', async () => {
    expect((await untilServed(bff!.base, '/api/consultations')).status).toBe(200)
    const eventId = await firstComeEvent(2)
    // The event row is held elsewhere, so the seat statement (the last before COMMIT) waits for it.
    const holder = new pg.Client({ connectionString: cluster!.urlFor('postgres') })
    holder.on('error', () => undefined)
    await holder.connect()
    try {
      await holder.query('BEGIN')
      await holder.query('SELECT id FROM event WHERE id = $1 FOR UPDATE', [eventId])
      const first = timed((signal) => signup(eventId, 0, signal))
      let waiting = 0
      for (let i = 0; i < 200 && waiting === 0; i++) {
        await new Promise((r) => setTimeout(r, 10))
        const found = await admin.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE event SET confirmed_count%' AND query LIKE '%INSERT INTO registration%'`,
        )
        waiting = found.rows[0].n
      }
      expect(waiting).toBe(1)
      // The server hangs with that statement waiting; a second person asks meanwhile.
      cluster!.pause()
      const [hung, other] = await Promise.all([first, timed((signal) => signup(eventId, 1, signal))])
      expectUnavailable(hung)
      expectUnavailable(other)
      cluster!.resume()
      await holder.query('ROLLBACK')
    } finally {
      cluster!.resume()
      await holder.end().catch(() => undefined)
    }
    expect((await untilServed(bff!.base, '/api/consultations')).status).toBe(200)

    // Nothing half-done: the counter equals the selected rows, and nobody holds two. (The second person's request
    // goes on after its 503 once the server resumes and usually takes its seat then: its retry is answered with it.)
    const after = await seatsOf(eventId)
    expect(after.confirmed).toBe(after.rows.filter(([, s]) => s === 'SELECTED').length)
    expect(after.rows.filter(([n]) => n === 0).length).toBeLessThanOrEqual(1)
    // Both retry with their keys: one seat each, the retry of a retry answered with the same registration.
    const retried = await settled(eventId, 0)
    expect([retried.status, retried.body.status]).toEqual([201, 'SELECTED'])
    expect((await settled(eventId, 0)).body).toEqual(retried.body)
    expect((await settled(eventId, 1)).body.status).toBe('SELECTED')
    expect((await settled(eventId, 2)).body.error?.code).toBe('SEATS_EXHAUSTED')
    const seats = await seatsOf(eventId)
    expect({ confirmed: seats.confirmed, rows: seats.rows.sort(([x], [y]) => x - y) }).toEqual({
      confirmed: 2,
      rows: [
        [0, 'SELECTED'],
        [1, 'SELECTED'],
      ],
    })
    expect(bff!.output()).not.toMatch(/unhandled|uncaught/i)
  }, 120_000)

  it('answers 503 (never a 500, never a hang) when the database crashes under a signup crowd, and after the restart every retry leaves exactly the seats taken once', async () => {
    expect((await untilServed(bff!.base, '/api/consultations')).status).toBe(200)
    const SEATS = 8
    const eventId = await firstComeEvent(SEATS)
    const people = Array.from({ length: PEOPLE }, (_, i) => i)
    // The crash (an immediate stop) comes as soon as the first seat is acknowledged.
    let crashed = false
    const crowd = people.map((i) =>
      timed((signal) => signup(eventId, i, signal)).then((result) => {
        if (result.answer.status === 201 && !crashed) {
          crashed = true
          cluster!.stop('immediate')
        }
        return result
      }),
    )
    const first = await Promise.all(crowd)
    expect(crashed).toBe(true)
    const tally: Record<string, number> = {}
    for (const { answer } of first) tally[String(answer.body?.status ?? answer.body?.error?.code ?? answer.status)] = 0
    for (const { answer } of first) tally[String(answer.body?.status ?? answer.body?.error?.code ?? answer.status)]! += 1
    // The crash met requests in flight (some were answered 503) ...
    expect(tally.SERVICE_UNAVAILABLE).toBeGreaterThan(0)
    // ... and there were only seats, refusals and 503s — no 500, no dropped connection — each within the bound.
    expect(Object.keys(tally).filter((k) => !['SELECTED', 'SEATS_EXHAUSTED', 'SERVICE_UNAVAILABLE'].includes(k))).toEqual([])
    for (const { answer, ms } of first) {
      if (answer.status === 503) expectUnavailable({ answer, ms })
      else expect(ms).toBeLessThan(ANSWER_BOUND_MS)
    }

    cluster!.start()
    expect((await untilServed(bff!.base, '/api/consultations')).status).toBe(200)
    // Everyone retries with their key: acknowledged seats are answered again, the rest are decided now.
    const final = await Promise.all(people.map((i) => settled(eventId, i)))
    people.forEach((i) => {
      if (first[i]!.answer.status === 201) expect(final[i]!.body).toEqual(first[i]!.answer.body)
    })
    const seated = people.filter((i) => final[i]!.status === 201)
    expect(seated.length).toBe(SEATS)
    expect(people.filter((i) => final[i]!.status !== 201).map((i) => final[i]!.body?.error?.code)).toEqual(Array(PEOPLE - SEATS).fill('SEATS_EXHAUSTED'))
    const after = await seatsOf(eventId)
    expect(after.confirmed).toBe(SEATS)
    expect(after.rows.map(([n]) => n).sort((x, y) => x - y)).toEqual(seated)
    expect(after.rows.every(([, status]) => status === 'SELECTED')).toBe(true)
    expect(bff!.child.exitCode).toBeNull()
    expect(bff!.output()).not.toMatch(/unhandled|uncaught/i)
  }, 180_000)
})
