import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { ENDPOINT_POLICIES } from '../../bff/src/http/rateLimit'
import { SIGN_IN_THROTTLE } from '../../bff/src/services/auth'
import { hashPassword } from '../../bff/src/security/password'
import { type Answer, type BffProcess, call, requireBuiltServer, startBffProcess } from '../support/bffProcess'
import { startFakeWechat, type FakeWechat, TEST_APPID, TEST_SECRET } from '../support/fakeWechat'
import { cloneTestDatabase } from '../support/postgres'
import { citizensWithSessions, openFirstComeEvent } from '../support/signupFixtures'

/**
 * Abuse and fairness across two BFF processes sharing one PostgreSQL and one Redis (rate-limit
 * counters): the waitlist stays first-come while cancellations race newcomers, a password burst
 * checks at most the configured number of passwords, floods get 429 while the stored counts stay
 * truthful, and a retried signup gets its first result. Counts, order and status codes only — never speed.
 */
const REDIS_URL = process.env.GM_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const PEOPLE = 200

let database: Awaited<ReturnType<typeof cloneTestDatabase>> | undefined
let db: pg.Pool
let fake: FakeWechat
let departmentId: number
const servers: BffProcess[] = []
const token = (i: number) => `abusetoken${String(i).padStart(5, '0')}${'y'.repeat(12)}`
const auth = (i: number) => ({ authorization: `Bearer ${token(i)}` })
/** Citizen ids by their number in `token(i)`. */
let citizenIds: number[] = []
/** Requests alternate between the two processes. */
const base = (i: number) => servers[i % 2]!.base
/** A client address as a trusted proxy (the test itself, on loopback) reports it. */
const from = (ip: string) => ({ 'x-forwarded-for': ip })

beforeAll(async () => {
  requireBuiltServer()
  database = await cloneTestDatabase('gm_abuse')
  db = database.pool
  departmentId = (await db.query(`INSERT INTO department (name) VALUES ('防滥用测试部门') RETURNING id`)).rows[0].id
  // Citizens who accepted the current privacy notice, each with a session whose token we know.
  citizenIds = await citizensWithSessions(db, 'abuse-', PEOPLE, token)
  fake = await startFakeWechat({ appId: TEST_APPID, secret: TEST_SECRET })
  const env = {
    REDIS_URL,
    RATE_LIMIT: 'on',
    RATE_LIMIT_PREFIX: `gm:test:abuse:${randomBytes(6).toString('hex')}`,
    TRUSTED_PROXIES: 'loopback',
    WECHAT_APPID: TEST_APPID,
    WECHAT_SECRET: TEST_SECRET,
    WECHAT_API_BASE: fake.baseUrl,
    DB_POOL_MAX: '10',
    // Counts, not latency: on a busy machine requests may queue for a while instead of getting 503.
    DB_WAIT_MS: '120000',
    REQUEST_TIMEOUT_MS: '120000',
    DB_STATEMENT_TIMEOUT_MS: '120000',
    // Failed password checks are logged at warn: the burst test counts them.
    LOG_LEVEL: 'warn',
  }
  servers.push(...(await Promise.all([startBffProcess(database.url, env), startBffProcess(database.url, env)])))
}, 120_000)

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  await fake?.close()
  await database?.drop()
}, 60_000)

afterEach(() => {
  // Both processes are still up after every flood.
  expect(servers.map((s) => [s.child.exitCode, s.child.signalCode])).toEqual([
    [null, null],
    [null, null],
  ])
})

