import { seedDemo } from '../../bff/src/seed/demo'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
  await seedDemo(app.db, app.now.value)
})
afterAll(() => app.close())

describe('decision catalog', () => {
  it('lists the year’s decisions with department, planned time, methods and current stage', async () => {
    const { status, body } = await app.request('/api/decisions')
    expect(status).toBe(200)
    expect(body).toHaveLength(3)
    const renovation = body.find((d: { title: string }) => d.title.includes('老旧小区'))
    expect(renovation).toMatchObject({ department: { name: '建设局' }, currentStage: 'CONSULTATION' })
    expect(renovation.participationMethods).toContain('公众代表列席决策会议')
    const upcoming = body.find((d: { title: string }) => d.title.includes('布局规划'))
    expect(upcoming.currentStage).toBeNull()
  })

  it('shows a decision’s stages in legal order with its consultations and events', async () => {
    const list = (await app.request('/api/decisions')).body
    const id = list.find((d: { title: string }) => d.title.includes('老旧小区')).id
    const { body } = await app.request(`/api/decisions/${id}`)
    expect(body.stages.map((s: { kind: string }) => s.kind)).toEqual(['DRAFT_PUBLISHED', 'CONSULTATION', 'HEARING', 'MEETING_REVIEW'])
    expect(body.consultations).toHaveLength(1)
    expect(body.events.map((e: { title: string }) => e.title)).toEqual([expect.stringContaining('列席')])
  })

  it('filters by year and rejects a nonsense year', async () => {
    expect((await app.request('/api/decisions?year=1999')).status).toBe(400)
    expect((await app.request('/api/decisions?year=2001')).body).toEqual([])
  })
})

describe('events', () => {
  it('lists events with signup status and seats left after reserved seats', async () => {
    const { body } = await app.request('/api/events')
    expect(body.total).toBe(3)
    const openDay = body.items.find((e: { kind: string }) => e.kind === 'OPEN_DAY')
    expect(openDay).toMatchObject({ signupStatus: 'open', capacity: 40, seatsLeft: 35, selectionMode: 'FIRST_COME' })
    const hearing = body.items.find((e: { kind: string }) => e.kind === 'HEARING')
    expect(hearing).toMatchObject({ signupStatus: 'closed', seatsLeft: 3 })
  })

  it('filters by kind and shows details', async () => {
    const { body } = await app.request('/api/events?kind=MEETING_ATTENDANCE')
    expect(body.items).toHaveLength(1)
    const detail = (await app.request(`/api/events/${body.items[0].id}`)).body
    expect(detail).toMatchObject({ selectionMode: 'LOTTERY', reservedSeats: 2 })
    expect(detail.decisionId).toEqual(expect.any(Number))
    expect((await app.request('/api/events?kind=PARTY')).status).toBe(400)
    expect((await app.request('/api/events/424242')).status).toBe(404)
  })
})

describe('overview', () => {
  it('counts what is open and upcoming now', async () => {
    const { body } = await app.request('/api/overview')
    expect(body).toEqual({ openConsultations: 2, opinionsReceived: 6, upcomingEvents: 2, qaItems: 7, decisionsThisYear: 3 })
  })
})
