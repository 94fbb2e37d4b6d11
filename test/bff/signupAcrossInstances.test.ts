// Two BFF processes on one PostgreSQL: a full first-come event is refused early on both, a registrant still gets their own answer on either, a freed seat is taken again through the other.
import pg from 'pg'
import { CHANGE_FEED_APPLICATION } from '../../bff/src/db/changeFeed'
import { type Answer, type BffProcess, call, requireBuiltServer, startBffProcess } from '../support/bffProcess'
import { startStatementProxy, type StatementProxy } from '../support/pgStatementProxy'
import { cloneTestDatabase } from '../support/postgres'
import { citizensWithSessions, openFirstComeEvent } from '../support/signupFixtures'
import { isWriteOrTransaction } from '../support/statementLog'

/**
 * Instances A and B are real processes (bff/dist/server.js), each connected through its own proxy
 * that reads the SQL off the wire, so the test sees every statement an instance sends for a request
 * (the change feed's polls left out). The seat is taken through one instance; the other must find
 * out from the database, refuse newcomers with a plain read at first and then with no statement at
 * all, still answer the seated person from the database, and accept a newcomer again once a seat is
 * freed through either instance. Outcomes are counted in the database's rows; waits are bounded.
 */
const PEOPLE = 80
/** Each instance's database pool (small, so a connection that is never handed back shows at once). */
const POOL = 3
const token = (i: number) => `acrosstoken${String(i).padStart(4, '0')}${'y'.repeat(16)}`
let database: Awaited<ReturnType<typeof cloneTestDatabase>> | undefined
let db: pg.Pool
let departmentId: number
const proxies: StatementProxy[] = []
const servers: BffProcess[] = []
let a: Instance
let b: Instance

interface Instance {
  name: 'A' | 'B'
  server: BffProcess
  proxy: StatementProxy
}

beforeAll(async () => {
  requireBuiltServer()
  database = await cloneTestDatabase('gm_across')
  db = database.pool
  departmentId = (await db.query(`INSERT INTO department (name) VALUES ('双实例报名测试部门') RETURNING id`)).rows[0].id
  // Citizens who accepted the privacy notice, each with a session whose token we know (before any event is learned full).
  await citizensWithSessions(db, 'across-', PEOPLE, token)
  const target = new URL(database.url)
  for (const name of ['A', 'B'] as const) {
    const proxy = await startStatementProxy({ host: target.hostname, port: Number(target.port) }, { ignoreApplications: [CHANGE_FEED_APPLICATION] })
    proxies.push(proxy)
    const proxied = new URL(database.url)
    proxied.port = String(proxy.port)
    // The delivery worker's rounds (every 5 s by default: reminders, follow alerts, purging old idempotency keys) would
    // send statements in the middle of a measured request; they are not what this test counts.
    const server = await startBffProcess(proxied.toString(), {
      RATE_LIMIT: 'off',
      REQUEST_TIMEOUT_MS: '60000',
      DB_POOL_MAX: String(POOL),
      DELIVERY_INTERVAL_MS: '600000',
    })
    servers.push(server)
    const instance = { name, server, proxy }
    if (name === 'A') a = instance
    else b = instance
  }
}, 120_000)

// Both processes still running after each test (what one printed is shown if it exited).
afterEach(() => {
  expect(servers.map((s) => (s.child.exitCode === null && s.child.signalCode === null ? 'running' : s.output()))).toEqual(['running', 'running'])
})

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  await Promise.all(proxies.map((p) => p.close()))
  await database?.drop()
}, 60_000)

const firstComeEvent = (capacity: number, waitlistCapacity: number) =>
  openFirstComeEvent(db, { departmentId, capacity, waitlistCapacity, title: '双实例抢票测试' })

const auth = (i: number) => ({ authorization: `Bearer ${token(i)}` })
const signup = (via: Instance, eventId: number, i: number, key: string) =>
  call(via.server.base, `/api/events/${eventId}/registrations`, {
    method: 'POST',
    headers: { ...auth(i), 'idempotency-key': `signup-${key}` },
    json: { name: `抢票人${i}`, phone: '13800138000', category: 'PUBLIC' },
  })
const cancel = (via: Instance, i: number, registrationId: number) =>
  call(via.server.base, `/api/me/registrations/${registrationId}/cancel`, { method: 'POST', headers: auth(i) })