const tally = (answers: Answer[]) => {
  const counts: Record<string, number> = {}
  for (const a of answers) {
    const key = `${a.status} ${a.body?.status ?? a.body?.error?.code ?? ''}`.trim()
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

const createEvent = (seats: number, waitlist: number) =>
  openFirstComeEvent(db, { departmentId, capacity: seats, waitlistCapacity: waitlist, title: '候补公平测试' })

const signup = (i: number, eventId: number, headers: Record<string, string> = {}) =>
  call(base(i), `/api/events/${eventId}/registrations`, {
    method: 'POST',
    headers: { ...auth(i), ...headers },
    json: { name: `公平${i}`, phone: '13800138000', category: 'PUBLIC' },
  })

describe('the waitlist across two processes', () => {
  it('gives every freed seat to the earliest waiting people while 20 cancellations race 30 newcomers; newcomers queue behind', async () => {
    const eventId = await createEvent(20, 100)
    // Citizens 1–20 hold the seats, 21–30 wait (in this order), 31–60 are newcomers.
    for (let i = 1; i <= 30; i++) expect((await signup(i, eventId)).body.status).toBe(i <= 20 ? 'SELECTED' : 'WAITLISTED')
    const mine = await db.query<{ id: number; citizen_id: number }>(`SELECT id, citizen_id FROM registration WHERE event_id = $1 AND status = 'SELECTED'`, [
      eventId,
    ])
    const numberOf = new Map(citizenIds.map((id, n) => [id, n]))
    const waitingBefore = (
      await db.query<{ id: number }>(`SELECT id FROM registration WHERE event_id = $1 AND status = 'WAITLISTED' ORDER BY id`, [eventId])
    ).rows.map((r) => r.id)

    const cancellations = mine.rows.map((r) => {
      const n = numberOf.get(r.citizen_id)!
      return call(base(n), `/api/me/registrations/${r.id}/cancel`, { method: 'POST', headers: auth(n) })
    })
    const newcomers = Array.from({ length: 30 }, (_, k) => signup(31 + k, eventId))
    // Interleave them so cancellations and signups really overlap.
    const answers = await Promise.all([...cancellations, ...newcomers])
    expect(answers.slice(0, 20).map((a) => a.status)).toEqual(Array(20).fill(200))
    expect(answers.slice(20).every((a) => a.status === 201)).toBe(true)

    const rows = await db.query<{ id: number; status: string; citizen_id: number }>(
      'SELECT id, status, citizen_id FROM registration WHERE event_id = $1 ORDER BY id',
      [eventId],
    )
    const event = (
      await db.query<{ confirmed_count: number; waitlist_count: number }>('SELECT confirmed_count, waitlist_count FROM event WHERE id = $1', [eventId])
    ).rows[0]!
    const byStatus = (status: string) => rows.rows.filter((r) => r.status === status)
    // Full, with the counters matching the rows.
    expect({ selected: byStatus('SELECTED').length, waiting: byStatus('WAITLISTED').length, cancelled: byStatus('CANCELLED').length }).toEqual({
      selected: 20,
      waiting: 20,
      cancelled: 20,
    })
    expect(event).toEqual({ confirmed_count: 20, waitlist_count: 20 })
    // The ten who were waiting all got seats…
    const status = new Map(rows.rows.map((r) => [r.id, r.status]))
    expect(waitingBefore.map((id) => status.get(id))).toEqual(Array(10).fill('SELECTED'))
    // …and among newcomers, everyone seated signed up before everyone still waiting.
    const newcomerRows = rows.rows.filter((r) => !waitingBefore.includes(r.id) && r.status !== 'CANCELLED')
    const lastSeated = Math.max(...newcomerRows.filter((r) => r.status === 'SELECTED').map((r) => r.id))
    const firstWaiting = Math.min(...newcomerRows.filter((r) => r.status === 'WAITLISTED').map((r) => r.id))
    expect(lastSeated).toBeLessThan(firstWaiting)
    // Everyone promoted from the waitlist was told.
    const told = await db.query<{ citizen_id: number }>(
      `SELECT DISTINCT citizen_id FROM notification WHERE kind = 'REGISTRATION_RESULT' AND body LIKE '%递补入选%' AND citizen_id = ANY($1)`,
      [rows.rows.filter((r) => waitingBefore.includes(r.id)).map((r) => r.citizen_id)],
    )
    expect(told.rowCount).toBe(10)
  }, 120_000)
})

describe('idempotent signups', () => {
  it('answers a retried signup (same key, either process, even at the same time) with the first registration', async () => {
    const eventId = await createEvent(5, 5)
    const key = { 'idempotency-key': `signup-${randomBytes(8).toString('hex')}` }
    const attempt = (k: number) =>
      call(base(k), `/api/events/${eventId}/registrations`, {
        method: 'POST',
        headers: { ...auth(61), ...key },
        json: { name: '重试', phone: '13800138000', category: 'PUBLIC' },
      })
    const answers = await Promise.all(Array.from({ length: 6 }, (_, k) => attempt(k)))
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201))
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1)
    const later = await attempt(1)
    expect([later.status, later.body.id]).toEqual([201, answers[0]!.body.id])
    // A new attempt without the key is a second signup: refused as such.
    expect((await signup(61, eventId)).body.error.code).toBe('ALREADY_REGISTERED')
    // The same key for a different request is refused.
    expect((await signup(61, eventId, key)).body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    const cancelKey = { 'idempotency-key': `cancel-${randomBytes(8).toString('hex')}` }
    const cancels = await Promise.all(
      [0, 1].map((k) => call(base(k), `/api/me/registrations/${answers[0]!.body.id}/cancel`, { method: 'POST', headers: { ...auth(61), ...cancelKey } })),
    )
    expect(cancels.map((c) => [c.status, c.body.status])).toEqual([
      [200, 'CANCELLED'],
      [200, 'CANCELLED'],
    ])
    expect((await db.query('SELECT id FROM registration WHERE event_id = $1', [eventId])).rowCount).toBe(1)
  }, 60_000)
})

