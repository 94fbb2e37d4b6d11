// The public catalogue, event list and overview read from the demo content, through the contract-typed client.
import { seedDemo } from '../../bff/src/seed/demo'
import { type ContractCall, contractClient } from '../support/contractClient'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
let call: ContractCall
beforeAll(async () => {
  app = await startTestApp()
  await seedDemo(app.db, app.now.value)
  call = contractClient(app.baseUrl)
})
afterAll(() => app.close())

/** The body of a successful answer (fails the test with the error otherwise). */
function okBody<T>(answer: { ok: true; body: T } | { ok: false; status: number; body: unknown }): T {
  if (!answer.ok) throw new Error(`expected success, got ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body
}

describe('decision catalog', () => {
  it('lists the year’s decisions with department, planned time, methods and current stage', async () => {
    const answer = await call('listDecisions')
    expect(answer.status).toBe(200)
    const decisions = okBody(answer)
    expect(decisions).toHaveLength(3)
    const renovation = decisions.find((d) => d.title.includes('老旧小区'))!
    expect(renovation).toMatchObject({ department: { name: '建设局' }, currentStage: 'CONSULTATION' })
    expect(renovation.participationMethods).toContain('公众代表列席决策会议')
    const upcoming = decisions.find((d) => d.title.includes('布局规划'))!
    expect(upcoming.currentStage).toBeNull()
  })

  it('shows a decision’s stages in legal order with its consultations and events', async () => {
    const id = okBody(await call('listDecisions')).find((d) => d.title.includes('老旧小区'))!.id
    const decision = okBody(await call('getDecision', { params: { id } }))
    expect(decision.stages.map((s) => s.kind)).toEqual(['DRAFT_PUBLISHED', 'CONSULTATION', 'HEARING', 'MEETING_REVIEW'])
    expect(decision.consultations).toHaveLength(1)
    expect(decision.events.map((e) => e.title)).toEqual([expect.stringContaining('列席')])
  })

  it('filters by year and rejects a nonsense year', async () => {
    const refused = await call('listDecisions', { query: { year: 1999 } })
    expect([refused.status, refused.ok ? null : refused.body.error.code]).toEqual([400, 'VALIDATION_FAILED'])
    expect(okBody(await call('listDecisions', { query: { year: 2001 } }))).toEqual([])
  })
})

describe('events', () => {
  it('lists events with signup status and seats left after reserved seats', async () => {
    const events = okBody(await call('listEvents'))
    expect(events.total).toBe(3)
    const openDay = events.items.find((e) => e.kind === 'OPEN_DAY')
    expect(openDay).toMatchObject({ signupStatus: 'open', capacity: 40, seatsLeft: 35, selectionMode: 'FIRST_COME' })
    const hearing = events.items.find((e) => e.kind === 'HEARING')
    expect(hearing).toMatchObject({ signupStatus: 'closed', seatsLeft: 3 })
  })

  it('filters by kind and shows details', async () => {
    const meetings = okBody(await call('listEvents', { query: { kind: 'MEETING_ATTENDANCE' } }))
    expect(meetings.items).toHaveLength(1)
    const detail = okBody(await call('getEvent', { params: { id: meetings.items[0]!.id } }))
    expect(detail).toMatchObject({ selectionMode: 'LOTTERY', reservedSeats: 2 })
    expect(detail.decisionId).toEqual(expect.any(Number))
    // A kind the contract does not know: sent raw, as a hostile client would.
    expect((await app.request('/api/events?kind=PARTY')).status).toBe(400)
    const missing = await call('getEvent', { params: { id: 424242 } })
    expect([missing.status, missing.ok ? null : missing.body.error.code]).toEqual([404, 'NOT_FOUND'])
  })
})

describe('overview', () => {
  it('counts what is open and upcoming now', async () => {
    expect(okBody(await call('getOverview'))).toEqual({ openConsultations: 2, opinionsReceived: 6, upcomingEvents: 2, qaItems: 163, decisionsThisYear: 3 })
  })
})
