// Every citizen write is safe to retry: the same idempotency key gets the first answer and stores one row.
import { contract, type Endpoint, type EndpointName } from '@gm/shared'
import { seedDemo } from '../../bff/src/seed/demo'
import { signInDemoCitizen } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

/**
 * How each write a citizen can make survives a retry after a lost answer or a 503 (the miniapp
 * sends an Idempotency-Key with every write and keeps a form's key until it is answered). Keyed
 * writes replay the first result; the others are idempotent by what they do.
 */
const CITIZEN_WRITES: Partial<Record<EndpointName, string>> = {
  submitOpinion: 'keyed (idempotencyKey in the body, required)',
  askPolicyQuestion: 'keyed (idempotencyKey in the body, required)',
  joinEvent: 'keyed (Idempotency-Key header or idempotencyKey in the body)',
  cancelRegistration: 'keyed (Idempotency-Key header); cancelling again changes nothing anyway',
  recordSubscriptions: 'keyed (Idempotency-Key header)',
  rateQaItem: 'one vote per person, device or address: the same vote again changes nothing',
  acceptPrivacy: 'records the current notice version: again changes nothing',
  bindPhone: 'stores the verified number: again stores the same',
  readNotification: 'sets read_at once',
  follow: 'one follow per citizen and target: following again keeps the first',
  unfollow: 'deletes the follow if there is one: again changes nothing',
  deleteMyData: 'the first call deletes and signs out; a retry is refused 401, nothing more happens',
}

let app: TestApp
let consultationId: number
let eventId: number
let qaItemId: number

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
  await seedDemo(app.db, app.now.value)
  const department = await app.db.department.findFirstOrThrow({ select: { id: true } })
  const [consultation] = await app.db.$queryRaw<{ id: number }[]>`
    INSERT INTO consultation (department_id, title, summary, is_major_decision, opens_at, closes_at, published_at)
    VALUES (${department.id}, '园区慢行系统规划（征求意见稿）', '—', false, now() - interval '1 day', now() + interval '40 days', now() - interval '1 day')
    RETURNING id`
  consultationId = consultation!.id
  const [event] = await app.db.$queryRaw<{ id: number }[]>`
    INSERT INTO event (kind, title, description, place, department_id, starts_at, ends_at, signup_opens_at, signup_closes_at,
                       capacity, reserved_seats, waitlist_capacity, selection_mode, published_at)
    VALUES ('OPEN_DAY', '重试报名测试', '—', '—', ${department.id}, now() + interval '10 days', now() + interval '10 days 3 hours',
            now() - interval '1 day', now() + interval '5 days', 10, 0, 5, 'FIRST_COME', now() - interval '1 day')
    RETURNING id`
  eventId = event!.id
  qaItemId = (await app.db.qaItem.findFirstOrThrow({ where: { status: 'PUBLISHED' }, select: { id: true } })).id
})
afterAll(() => app.close())

/** The same request twice: both answers, for comparing. */
async function twice(path: string, init: RequestInit & { json?: unknown }) {
  const first = await app.request(path, init)
  const second = await app.request(path, init)
  return [first, second] as const
}