describe('staff password burst', () => {
  const limit = SIGN_IN_THROTTLE.perAccountAndAddress.points
  const password = 'Right-passw0rd-burst'
  let staffId: number

  beforeAll(async () => {
    const hash = await hashPassword(password)
    staffId = (
      await db.query<{ id: number }>(
        `INSERT INTO staff (username, display_name, password_hash, role, department_id, must_change_password) VALUES ('burst.admin', '管理员', $1, 'ADMIN', $2, false) RETURNING id`,
        [hash, departmentId],
      )
    ).rows[0]!.id
  })
  const login = (k: number, pw: string, ip: string, username = 'burst.admin') =>
    call(base(k), '/api/auth/staff', { method: 'POST', headers: from(ip), json: { username, password: pw } })
  /** Password checks that failed for the burst account, across both processes (their security log). */
  const failedChecks = async () => {
    await new Promise((resolve) => setTimeout(resolve, 300)) // the processes' output arrives through pipes
    return servers.flatMap((s) => s.output().split('\n')).filter((line) => line.includes('"staff sign-in failed"') && line.includes(`"staffId":${staffId},`))
      .length
  }
  const sameAnswer = (a: Answer) => [a.status, a.body.error?.code, a.body.error?.message]

  it(`checks at most ${limit} passwords for a parallel burst of 40, answers all alike, and the right password inside a throttled burst does not sign in`, async () => {
    const burst = await Promise.all(Array.from({ length: 40 }, (_, k) => login(k, `wrong-password-${k}`, '203.0.113.7')))
    expect(tally(burst)).toEqual({ '401 LOGIN_FAILED': 40 })
    expect(await failedChecks()).toBe(limit)
    // An unknown username gets the very same answer.
    const unknown = await login(0, 'whatever-password', '203.0.113.8', 'no.such.user')
    expect(new Set([...burst, unknown].map((a) => JSON.stringify(sameAnswer(a)))).size).toBe(1)
    // The right password, alone and mixed into another burst from the same address: refused alike, no check run.
    const mixed = await Promise.all(Array.from({ length: 20 }, (_, k) => login(k, k % 4 === 0 ? password : `wrong-again-${k}`, '203.0.113.7')))
    expect(tally(mixed)).toEqual({ '401 LOGIN_FAILED': 20 })
    expect(await failedChecks()).toBe(limit)
  }, 120_000)

  it('does not let an attacker elsewhere lock the administrator out', async () => {
    const ok = await login(1, password, '198.51.100.20')
    expect(ok.status).toBe(200)
    expect(ok.body.me).toMatchObject({ kind: 'staff', username: 'burst.admin' })
  }, 60_000)
})

