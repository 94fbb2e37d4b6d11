import pg from 'pg'
import { signInDemoCitizen } from '../support/identity'
import { isWriteOrTransaction, recordStatements, type StatementLog, verbOf } from '../support/statementLog'
import { startTestApp, type TestApp } from '../support/testApp'

/**
 * A signup burst's cheap path: once a first-come event has neither a seat nor a waitlist place
 * left, a refused attempt is one plain read — no transaction, no write, no row lock — checked from
 * both sides: the statements the BFF sends, and the database itself while the test holds every
 * table a signup writes in EXCLUSIVE mode (plain reads pass, any write or row lock would wait).
 */
const DAY = 86_400_000
let app: TestApp
let log: StatementLog
let departmentId: number
let locker: pg.Client

beforeAll(async () => {
  // Before any connection opens: the pool binds each connection's query function when it connects.
  log = recordStatements()
  app = await startTestApp({ settings: { demoLogin: true, sessionTtlHours: 24 } })
  departmentId = (await app.db.department.create({ data: { name: '报名快速通道测试部门' } })).id
  locker = new pg.Client({ connectionString: app.databaseUrl })
  await locker.connect()
})
afterAll(async () => {
  log?.stop()
  await locker?.end()
  await app?.close()
})

async function firstComeEvent(capacity: number, waitlistCapacity: number) {
  const now = app.now.value.getTime()
  const event = await app.db.event.create({
    data: {
      kind: 'OPEN_DAY',
      title: '抢票测试',
      description: '—',
      place: '—',
      departmentId,
      capacity,
      waitlistCapacity,
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

/** The statements one request sends (the session lookup included). */
async function measured<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  log.take()
  const result = await run()
  return { result, statements: log.take() }
}

/** Hold EXCLUSIVE locks on every table a signup writes while `run` goes: reads pass, writes and row locks wait. */
async function withWritesBlocked<T>(run: () => Promise<T>): Promise<T> {
  await locker.query('BEGIN')
  await locker.query('LOCK TABLE event, registration, idempotent_request, notification IN EXCLUSIVE MODE')
  try {
    return await run()
  } finally {
    await locker.query('ROLLBACK')
  }
}

const summary = (statements: string[]) => statements.map(verbOf).join(' ')

it('answers a refused attempt on a full event with one plain read: no transaction, no write, no row lock', async () => {
  const eventId = await firstComeEvent(1, 1)
  const [first, second, third, fourth] = await Promise.all(['甲', '乙', '丙', '丁'].map((n) => signInDemoCitizen(app, n)))
  const seated = await measured(() => signup(eventId, first!, 'fastkey-1'))
  expect(seated.result.body.status).toBe('SELECTED')
  const waiting = await measured(() => signup(eventId, second!, 'fastkey-2'))
  expect(waiting.result.body.status).toBe('WAITLISTED')

  // Full: a newcomer is refused while every table a signup writes is locked against writes.
  const refused = await withWritesBlocked(() => measured(() => signup(eventId, third!, 'fastkey-3')))
  expect(refused.result.status).toBe(409)
  expect(refused.result.body.error.code).toBe('SEATS_EXHAUSTED')
  expect(refused.statements.filter(isWriteOrTransaction)).toEqual([])
  // A second attempt of someone already holding a place, and a retry of a stored signup, likewise.
  const again = await withWritesBlocked(() => measured(() => signup(eventId, first!, 'fastkey-1-again')))
  expect(again.result.body.error.code).toBe('ALREADY_REGISTERED')
  expect(again.statements.filter(isWriteOrTransaction)).toEqual([])
  const retried = await withWritesBlocked(() => measured(() => signup(eventId, first!, 'fastkey-1')))
  expect(retried.result.status).toBe(201)
  expect(retried.result.body).toEqual(seated.result.body)
  expect(retried.statements.filter(isWriteOrTransaction)).toEqual([])
  // The same key with a different request is still refused as reused.
  const reused = await app.request(`/api/events/${eventId}/registrations`, {
    method: 'POST',
    headers: { ...first!.auth, 'idempotency-key': 'fastkey-1' },
    json: { name: '另一个人', phone: '13800138000', category: 'PUBLIC' },
  })
  expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')

  // The seat and the waitlist place are each taken in one statement that also inserts the registration.
  for (const taken of [seated, waiting]) {
    const counters = taken.statements.filter((sql) => /UPDATE event SET/.test(sql))
    // (All statements shown when this fails.)
    expect({ counters: counters.length, statements: counters.length === 1 ? [] : taken.statements }).toEqual({ counters: 1, statements: [] })
    expect(counters[0]).toMatch(/INSERT INTO registration/)
  }
  // A seat is taken by the last statement before the commit (the key's claim with the answer and the notice
  // come first), so the event row every signup of a crowd queues for is held from that statement to the commit.
  const seatAt = seated.statements.findIndex((sql) => /UPDATE event SET/.test(sql))
  expect(seated.statements.slice(seatAt + 1).map(verbOf)).toEqual(['COMMIT'])
  if (process.env.GM_PRINT_STATEMENTS) {
    console.log(
      [
        `seated ${seated.statements.length}: ${summary(seated.statements)}`,
        `waitlisted ${waiting.statements.length}: ${summary(waiting.statements)}`,
        `refused ${refused.statements.length}: ${summary(refused.statements)}`,
        `replayed ${retried.statements.length}: ${summary(retried.statements)}`,
      ].join('\n'),
    )
  }
  // Counters and rows agree; the refused person holds nothing.
  const event = await app.db.event.findUniqueOrThrow({ where: { id: eventId }, select: { confirmedCount: true, waitlistCount: true } })
  expect(event).toEqual({ confirmedCount: 1, waitlistCount: 1 })
  expect(await app.db.registration.count({ where: { eventId, citizenId: fourth!.citizenId } })).toBe(0)
  expect(await app.db.registration.count({ where: { eventId, citizenId: third!.citizenId } })).toBe(0)
  expect(await app.db.idempotentRequest.count({ where: { citizenId: third!.citizenId } })).toBe(0)
})

it('seats the people already waiting before a newcomer when a seat is free while they wait (capacity raised)', async () => {
  const eventId = await firstComeEvent(1, 2)
  const [first, second, third] = await Promise.all(['戊', '己', '庚'].map((n) => signInDemoCitizen(app, n)))
  expect((await signup(eventId, first!, 'raisekey-1')).body.status).toBe('SELECTED')
  expect((await signup(eventId, second!, 'raisekey-2')).body.status).toBe('WAITLISTED')
  await app.db.event.update({ where: { id: eventId }, data: { capacity: 2 } })
  // The free seat goes to the one waiting; the newcomer waits behind.
  expect((await signup(eventId, third!, 'raisekey-3')).body.status).toBe('WAITLISTED')
  const rows = await app.db.registration.findMany({ where: { eventId }, select: { citizenId: true, status: true }, orderBy: { id: 'asc' } })
  expect(rows).toEqual([
    { citizenId: first!.citizenId, status: 'SELECTED' },
    { citizenId: second!.citizenId, status: 'SELECTED' },
    { citizenId: third!.citizenId, status: 'WAITLISTED' },
  ])
  expect(await app.db.event.findUniqueOrThrow({ where: { id: eventId }, select: { confirmedCount: true, waitlistCount: true } })).toEqual({
    confirmedCount: 2,
    waitlistCount: 1,
  })
  // A cancellation frees the seat for the next in line.
  const mine = await app.request('/api/me/registrations', { headers: first!.auth })
  const cancelled = await app.request(`/api/me/registrations/${mine.body[0].id}/cancel`, { method: 'POST', headers: first!.auth })
  expect(cancelled.body.status).toBe('CANCELLED')
  expect((await app.db.registration.findFirstOrThrow({ where: { eventId, citizenId: third!.citizenId }, select: { status: true } })).status).toBe('SELECTED')
  expect(await app.db.event.findUniqueOrThrow({ where: { id: eventId }, select: { confirmedCount: true, waitlistCount: true } })).toEqual({
    confirmedCount: 2,
    waitlistCount: 0,
  })
})

it('confirms exactly the seats and waitlist places when 40 people sign up at once, each once, in the order places were taken', async () => {
  const eventId = await firstComeEvent(5, 5)
  const people = await Promise.all(Array.from({ length: 40 }, (_, i) => signInDemoCitizen(app, `并发${i}`)))
  const answers = await Promise.all(people.map((who, i) => signup(eventId, who, `burstkey-${i}`)))
  const tally: Record<string, number> = {}
  for (const a of answers) tally[a.body.status ?? a.body.error?.code] = (tally[a.body.status ?? a.body.error?.code] ?? 0) + 1
  expect(tally).toEqual({ SELECTED: 5, WAITLISTED: 5, SEATS_EXHAUSTED: 30 })
  const rows = await app.db.registration.findMany({ where: { eventId }, select: { status: true }, orderBy: { id: 'asc' } })
  // Seats were taken before any waitlist place (ids follow the order places were taken).
  expect(rows.map((r) => r.status)).toEqual([...Array(5).fill('SELECTED'), ...Array(5).fill('WAITLISTED')])
  expect(await app.db.event.findUniqueOrThrow({ where: { id: eventId }, select: { confirmedCount: true, waitlistCount: true } })).toEqual({
    confirmedCount: 5,
    waitlistCount: 5,
  })
})

it('answers a retry racing its own first attempt with the first result, one registration', async () => {
  const eventId = await firstComeEvent(3, 0)
  const who = await signInDemoCitizen(app, '辛')
  const answers = await Promise.all(Array.from({ length: 4 }, () => signup(eventId, who, 'racekey-0001')))
  expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201])
  expect(answers.map((a) => a.body)).toEqual(Array(4).fill(answers[0]!.body))
  expect(await app.db.registration.count({ where: { eventId } })).toBe(1)
  expect(await app.db.event.findUniqueOrThrow({ where: { id: eventId }, select: { confirmedCount: true } })).toEqual({ confirmedCount: 1 })
})