describe('retrying a citizen write', () => {
  it('has an answer for every write a citizen can make in the contract', () => {
    const writes = (Object.keys(contract) as EndpointName[]).filter((name) => {
      const endpoint: Endpoint = contract[name]
      return (
        endpoint.method !== 'GET' && (endpoint.access === 'citizen' || (endpoint.access === 'public' && endpoint.tag !== 'auth' && endpoint.tag !== 'staff'))
      )
    })
    expect(writes.sort()).toEqual(Object.keys(CITIZEN_WRITES).sort())
  })

  it('replays the first opinion receipt for the same key and stores one opinion', async () => {
    const citizen = await signInDemoCitizen(app, '钱一')
    const body = { text: '建议慢行道与机动车道之间设置隔离绿化带。', consent: 'PUBLISH_MASKED', idempotencyKey: 'retry-opinion-0001' }
    const [first, second] = await twice(`/api/consultations/${consultationId}/opinions`, { method: 'POST', headers: citizen.auth, json: body })
    expect(first.status).toBe(201)
    expect(second).toMatchObject({ status: 201, body: first.body })
    expect(await app.db.opinion.count({ where: { citizenId: citizen.citizenId } })).toBe(1)
  })

  it('replays the first policy-question receipt for the same key and stores one question', async () => {
    const citizen = await signInDemoCitizen(app, '孙二')
    const body = { text: '小微企业房租补贴的申请材料有哪些？', idempotencyKey: 'retry-question-0001' }
    const [first, second] = await twice('/api/policy-questions', { method: 'POST', headers: citizen.auth, json: body })
    expect(first.status).toBe(201)
    expect(second).toMatchObject({ status: 201, body: first.body })
    expect(await app.db.policyQuestion.count({ where: { citizenId: citizen.citizenId } })).toBe(1)
  })

  it('replays the first signup and the first cancellation for the same key, one registration throughout', async () => {
    const citizen = await signInDemoCitizen(app, '周三')
    const signup = { name: '周三', phone: '13800001111', category: 'PUBLIC' }
    const [joined, joinedAgain] = await twice(`/api/events/${eventId}/registrations`, {
      method: 'POST',
      headers: { ...citizen.auth, 'Idempotency-Key': 'retry-signup-0001' },
      json: signup,
    })
    expect(joined).toMatchObject({ status: 201, body: { status: 'SELECTED' } })
    expect(joinedAgain).toMatchObject({ status: 201, body: joined.body })

    const [cancelled, cancelledAgain] = await twice(`/api/me/registrations/${joined.body.id}/cancel`, {
      method: 'POST',
      headers: { ...citizen.auth, 'Idempotency-Key': 'retry-cancel-0001' },
    })
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'CANCELLED' } })
    expect(cancelledAgain).toMatchObject({ status: 200, body: cancelled.body })
    expect(await app.db.registration.count({ where: { citizenId: citizen.citizenId } })).toBe(1)
    const seats = await app.db.$queryRaw<{ confirmed_count: number }[]>`SELECT confirmed_count FROM event WHERE id = ${eventId}`
    expect(seats[0]!.confirmed_count).toBe(0)
  })

  it('grants one subscription credit per key, and refuses the key for another set of kinds', async () => {
    const citizen = await signInDemoCitizen(app, '吴四')
    const headers = { ...citizen.auth, 'Idempotency-Key': 'retry-subscribe-0001' }
    const [first, second] = await twice('/api/me/subscriptions', { method: 'POST', headers, json: { accepted: ['OPINION_ANSWERED'] } })
    expect([first.status, second.status]).toEqual([204, 204])
    const credits = () => app.db.subscribeCredit.findMany({ where: { citizenId: citizen.citizenId }, select: { kind: true, credits: true } })
    expect(await credits()).toEqual([{ kind: 'OPINION_ANSWERED', credits: 1 }])
    const reused = await app.request('/api/me/subscriptions', { method: 'POST', headers, json: { accepted: ['EVENT_REMINDER'] } })
    expect([reused.status, reused.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED'])
    // A new accept (a new key) is a new credit.
    const next = await app.request('/api/me/subscriptions', {
      method: 'POST',
      headers: { ...citizen.auth, 'Idempotency-Key': 'retry-subscribe-0002' },
      json: { accepted: ['OPINION_ANSWERED'] },
    })
    expect(next.status).toBe(204)
    expect(await credits()).toEqual([{ kind: 'OPINION_ANSWERED', credits: 2 }])
  })

  it('counts a repeated 有帮助 vote once and answers it with the same counts', async () => {
    const citizen = await signInDemoCitizen(app, '郑五')
    const [first, second] = await twice(`/api/qa/${qaItemId}/feedback`, {
      method: 'POST',
      headers: { ...citizen.auth, 'Idempotency-Key': 'retry-vote-0001' },
      json: { helpful: true },
    })
    expect(first.status).toBe(200)
    expect(second).toMatchObject({ status: 200, body: first.body })
    expect(await app.db.qaVote.count({ where: { itemId: qaItemId } })).toBe(1)
  })
})