describe('floods', () => {
  it('stops one citizen posting opinions at the limit with 429 + Retry-After; the stored count equals the accepted count', async () => {
    const consultation = await db.query<{ id: number }>(
      `INSERT INTO consultation (department_id, title, summary, is_major_decision, opens_at, closes_at, published_at)
       VALUES ($1, '防刷测试征求意见', '—', false, now() - interval '1 day', now() + interval '40 days', now() - interval '1 day') RETURNING id`,
      [departmentId],
    )
    const id = consultation.rows[0]!.id
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, k) =>
        call(base(k), `/api/consultations/${id}/opinions`, {
          method: 'POST',
          headers: auth(62),
          json: { text: `第${k}条刷屏意见内容`, consent: 'PRIVATE', idempotencyKey: `flood-${k}-${randomBytes(4).toString('hex')}` },
        }),
      ),
    )
    const accepted = answers.filter((a) => a.status === 201).length
    const minuteLimit = ENDPOINT_POLICIES.submitOpinion![0]!.points
    expect(tally(answers)).toEqual({ '201': minuteLimit, '429 RATE_LIMITED': 40 - minuteLimit })
    const refused = answers.find((a) => a.status === 429)!
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.body.error.message).toMatch(/^操作过于频繁，请 \d+ 秒后再试$/)
    const stored = await db.query('SELECT id FROM opinion WHERE consultation_id = $1 AND citizen_id = $2', [id, citizenIds[62]])
    expect(stored.rowCount).toBe(accepted)
  }, 60_000)

  it('counts an anonymous vote and view flood once: the helpful count and the hot list stay truthful', async () => {
    const item = await db.query<{ id: number }>(
      `INSERT INTO qa_item (question, answer, topic, status, published_at) VALUES ('防刷测试：怎么办理？', '按规定办理。', '防刷', 'PUBLISHED', now()) RETURNING id`,
    )
    const id = item.rows[0]!.id
    const votes = await Promise.all(
      Array.from({ length: 60 }, (_, k) => call(base(k), `/api/qa/${id}/feedback`, { method: 'POST', headers: from('192.0.2.50'), json: { helpful: true } })),
    )
    expect(votes.every((v) => v.status === 200 || (v.status === 429 && v.body.error.code === 'RATE_LIMITED'))).toBe(true)
    expect(votes.filter((v) => v.status === 429).length).toBe(60 - ENDPOINT_POLICIES.rateQaItem![0]!.points)
    // The same device from many addresses counts once too.
    await Promise.all(
      Array.from({ length: 10 }, (_, k) =>
        call(base(k), `/api/qa/${id}/feedback`, {
          method: 'POST',
          headers: { ...from(`192.0.2.${100 + k}`), 'x-device-id': 'flooding-device-1' },
          json: { helpful: true },
        }),
      ),
    )
    expect((await db.query('SELECT helpful_count FROM qa_item WHERE id = $1', [id])).rows[0]).toEqual({ helpful_count: 2 })

    const views = await Promise.all(Array.from({ length: 60 }, (_, k) => call(base(k), `/api/qa/${id}`, { headers: from('192.0.2.51') })))
    expect(views.every((v) => v.status === 200)).toBe(true)
    // Each process flushes its buffered view counts when asked for the hot list.
    await call(servers[0]!.base, '/api/qa/hot')
    const hot = await call(servers[1]!.base, '/api/qa/hot?topic=%E9%98%B2%E5%88%B7')
    const entry = (hot.body as { id: number; views: number }[]).find((h) => h.id === id)
    expect(entry).toMatchObject({ views: 1 })
    expect((await db.query('SELECT view_count FROM qa_item WHERE id = $1', [id])).rows[0]).toEqual({ view_count: 1 })
  }, 60_000)

  it('bounds the outbound code2Session calls of an invalid WeChat code flood', async () => {
    const before = fake.requests.filter((r) => r.path === '/sns/jscode2session').length
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, k) =>
        call(base(k), '/api/auth/wechat', { method: 'POST', headers: from('192.0.2.60'), json: { code: `invalid-code-${k}` } }),
      ),
    )
    const limit = ENDPOINT_POLICIES.loginWithWechat![0]!.points
    expect(tally(answers)).toEqual({ '400 WECHAT_CODE_INVALID': limit, '429 RATE_LIMITED': 50 - limit })
    expect(fake.requests.filter((r) => r.path === '/sns/jscode2session').length - before).toBe(limit)
  }, 60_000)
})