/** What one request answered and the statements the instance sent for it. */
async function measured(via: Instance, run: () => Promise<Answer>) {
  via.proxy.take()
  const answer = await run()
  return { answer, statements: via.proxy.take() }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const outcome = (answer: Answer) => answer.body?.status ?? answer.body?.error?.code ?? answer.status

/**
 * Newcomers (one after another, from `people`) ask `via` for a seat until the instance refuses one
 * without sending any statement (it learned the event is full). Every answer on the way must be 409
 * SEATS_EXHAUSTED without a write, a row lock or a transaction. Bounded: the change feed reports the
 * previous writes within a poll or two, after which the next refusal's plain read is remembered.
 */
async function refusedEarly(via: Instance, eventId: number, people: number[]) {
  const seen: { outcome: unknown; statements: number; writes: string[] }[] = []
  for (let attempt = 0; attempt < 40; attempt++) {
    const i = people[attempt % people.length]!
    const { answer, statements } = await measured(via, () => signup(via, eventId, i, `early-${eventId}-${via.name}-${attempt}`))
    seen.push({ outcome: outcome(answer), statements: statements.length, writes: statements.filter(isWriteOrTransaction) })
    if (answer.status !== 409 || statements.length === 0) break
    await sleep(100)
  }
  // All refused, none with a write or a transaction, and the last one without any statement (all shown when this fails).
  expect({ instance: via.name, seen: seen.map((s) => ({ ...s, statements: s.statements > 0 })) }).toEqual({
    instance: via.name,
    seen: seen.map((_, k) => ({ outcome: 'SEATS_EXHAUSTED', statements: k < seen.length - 1, writes: [] })),
  })
}

/** A newcomer asks `via` until they are let in (the freed seat), bounded; the refusals meanwhile are SEATS_EXHAUSTED. */
async function letIn(via: Instance, eventId: number, i: number, key: string): Promise<Answer> {
  let answer = await signup(via, eventId, i, key)
  for (let attempt = 0; attempt < 40 && outcome(answer) === 'SEATS_EXHAUSTED'; attempt++) {
    await sleep(250)
    answer = await signup(via, eventId, i, key)
  }
  return answer
}

async function rowsOf(eventId: number) {
  const rows = await db.query<{ citizen: number; status: string }>(
    `SELECT c.openid AS citizen, r.status::text AS status FROM registration r JOIN citizen c ON c.id = r.citizen_id WHERE r.event_id = $1 ORDER BY r.id`,
    [eventId],
  )
  const counters = await db.query<{ confirmed: number; waitlisted: number }>(
    `SELECT confirmed_count AS confirmed, waitlist_count AS waitlisted FROM event WHERE id = $1`,
    [eventId],
  )
  return { rows: rows.rows.map((r) => [Number(String(r.citizen).slice('across-'.length)), r.status]), ...counters.rows[0]! }
}

it('refuses newcomers on B early once the last seat went through A; the seated person gets their own answer on B; a seat freed through either instance is taken again through the other', async () => {
  const eventId = await firstComeEvent(1, 0)
  const seated = await signup(a, eventId, 0, 'seat-0')
  expect([seated.status, seated.body.status]).toEqual([201, 'SELECTED'])

  // B learns from the database that the seat is gone: refused with a plain read, then with no statement.
  await refusedEarly(b, eventId, [1, 2, 3])
  // The seated person, on B: a retry gets the stored answer, 我的报名 shows the seat, a second signup is ALREADY_REGISTERED.
  const retried = await signup(b, eventId, 0, 'seat-0')
  expect(retried.status).toBe(201)
  expect(retried.body).toEqual(seated.body)
  const mine = await call(b.server.base, '/api/me/registrations', { headers: auth(0) })
  expect([mine.status, mine.body.map((r: { id: number; status: string }) => [r.id, r.status])]).toEqual([200, [[seated.body.id, 'SELECTED']]])
  expect(outcome(await signup(b, eventId, 0, 'seat-0-again'))).toBe('ALREADY_REGISTERED')
  // Still known full on B afterwards (the registrant's requests wrote nothing), and A knows too.
  await refusedEarly(b, eventId, [4])
  await refusedEarly(a, eventId, [5, 6])

  // The seat is freed through A: B lets the next newcomer in, once.
  expect(outcome(await cancel(a, 0, seated.body.id))).toBe('CANCELLED')
  const second = await letIn(b, eventId, 1, 'seat-1')
  expect([second.status, second.body.status]).toEqual([201, 'SELECTED'])
  await refusedEarly(a, eventId, [2, 3])
  await refusedEarly(b, eventId, [4, 5])

  // Freed through B: A lets the next one in.
  expect(outcome(await cancel(b, 1, second.body.id))).toBe('CANCELLED')
  const third = await letIn(a, eventId, 2, 'seat-2')
  expect([third.status, third.body.status]).toEqual([201, 'SELECTED'])
  await refusedEarly(b, eventId, [3])
  await refusedEarly(a, eventId, [3])

  // Freed through A again: A itself lets the next one in, and B refuses the one after.
  expect(outcome(await cancel(a, 2, third.body.id))).toBe('CANCELLED')
  const fourth = await letIn(a, eventId, 3, 'seat-3')
  expect([fourth.status, fourth.body.status]).toEqual([201, 'SELECTED'])
  await refusedEarly(b, eventId, [4])

  // One seat, one holder at a time; the refused hold nothing, not even a stored key.
  expect(await rowsOf(eventId)).toEqual({
    rows: [
      [0, 'CANCELLED'],
      [1, 'CANCELLED'],
      [2, 'CANCELLED'],
      [3, 'SELECTED'],
    ],
    confirmed: 1,
    waitlisted: 0,
  })
  const keys = await db.query(`SELECT count(*)::int AS n FROM idempotent_request WHERE key LIKE $1`, [`signup-early-${eventId}-%`])
  expect(keys.rows[0].n).toBe(0)
}, 120_000)

it('keeps first-come order across the instances: seats, then the waitlist, and a freed seat goes to the first waiting', async () => {
  const eventId = await firstComeEvent(2, 2)
  const asked: [Instance, number][] = [
    [a, 10],
    [b, 11],
    [b, 12],
    [a, 13],
  ]
  const answers: Answer[] = []
  for (const [via, i] of asked) answers.push(await signup(via, eventId, i, `order-${i}`))
  expect(answers.map(outcome)).toEqual(['SELECTED', 'SELECTED', 'WAITLISTED', 'WAITLISTED'])
  await refusedEarly(a, eventId, [14])
  await refusedEarly(b, eventId, [15])

  // A seat freed through B goes to the first waiting (who asked through B), not to the second (through A) nor a newcomer.
  expect(outcome(await cancel(b, 10, answers[0]!.body.id))).toBe('CANCELLED')
  // The freed waitlist place is the newcomer's, through A.
  expect(outcome(await letIn(a, eventId, 14, 'order-14'))).toBe('WAITLISTED')
  expect(await rowsOf(eventId)).toEqual({
    rows: [
      [10, 'CANCELLED'],
      [11, 'SELECTED'],
      [12, 'SELECTED'],
      [13, 'WAITLISTED'],
      [14, 'WAITLISTED'],
    ],
    confirmed: 2,
    waitlisted: 2,
  })
}, 120_000)

it('seats exactly the capacity when a crowd signs up through both instances at once, each person once, and the retries through the other instance change nothing', async () => {
  const SEATS = 10
  const crowd = Array.from({ length: 60 }, (_, k) => 20 + k)
  const eventId = await firstComeEvent(SEATS, 0)
  const via = (i: number, retry = false) => ((i % 2 === 0) !== retry ? a : b)
  const first = await Promise.all(crowd.map((i) => signup(via(i), eventId, i, `crowd-${i}`)))
  const tally = (answers: Answer[]) => answers.reduce<Record<string, number>>((t, x) => ({ ...t, [String(outcome(x))]: (t[String(outcome(x))] ?? 0) + 1 }), {})
  expect(tally(first)).toEqual({ SELECTED: SEATS, SEATS_EXHAUSTED: crowd.length - SEATS })
  // Everyone retries with the same key through the other instance: the seated get their first answer, the others are refused again.
  const again = await Promise.all(crowd.map((i) => signup(via(i, true), eventId, i, `crowd-${i}`)))
  crowd.forEach((_, k) =>
    expect(again[k]!.status === 201 ? again[k]!.body : outcome(again[k]!)).toEqual(first[k]!.status === 201 ? first[k]!.body : 'SEATS_EXHAUSTED'),
  )

  const seatedPeople = crowd.filter((_, k) => first[k]!.status === 201).sort((x, y) => x - y)
  const stored = await rowsOf(eventId)
  expect(stored.confirmed).toBe(SEATS)
  expect(stored.rows.map(([i]) => i).sort((x, y) => Number(x) - Number(y))).toEqual(seatedPeople)
  expect(stored.rows.every(([, status]) => status === 'SELECTED')).toBe(true)
  const ids = await db.query(`SELECT id FROM registration WHERE event_id = $1 ORDER BY id`, [eventId])
  expect(ids.rows.map((r) => r.id)).toEqual(
    first
      .filter((x) => x.status === 201)
      .map((x) => x.body.id)
      .sort((x: number, y: number) => x - y),
  )
}, 120_000)

it('answers 503 when a seat commits but its answer is lost (the connection cut right after COMMIT); the retry with the same key through the other instance gets that seat, once', async () => {
  const eventId = await firstComeEvent(2, 0)
  const cut = a.proxy.cutAfterCommit(/INSERT INTO registration/)
  const lost = await signup(a, eventId, 40, 'lost-40')
  const committed = await cut
  expect(committed.some((sql) => /UPDATE event SET/.test(sql))).toBe(true)
  expect([lost.status, lost.body?.error?.code, lost.headers.get('retry-after')]).toEqual([503, 'SERVICE_UNAVAILABLE', '5'])
  expect(lost.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
  // The seat was taken with the key's stored answer, in the same transaction (the server finishes the COMMIT it was sent on its own time).
  let seats = await rowsOf(eventId)
  for (let i = 0; i < 50 && seats.rows.length === 0; i++) {
    await sleep(100)
    seats = await rowsOf(eventId)
  }
  expect(seats).toEqual({ rows: [[40, 'SELECTED']], confirmed: 1, waitlisted: 0 })
  const retried = await signup(b, eventId, 40, 'lost-40')
  expect([retried.status, retried.body.status]).toEqual([201, 'SELECTED'])
  const stored = await db.query(`SELECT id FROM registration WHERE event_id = $1`, [eventId])
  expect(retried.body.id).toBe(stored.rows[0].id)
  expect((await signup(a, eventId, 40, 'lost-40')).body).toEqual(retried.body)
  expect(outcome(await signup(a, eventId, 40, 'lost-40-again'))).toBe('ALREADY_REGISTERED')
  expect(await rowsOf(eventId)).toEqual({ rows: [[40, 'SELECTED']], confirmed: 1, waitlisted: 0 })
}, 60_000)

it('answers 503, not 500, when the database connection is reset under the signup’s first read, and the retry takes the seat once', async () => {
  const eventId = await firstComeEvent(1, 0)
  const reset = a.proxy.resetOn(/LEFT JOIN idempotent_request/)
  const failed = await signup(a, eventId, 50, 'reset-50')
  await reset
  expect([failed.status, failed.body?.error?.code, failed.headers.get('retry-after')]).toEqual([503, 'SERVICE_UNAVAILABLE', '5'])
  expect(await rowsOf(eventId)).toEqual({ rows: [], confirmed: 0, waitlisted: 0 })
  const retried = await signup(a, eventId, 50, 'reset-50')
  expect([retried.status, retried.body.status]).toEqual([201, 'SELECTED'])
  expect(await rowsOf(eventId)).toEqual({ rows: [[50, 'SELECTED']], confirmed: 1, waitlisted: 0 })
}, 60_000)

it('keeps serving after more transactions than the pool holds lost their COMMIT with the connection (each connection handed back)', async () => {
  const eventId = await firstComeEvent(POOL + 5, 0)
  for (let k = 0; k <= POOL; k++) {
    let reset = false
    void a.proxy.resetOn(/^COMMIT$/).then(() => (reset = true))
    const lost = await signup(a, eventId, 60 + k, `commit-lost-${k}`)
    // Each reached its COMMIT (a pool with no connection left would answer 503 before, after waiting for one).
    expect([reset, lost.status, lost.body?.error?.code]).toEqual([true, 503, 'SERVICE_UNAVAILABLE'])
  }
  // A pool whose every connection was still checked out would make this wait for a connection and fail.
  const next = await signup(a, eventId, 70, 'after-lost-commits')
  expect([next.status, next.body.status]).toEqual([201, 'SELECTED'])
  const seats = await rowsOf(eventId)
  expect(seats.confirmed).toBe(seats.rows.filter(([, status]) => status === 'SELECTED').length)
}, 120_000)
