// A full first-come event known to the instance: the crowd after the last place is refused without any statement (not even the session lookup), until a change is reported.
import { FullEvents } from '../../bff/src/services/fullEvents'
import { signInDemoCitizen } from '../support/identity'
import { recordStatements, type StatementLog } from '../support/statementLog'
import { startTestApp, type TestApp } from '../support/testApp'

const DAY = 86_400_000
let app: TestApp
let log: StatementLog
let full: FullEvents
let departmentId: number

beforeAll(async () => {
  log = recordStatements()
  app = await startTestApp({ settings: { demoLogin: true, sessionTtlHours: 24 } })
  // As server.ts wires it: kept current by the change feed (here the test reports changes itself).
  full = new FullEvents({ maxAgeMs: 60_000, clock: app.deps.clock })
  app.deps.fullEvents = full
  full.up()
  departmentId = (await app.db.department.create({ data: { name: '满员测试部门' } })).id
})
afterAll(async () => {
  log?.stop()
  await app?.close()
})

async function firstComeEvent(capacity: number) {
  const now = app.now.value.getTime()
  const event = await app.db.event.create({
    data: {
      kind: 'OPEN_DAY',
      title: '满员测试',
      description: '—',
      place: '—',
      departmentId,
      capacity,
      waitlistCapacity: 0,
      selectionMode: 'FIRST_COME',
      startsAt: new Date(now + 10 * DAY),
      endsAt: new Date(now + 10 * DAY + 3_600_000),
      signupOpensAt: new Date(now - DAY),
      signupClosesAt: new Date(now + 5 * DAY),
      publishedAt: new Date(now - DAY),
    },
    select: { id: true },
  })
  return event.id
}

const signup = (eventId: number, who: { auth: Record<string, string> }, key: string) =>
  app.request(`/api/events/${eventId}/registrations`, {
    method: 'POST',
    headers: { ...who.auth, 'idempotency-key': key },
    json: { name: '抢票人', phone: '13800138000', category: 'PUBLIC' },
  })

async function measured<T>(run: () => Promise<T>) {
  log.take()
  const result = await run()
  return { result, statements: log.take() }
}

it('refuses the crowd after the last seat without a statement; the seated person still gets their answer; a reported change lets the next one in', async () => {
  const eventId = await firstComeEvent(1)
  const [first, second, third] = await Promise.all(['甲', '乙', '丙'].map((n) => signInDemoCitizen(app, n)))
  const seated = await signup(eventId, first!, 'fullkey-1')
  expect(seated.body.status).toBe('SELECTED')
  // The first refusal reads the event (and learns it is full) ...
  const learning = await measured(() => signup(eventId, second!, 'fullkey-2'))
  expect(learning.result.body.error.code).toBe('SEATS_EXHAUSTED')
  expect(learning.statements.some((sql) => /\bevent\b/.test(sql))).toBe(true)
  // ... the next ones are refused before sign-in, without any statement (not even the session lookup).
  const quick = await measured(() => signup(eventId, third!, 'fullkey-3'))
  expect(quick.result.status).toBe(409)
  expect(quick.result.body.error.code).toBe('SEATS_EXHAUSTED')
  expect(quick.result.body.error.message).toMatch(/名额/)
  expect(quick.statements).toEqual([])
  // Without a token it is still a sign-in question (401), and a malformed id still a 400: only a well-formed signup is refused early.
  const anonymous = await app.request(`/api/events/${eventId}/registrations`, {
    method: 'POST',
    json: { name: '抢票人', phone: '13800138000', category: 'PUBLIC' },
  })
  expect(anonymous.status).toBe(401)
  expect((await signup(0, third!, 'fullkey-3z')).status).toBe(400)
  // Someone with a registration there is answered by the database: a retry gets the first result, a second signup ALREADY_REGISTERED.
  const retried = await signup(eventId, first!, 'fullkey-1')
  expect(retried.status).toBe(201)
  expect(retried.body).toEqual(seated.body)
  expect((await signup(eventId, first!, 'fullkey-1-again')).body.error.code).toBe('ALREADY_REGISTERED')

  // The seat is freed; once the change is reported (the feed's next poll), the next person gets it.
  const mine = await app.request('/api/me/registrations', { headers: first!.auth })
  expect((await app.request(`/api/me/registrations/${mine.body[0].id}/cancel`, { method: 'POST', headers: first!.auth })).body.status).toBe('CANCELLED')
  full.invalidate()
  expect((await signup(eventId, third!, 'fullkey-3b')).body.status).toBe('SELECTED')
  expect(await app.db.event.findUniqueOrThrow({ where: { id: eventId }, select: { confirmedCount: true } })).toEqual({ confirmedCount: 1 })
})

it('forgets what it learned from a read older than a reported change, and everything while the feed is down', () => {
  const clock = { now: new Date('2026-12-06T08:00:00Z') }
  const events = new FullEvents({ maxAgeMs: 5_000, clock: () => clock.now })
  events.up()
  const before = events.current
  events.invalidate() // a change reported while the read was under way
  const none = { citizenIds: [], tokenHashes: [] }
  events.learn(before, 1, new Date('2026-12-07T00:00:00Z'), none)
  expect(events.refuses(1, 42)).toBe(false)
  expect(events.refusesToken(1, 'h42')).toBe(false)
  events.learn(events.current, 1, new Date('2026-12-07T00:00:00Z'), { citizenIds: [7], tokenHashes: ['h7a', 'h7b'] })
  expect(events.refuses(1, 42)).toBe(true)
  expect(events.refuses(1, 7)).toBe(false)
  // Before sign-in: a registrant's sessions (each of them) pass, any other token is refused.
  expect(events.refusesToken(1, 'h42')).toBe(true)
  expect(events.refusesToken(1, 'h7a')).toBe(false)
  expect(events.refusesToken(1, 'h7b')).toBe(false)
  expect(events.refusesToken(2, 'h42')).toBe(false)
  clock.now = new Date(clock.now.getTime() + 6_000) // older than maxAgeMs
  expect(events.refuses(1, 42)).toBe(false)
  expect(events.refusesToken(1, 'h42')).toBe(false)
  events.learn(events.current, 1, new Date('2026-12-07T00:00:00Z'), none)
  events.down()
  events.learn(events.current, 1, new Date('2026-12-07T00:00:00Z'), none)
  expect(events.refuses(1, 42)).toBe(false)
  expect(events.refusesToken(1, 'h42')).toBe(false)
})
