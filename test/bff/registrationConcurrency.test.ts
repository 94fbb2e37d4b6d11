import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { type Answer, type BffProcess, call, requireBuiltServer, startBffProcess } from '../support/bffProcess'
import { cloneTestDatabase } from '../support/postgres'
import { citizensWithSessions, openFirstComeEvent } from '../support/signupFixtures'

/**
 * 3,000 people sign up at once for 100 seats through two BFF processes sharing one PostgreSQL:
 * exactly 100 are confirmed, the waitlist fills to its size, everyone else is refused with
 * SEATS_EXHAUSTED, nobody twice. Then 50 confirmed people cancel at once and exactly 50 are
 * promoted from the waitlist. Like the miniapp, each person retries a request that got no answer
 * or a 503 with the same idempotency key, so a loaded machine changes timings, never the outcome.
 */
const PEOPLE = 3000
const SEATS = 100
const WAITLIST = 500
const CANCELLING = 50
const ATTEMPTS = 5

let database: Awaited<ReturnType<typeof cloneTestDatabase>> | undefined
let db: pg.Pool
let eventId: number
/** Citizen ids by their number in `token(i)`. */
let citizenIds: number[] = []
const servers: BffProcess[] = []
const token = (i: number) => `concurrencytoken${String(i).padStart(5, '0')}${'x'.repeat(12)}`

/** POST with one idempotency key, retried (on either process) while there is no answer or a 503. */
async function keyedPost(i: number, pathname: string, json?: unknown): Promise<Answer> {
  const key = `conc-${i}-${randomBytes(6).toString('hex')}`
  let answer: Answer = { status: 0, headers: new Headers(), body: null }
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 500 * attempt))
    answer = await call(servers[(i + attempt) % 2]!.base, pathname, {
      method: 'POST',
      headers: { authorization: `Bearer ${token(i)}`, 'idempotency-key': key },
      ...(json === undefined ? {} : { json }),
    })
    if (answer.status !== 0 && answer.status !== 503) return answer
  }
  return answer
}

beforeAll(async () => {
  requireBuiltServer()
  database = await cloneTestDatabase('gm_concurrency')
  db = database.pool
  const departmentId = (await db.query(`INSERT INTO department (name) VALUES ('并发测试部门') RETURNING id`)).rows[0].id
  eventId = await openFirstComeEvent(db, { departmentId, capacity: SEATS, waitlistCapacity: WAITLIST, title: '并发报名测试' })
  // 3,000 citizens who accepted the current privacy notice, each with a session whose token we know.
  citizenIds = await citizensWithSessions(db, 'concurrency-', PEOPLE, token)
  // Exact counts, not latency: on a busy 2-core CI machine the burst may take longer than production's 30 s
  // queueing bound (503), so requests may queue for most of the test. No rate limit stands in the way here.
  // The request deadline and statement limit likewise (a signup may wait that long for the event row's lock).
  const env = { DB_POOL_MAX: '20', DB_WAIT_MS: '170000', REQUEST_TIMEOUT_MS: '170000', DB_STATEMENT_TIMEOUT_MS: '170000', RATE_LIMIT: 'off' }
  servers.push(...(await Promise.all([startBffProcess(database.url, env), startBffProcess(database.url, env)])))
}, 120_000)

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  await database?.drop()
}, 60_000)

type SignupBody = { status?: string; error?: { code: string } }

async function counts() {
  const byStatus = await db.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM registration WHERE event_id = $1 GROUP BY status', [
    eventId,
  ])
  const event = await db.query<{ confirmed_count: number; waitlist_count: number }>('SELECT confirmed_count, waitlist_count FROM event WHERE id = $1', [
    eventId,
  ])
  return { ...Object.fromEntries(byStatus.rows.map((r) => [r.status, Number(r.n)])), ...event.rows[0] }
}

it(`confirms exactly ${SEATS} of ${PEOPLE} simultaneous signups across two processes`, async () => {
  const responses: Answer<SignupBody>[] = await Promise.all(
    Array.from({ length: PEOPLE }, (_, i) =>
      keyedPost(i, `/api/events/${eventId}/registrations`, { name: `并发${i}`, phone: '13800138000', category: 'PUBLIC' }),
    ),
  )
  expect({ exitCodes: servers.map((s) => s.child.exitCode), output: servers.map((s) => s.output().slice(-2000)) }).toEqual({
    exitCodes: [null, null],
    output: expect.anything(),
  })
  const outcome = (r: (typeof responses)[number]) => `${r.status} ${r.body.status ?? r.body.error?.code}`
  const tally: Record<string, number> = {}
  for (const r of responses) tally[outcome(r)] = (tally[outcome(r)] ?? 0) + 1
  expect(tally).toEqual({ '201 SELECTED': SEATS, '201 WAITLISTED': WAITLIST, '409 SEATS_EXHAUSTED': PEOPLE - SEATS - WAITLIST })
  expect(await counts()).toEqual({ SELECTED: SEATS, WAITLISTED: WAITLIST, confirmed_count: SEATS, waitlist_count: WAITLIST })
  const duplicates = await db.query('SELECT citizen_id FROM registration WHERE event_id = $1 GROUP BY citizen_id HAVING count(*) > 1', [eventId])
  expect(duplicates.rowCount).toBe(0)
}, 300_000)

it(`promotes exactly ${CANCELLING} waitlisted people when ${CANCELLING} confirmed people cancel at once`, async () => {
  const selected = await db.query<{ id: number; citizen_id: number }>(
    `SELECT id, citizen_id FROM registration WHERE event_id = $1 AND status = 'SELECTED' ORDER BY id LIMIT $2`,
    [eventId, CANCELLING],
  )
  const firstWaiting = await db.query<{ id: number }>(`SELECT id FROM registration WHERE event_id = $1 AND status = 'WAITLISTED' ORDER BY id LIMIT $2`, [
    eventId,
    CANCELLING,
  ])
  const numberOf = new Map(citizenIds.map((id, i) => [id, i]))
  const responses = await Promise.all(selected.rows.map((r) => keyedPost(numberOf.get(r.citizen_id)!, `/api/me/registrations/${r.id}/cancel`)))
  expect(responses.map((r) => r.status)).toEqual(Array(CANCELLING).fill(200))
  expect(await counts()).toEqual({
    SELECTED: SEATS,
    WAITLISTED: WAITLIST - CANCELLING,
    CANCELLED: CANCELLING,
    confirmed_count: SEATS,
    waitlist_count: WAITLIST - CANCELLING,
  })
  const promoted = await db.query<{ status: string }>('SELECT DISTINCT status FROM registration WHERE id = ANY($1)', [firstWaiting.rows.map((r) => r.id)])
  expect(promoted.rows).toEqual([{ status: 'SELECTED' }])
}, 120_000)
